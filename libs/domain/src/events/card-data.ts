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

/**
 * A card number as people type it, read the way the contract says (docs/api-v1.md additions of
 * 2026-11-23): NFKC (full-width to half-width), upper case, spaces and hyphens removed
 * (`ab 1234-5678 cd` → `AB12345678CD`; the long-vowel mark ー and the minus sign count as hyphens,
 * as a Japanese input method types them); null when that is not a card number. Every path that
 * takes a card number reads it with this: events, the card look-up, search, imports.
 */
export function cardNumberForm(typed: string): string | null {
  const form = typed
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s\-‐－ー−]+/g, '');
  return CARD_NUMBER_PATTERN.test(form) ? form : null;
}
