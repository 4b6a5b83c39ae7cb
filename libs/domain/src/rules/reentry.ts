/**
 * Re-entry: みなし再入国許可 lasts one year from departure but never past the end of the
 * period of stay (or of a special period under way); a re-entry permit lasts to its printed
 * expiry but no later than the period of stay, and is valid at most 5 years (入管法26条, 26条の2; docs/sources/card-number-check.md §5.2, docs/sources/residence-card-guide.md). Not moved for holidays: it is a day to be
 * back in Japan, not an act owed to an office.
 */
import { minDate, type LocalDate } from '../calendar/local-date.js';
import { addYears } from '../calendar/legal-periods.js';
import type { Stay, StayApplication } from '../resident/state.js';
import { specialPeriodEnd } from './lawful-stay.js';

export function deemedReentryDeadline(departedOn: LocalDate, stay: Stay, pending: StayApplication | null): LocalDate {
  return minDate(addYears(departedOn, 1), stayEndFrom(departedOn, stay, pending) ?? END_OF_DAYS);
}

/**
 * A re-entry permit never carries the stay past the period of stay (docs/sources/residence-card-guide.md: 在留期限まで;
 * 26条: the permit keeps the status, it does not lengthen it): min(permitExpiresOn, period end).
 */
export function permitReentryDeadline(
  departedOn: LocalDate,
  permitExpiresOn: LocalDate,
  stay: Stay,
  pending: StayApplication | null,
): LocalDate {
  return minDate(permitExpiresOn, stayEndFrom(departedOn, stay, pending) ?? END_OF_DAYS);
}

/** A re-entry permit is valid for at most 5 years (26条③). */
export const REENTRY_PERMIT_MAX_YEARS = 5;

export function longestPermitEnd(departedOn: LocalDate): LocalDate {
  return addYears(departedOn, REENTRY_PERMIT_MAX_YEARS);
}

const END_OF_DAYS = '9999-12-31' as LocalDate;

/** The period end that bounds a trip: the expiry, or a special period already under way. */
function stayEndFrom(departedOn: LocalDate, stay: Stay, pending: StayApplication | null): LocalDate | null {
  if (stay.periodExpiresOn === null) return null;
  return departedOn > stay.periodExpiresOn ? (specialPeriodEnd(stay, pending) ?? stay.periodExpiresOn) : stay.periodExpiresOn;
}
