/**
 * Re-entry: みなし再入国許可 lasts one year from departure but never past the end of the
 * period of stay (or of a special period under way); a re-entry permit lasts to its printed
 * expiry (入管法26条, 26条の2; seeds 000 §5.2, 004). Not moved for holidays: it is a day to be
 * back in Japan, not an act owed to an office.
 */
import { minDate, type LocalDate } from '../calendar/local-date.js';
import { addYears } from '../calendar/legal-periods.js';
import type { Stay, StayApplication } from '../resident/state.js';
import { specialPeriodEnd } from './lawful-stay.js';

export function deemedReentryDeadline(departedOn: LocalDate, stay: Stay, pending: StayApplication | null): LocalDate {
  const oneYear = addYears(departedOn, 1);
  if (stay.periodExpiresOn === null) return oneYear;
  const stayEnd = departedOn > stay.periodExpiresOn ? (specialPeriodEnd(stay, pending) ?? stay.periodExpiresOn) : stay.periodExpiresOn;
  return minDate(oneYear, stayEnd);
}
