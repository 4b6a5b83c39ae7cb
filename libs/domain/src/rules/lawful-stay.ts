/**
 * Period of stay and lawful stay: the renewal window (docs/sources/online-renewal-guide.md), the special period
 * (特例期間, 入管法20条6項, 21条4項; docs/sources/card-number-check.md §6.3) and the
 * newborn's grace (入管法22条の2; docs/sources/residence-card-guide.md §2-4). docs/domain-rules.md §4.
 */
import { addDays, daysBetween, type LocalDate } from '../calendar/local-date.js';
import { addMonths, monthsBefore } from '../calendar/legal-periods.js';
import { nextWorkingDayFrom } from '../calendar/administrative-holidays.js';
import type { ResidentState, Stay, StayApplication } from '../resident/state.js';
import type { StatusCode } from '../status-catalogue.js';

export const LAWFUL_BASES = [
  'period_of_stay',
  'special_period',
  'permanent',
  'deemed_reentry_abroad',
  'reentry_permit_abroad',
  'birth_grace',
  'departure_period',
  'none',
] as const;
export type LawfulBasis = (typeof LAWFUL_BASES)[number];

/** 22条の4⑦: the departure period after a revocation is at most 30 days. */
export const DEPARTURE_PERIOD_MAX_DAYS = 30;

export interface Residence {
  lawful: boolean;
  basis: LawfulBasis;
  status: StatusCode | null;
  periodExpiresOn: LocalDate | null;
  lawfulUntil: LocalDate | null;
  inJapan: boolean;
}

/**
 * The renewal window opens "about 3 months before" expiry (docs/sources/online-renewal-guide.md, a soft date):
 * (periodExpiresOn + 1 day) minus 3 calendar months, so 2025-06-30 → 2025-04-01. A period
 * shorter than 6 months is open from the grant (null) (reading).
 */
export function renewalWindowOpensOn(stay: Stay): LocalDate | null {
  if (stay.periodExpiresOn === null) return null;
  if (stay.periodExpiresOn < addMonths(stay.periodStart, 6)) return null;
  return monthsBefore(addDays(stay.periodExpiresOn, 1), 3);
}

/** The last day to apply: the expiry, moved off an administrative holiday. */
export function renewalDueOn(periodExpiresOn: LocalDate): LocalDate {
  return nextWorkingDayFrom(periodExpiresOn);
}

/**
 * An extension or change applied for by the expiry, on a period longer than 30 days, keeps
 * the stay lawful after the expiry. "By the expiry" takes the 行政機関の休日 move into
 * account: an expiry on a Saturday may be met on Monday (reading).
 */
export function givesSpecialPeriod(stay: Stay, appliedOn: LocalDate): boolean {
  if (stay.periodExpiresOn === null) return false;
  // 20条6項 "三十日以下の在留期間を決定されている者を除く": a "30日" period granted on 1 April
  // ends on 1 May (初日不算入), so only an expiry after grant day + 30 days counts.
  return daysBetween(stay.periodStart, stay.periodExpiresOn) > SPECIAL_PERIOD_MIN_DAYS && appliedOn <= renewalDueOn(stay.periodExpiresOn);
}

/** 20条6項: periods of 30 days or less give no special period. */
export const SPECIAL_PERIOD_MIN_DAYS = 30;

/** The special period lasts until the decision or two months after the expiry, whichever is first. */
export function specialPeriodEnd(stay: Stay | null, pending: StayApplication | null): LocalDate | null {
  if (stay?.periodExpiresOn == null || pending === null || !pending.givesSpecialPeriod) return null;
  return addMonths(stay.periodExpiresOn, 2);
}

/** A newborn without status may stay 60 days from birth (22条の2①). */
export const BIRTH_GRACE_DAYS = 60;
/** …and must apply within 30 days of birth to stay longer (22条の2②). */
export const STATUS_ACQUISITION_DAYS = 30;

export function residenceAsOf(state: ResidentState, asOf: LocalDate): Residence {
  const inJapan = state.presence === 'in_japan';
  const { stay } = state;
  if (state.closed !== null) return residence(state, false, 'none', null);
  if (stay === null) {
    const departure = state.departurePeriod;
    if (departure !== null && inJapan && asOf <= departure.until) return residence(state, true, 'departure_period', departure.until);
    if (state.birth === null || !inJapan) return residence(state, false, 'none', null);
    if (state.acquisition?.timely) return residence(state, true, 'birth_grace', null);
    const graceEnd = addDays(state.birth.bornOn, BIRTH_GRACE_DAYS);
    return asOf <= graceEnd ? residence(state, true, 'birth_grace', graceEnd) : residence(state, false, 'none', null);
  }
  if (state.abroad !== null) {
    return residence(
      state,
      true,
      state.abroad.via === 'deemed' ? 'deemed_reentry_abroad' : 'reentry_permit_abroad',
      state.abroad.reentryBy,
    );
  }
  if (stay.periodExpiresOn === null) return residence(state, true, 'permanent', null);
  if (asOf <= stay.periodExpiresOn) return residence(state, true, 'period_of_stay', stay.periodExpiresOn);
  const specialEnd = specialPeriodEnd(stay, state.pendingStay);
  if (specialEnd !== null && asOf <= specialEnd) return residence(state, true, 'special_period', specialEnd);
  return residence(state, false, 'none', null);
}

/** One literal, keys always in this order: the status timeline compares statuses as JSON text. */
function residence(state: ResidentState, lawful: boolean, basis: LawfulBasis, lawfulUntil: LocalDate | null): Residence {
  return {
    status: state.stay?.status ?? null,
    periodExpiresOn: state.stay?.periodExpiresOn ?? null,
    inJapan: state.presence === 'in_japan',
    lawful,
    basis,
    lawfulUntil,
  };
}
