/**
 * The residence card: its expiry (入管法19条の5), its state on a date, and when the
 * specified residence card exists (docs/sources/specified-residence-card.md). docs/domain-rules.md §5; docs/sources/card-number-check.md §5, docs/sources/residency-management-system.md.
 */
import { addDays, type LocalDate } from '../calendar/local-date.js';
import { anniversary, yearsCountedFrom } from '../calendar/legal-periods.js';
import { STATUS_CATALOGUE, type StatusCode } from '../status-catalogue.js';
import type { CardRecord } from '../resident/state.js';

/** Cards issued from this day end on the day before the 16th birthday, earlier ones on it. */
export const AGE_16_DAY_BEFORE_FROM = '2023-11-01' as LocalDate;

/** 特定在留カード: issued from the law's start date (docs/sources/specified-residence-card.md). */
export const SPECIFIED_CARD_FROM = '2026-06-14' as LocalDate;

export const CARD_STATES = ['valid', 'expired', 'invalidated', 'none'] as const;
export type CardState = (typeof CARD_STATES)[number];

export interface ComputedExpiry {
  expiresOn: LocalDate;
  /** The age-16 rule set the date (renewal opens 6 months ahead, not 2). */
  ageCapped: boolean;
}

/**
 * 19条の5①: 1号 permanent residents and 高度専門職2号: 交付の日から起算して7年を経過する日 (the
 * issue day counts: 2025-02-28 → 2032-02-27, 2024-02-29 → 2031-02-28); 3号 everyone else: the
 * end of the period of stay. Under 16 on the issue day: 2号 a permanent resident's card ends on
 * the day before the 16th birthday (the birthday itself for cards issued before 2023-11-01),
 * 4号 anyone else's on that day or the period end, whichever is first. 2号 and 4号 exclude a card
 * issued on a validity renewal (括弧書: 19条の11③ applying 19条の10②), so such a card is not
 * capped again. 2号 names only 永住者: a 高度専門職2号 holder gets 7 years at any age.
 */
export function computeCardExpiry(args: {
  issuedOn: LocalDate;
  dateOfBirth: LocalDate;
  status: StatusCode;
  periodExpiresOn: LocalDate | null;
  validityRenewal?: boolean;
}): ComputedExpiry {
  const sixteenth = anniversary(args.dateOfBirth, 16);
  const capped = args.issuedOn < sixteenth && args.validityRenewal !== true;
  const ageLimit = args.issuedOn >= AGE_16_DAY_BEFORE_FROM ? addDays(sixteenth, -1) : sixteenth;
  if (STATUS_CATALOGUE[args.status].indefinite || args.periodExpiresOn === null) {
    return capped && args.status === 'permanent_resident'
      ? { expiresOn: ageLimit, ageCapped: true }
      : { expiresOn: yearsCountedFrom(args.issuedOn, SEVEN_YEAR_CARD), ageCapped: false };
  }
  if (capped && ageLimit < args.periodExpiresOn) return { expiresOn: ageLimit, ageCapped: true };
  return { expiresOn: args.periodExpiresOn, ageCapped: false };
}

/** 19条の5①1号: 7 years, the issue day included. */
export const SEVEN_YEAR_CARD = 7;

/**
 * An invalidated card stays invalidated; a card past its validity is `expired`, not
 * invalidated. A lost card is still valid until a new card replaces it (19条の14).
 */
export function cardStateAsOf(card: CardRecord | null, asOf: LocalDate): CardState {
  if (card === null || asOf < card.heldFrom) return 'none';
  if (card.invalidatedOn !== null && card.invalidatedOn <= asOf) return 'invalidated';
  if (asOf > card.validThrough) return 'expired';
  return 'valid';
}
