/** Each resident's next deadline to act on (open or overdue) as of a date: the caseload list's column. */
import type { DataSource } from 'typeorm';
import type { LocalDate } from '@zairyu/domain';
import { DEADLINE_ROW_COLUMNS, type DeadlineRow } from './deadline-rows.js';
import { DEADLINE_STATE_SQL } from './deadline-state-sql.js';

/** One row per resident that has one, the earliest due first (then by kind, as the fold orders them). */
export async function nextDeadlineRows(
  dataSource: DataSource,
  organisationId: string,
  residentIds: readonly string[],
  asOf: LocalDate,
): Promise<Array<DeadlineRow & { resident_id: string }>> {
  if (residentIds.length === 0) return [];
  return dataSource.query(
    `SELECT DISTINCT ON (d.resident_id) ${DEADLINE_ROW_COLUMNS}
     FROM read_model.deadline d
     WHERE d.organisation_id = $1 AND d.resident_id = ANY($2::uuid[]) AND d.created_on <= $3::date
       AND ${DEADLINE_STATE_SQL} IN ('open', 'overdue')
     ORDER BY d.resident_id, d.due_on, d.kind`,
    [organisationId, residentIds, asOf],
  );
}
