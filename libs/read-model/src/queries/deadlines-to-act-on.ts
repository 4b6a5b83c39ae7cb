/**
 * Every deadline of a caseload still to act on (upcoming, open, overdue) as of a date, in keyset
 * batches in due order: a caseload of any size goes out whole (the calendar feed), with no cut at
 * some page size and no OFFSET that rescans what was already read.
 */
import type { DataSource } from 'typeorm';
import type { LocalDate } from '@zairyu/domain';
import { DEADLINE_ROW_COLUMNS, type DeadlineRow } from './deadline-rows.js';
import { DEADLINE_STATE_SQL } from './deadline-state-sql.js';
import { withResidentNames } from './resident-names.js';
import type { ReadModelSeal } from '../sealing/read-model-seal.js';

export type ResidentDeadlineRow = DeadlineRow & { resident_id: string; resident_name: string };

export async function* deadlinesToActOn(
  dataSource: DataSource,
  seal: ReadModelSeal,
  organisationId: string,
  asOf: LocalDate,
  batchSize: number,
): AsyncGenerator<ResidentDeadlineRow[]> {
  let after = { dueOn: '0001-01-01', residentId: '00000000-0000-0000-0000-000000000000', id: '' };
  for (;;) {
    const rows: ResidentDeadlineRow[] = await dataSource.query(
      `SELECT ${DEADLINE_ROW_COLUMNS}
       FROM read_model.deadline d
       WHERE d.organisation_id = $1 AND d.created_on <= $3::date
         AND ${DEADLINE_STATE_SQL} IN ('upcoming', 'open', 'overdue')
         AND (d.due_on, d.resident_id, d.id) > ($2::date, $4::uuid, $5::text)
       ORDER BY d.due_on, d.resident_id, d.id LIMIT ${Number(batchSize)}`,
      [organisationId, after.dueOn, asOf, after.residentId, after.id],
    );
    if (rows.length === 0) return;
    yield await withResidentNames((sql, values) => dataSource.query(sql, values), seal, organisationId, rows);
    if (rows.length < batchSize) return;
    const last = rows.at(-1)!;
    after = { dueOn: last.due_on, residentId: last.resident_id, id: last.id };
  }
}
