/**
 * Who holds a residence card: 中長期在留者 (入管法19条の3; docs/sources/residency-management-system.md, docs/sources/residence-card-guide.md; docs/domain-rules.md §2).
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
  // 19条の3①1号 "三月以下の在留期間": a "3月" period granted on 1 April ends on 1 July
  // (初日不算入) and is not mid-to-long-term; only a period ending after that day is.
  return periodExpiresOn === null || periodExpiresOn > addMonths(periodStart, 3);
}
