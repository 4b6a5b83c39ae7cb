/**
 * The residence card: its expiry (入管法19条の5), its state on a date, and when the
 * specified residence card exists (seed 003). domain-rules.md §5; seeds 000 §5, 001.
 */
import { addDays, type LocalDate } from '../calendar/local-date.js';
import { addYears, anniversary } from '../calendar/legal-periods.js';
import { STATUS_CATALOGUE, type StatusCode } from '../status-catalogue.js';
import type { CardRecord } from '../resident/state.js';

/** Cards issued from this day end on the day before the 16th birthday, earlier ones on it. */
export const AGE_16_DAY_BEFORE_FROM = '2023-11-01' as LocalDate;

/** 特定在留カード: issued from the law's start date (seed 003). */
export const SPECIFIED_CARD_FROM = '2026-06-14' as LocalDate;

export type CardState = 'valid' | 'expired' | 'invalidated' | 'none';

export interface ComputedExpiry {
  expiresOn: LocalDate;
  /** The age-16 rule set the date (renewal opens 6 months ahead, not 2). */
  ageCapped: boolean;
}

/**
 * 19条の5: permanent residents and 高度専門職2号 aged 16 or more get a card to the day before
 * the 7th anniversary of issue (起算して7年を経過する日, `addYears(issuedOn, 7) - 1 day`);
 * everyone else a card to the end of the period of stay. Under 16 on the issue day, the card
 * ends no later than the day before the 16th birthday (the birthday itself for cards issued
 * before 2023-11-01); for a permanent resident that is the expiry.
 */
export function computeCardExpiry(args: {
  issuedOn: LocalDate;
  dateOfBirth: LocalDate;
  status: StatusCode;
  periodExpiresOn: LocalDate | null;
}): ComputedExpiry {
  const sixteenth = anniversary(args.dateOfBirth, 16);
  const underSixteen = args.issuedOn < sixteenth;
  const ageLimit = args.issuedOn >= AGE_16_DAY_BEFORE_FROM ? addDays(sixteenth, -1) : sixteenth;
  if (STATUS_CATALOGUE[args.status].indefinite || args.periodExpiresOn === null) {
    return underSixteen
      ? { expiresOn: ageLimit, ageCapped: true }
      : { expiresOn: addDays(addYears(args.issuedOn, 7), -1), ageCapped: false };
  }
  if (underSixteen && ageLimit < args.periodExpiresOn) return { expiresOn: ageLimit, ageCapped: true };
  return { expiresOn: args.periodExpiresOn, ageCapped: false };
}

/**
 * An invalidated card stays invalidated; a card past its validity is `expired`, not
 * invalidated. A lost card is still valid until a new card replaces it (19条の14).
 */
export function cardStateAsOf(card: CardRecord | null, asOf: LocalDate): CardState {
  if (card === null || asOf < card.issuedOn) return 'none';
  if (card.invalidatedOn !== null && card.invalidatedOn <= asOf) return 'invalidated';
  if (asOf > card.validThrough) return 'expired';
  return 'valid';
}
