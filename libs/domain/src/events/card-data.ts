import type { LocalDate } from '../calendar/local-date.js';

export const CARD_KINDS = ['residence_card', 'specified_residence_card'] as const;
export type CardKind = (typeof CARD_KINDS)[number];

/**
 * What the holder chose for the My Number card (docs/sources/specified-residence-card.md): the combined 特定在留カード, a
 * residence card plus a separate My Number card, or a residence card only.
 */
export const MY_NUMBER_OPTIONS = ['combined', 'separate_my_number_card', 'residence_card_only'] as const;
export type MyNumberOption = (typeof MY_NUMBER_OPTIONS)[number];

/** The card as a caseworker copies it from the physical card. */
export interface CardData {
  number: string;
  issuedOn?: LocalDate;
  expiresOn?: LocalDate;
  kind?: CardKind;
  myNumberOption?: MyNumberOption;
}

/** 在留カード番号: two upper-case letters, eight digits, two upper-case letters (docs/sources/card-number-check.md §3.2). */
export const CARD_NUMBER_PATTERN = /^[A-Z]{2}[0-9]{8}[A-Z]{2}$/;

export function isCardNumber(value: unknown): value is string {
  return typeof value === 'string' && CARD_NUMBER_PATTERN.test(value);
}
