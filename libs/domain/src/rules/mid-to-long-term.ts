/**
 * Who holds a residence card: 中長期在留者 (入管法19条の3; seeds 001, 004; domain-rules.md §2).
 */
import type { LocalDate } from '../calendar/local-date.js';
import { addMonths } from '../calendar/legal-periods.js';
import { CARDLESS_DESIGNATIONS, STATUS_CATALOGUE, type Designation, type StatusCode } from '../status-catalogue.js';

export function isMidToLongTerm(
  status: StatusCode,
  designation: Designation | null,
  periodStart: LocalDate,
  periodExpiresOn: LocalDate | null,
): boolean {
  if (STATUS_CATALOGUE[status].cardless) return false;
  if (status === 'designated_activities' && (CARDLESS_DESIGNATIONS as readonly string[]).includes(designation ?? '')) {
    return false;
  }
  // A period of 3 months or less: it ends before the same day three months on.
  return periodExpiresOn === null || periodExpiresOn >= addMonths(periodStart, 3);
}
