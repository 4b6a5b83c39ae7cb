/**
 * The caseload's deadlines (GET /v1/deadlines and its exports), in due order: the residents'
 * rows and the organisation's own deadlines (`residentId: null`, docs/ssw-duties.md §7) as one
 * relation, filtered and paged in one query.
 */
import type { DataSource } from 'typeorm';
import { owedByOf, type DeadlineKind, type DeadlineRecord, type DeadlineState, type LocalDate, type OwedBy } from '@zairyu/domain';
import { DEADLINE_ROW_COLUMNS, type DeadlineRow } from './deadline-rows.js';
import { DEADLINE_STATE_SQL } from './deadline-state-sql.js';
import { withResidentNames } from './resident-names.js';
import type { ReadModelSeal } from '../sealing/read-model-seal.js';

export interface CaseloadDeadlineFilter {
  from: LocalDate | null;
  to: LocalDate | null;
  states: DeadlineState[];
  kinds: DeadlineKind[];
  asOf: LocalDate;
  page: number;
  pageSize: number;
  /** Only the deadlines of residents this user is in charge of (null: of nobody's). */
  assignedTo?: string | null;
  /** Who must act (docs/ssw-duties.md §1); none: everyone. */
  owedBy?: OwedBy[];
  /**
   * The employer a filing concerns: a record id or a name, or several spellings of one employer
   * (its record id and its name, for filings recorded by name before the record existed).
   */
  employer?: string | readonly string[] | null;
  /** Only the deadlines of Specified Skilled Workers in this 特定産業分野 (the 指定書's field, a code). */
  field?: string | null;
  /** Only those met on or after this day (by `asOf`): what was done lately, whenever it was due. */
  metFrom?: LocalDate | null;
}

/** The residents' deadline rows and the organisation's own ones (`$5`, as JSON), as one relation `d`. */
const DEADLINES_AND_ORGANISATION_DEADLINES = `(
  SELECT organisation_id, id, resident_id, kind, created_on, opens_on, due_on, statutory_due_on, met_on, void_on,
         source_event_id, owed_by, employer
  FROM read_model.deadline
  UNION ALL
  SELECT $1::uuid, id, NULL::uuid, kind, created_on, opens_on, due_on, statutory_due_on, met_on, void_on,
         source_event_id, owed_by, NULL::text
  FROM jsonb_to_recordset($5::jsonb) AS o(id text, kind text, created_on date, opens_on date, due_on date, statutory_due_on date,
         met_on date, void_on date, source_event_id text, owed_by text))`;

/** The user in charge of the deadline's resident (none for the organisation's own deadlines). */
const ASSIGNEE = `(SELECT s.assigned_to FROM read_model.resident_summary s
  WHERE s.organisation_id = d.organisation_id AND s.resident_id = d.resident_id) AS assigned_to`;

/** `own`: the organisation's own deadlines, which live with the organisation, not in the read model. */
export async function caseloadDeadlinePage(
  dataSource: DataSource,
  seal: ReadModelSeal,
  organisationId: string,
  filter: CaseloadDeadlineFilter,
  own: readonly DeadlineRecord[],
): Promise<{ rows: DeadlineRow[]; total: number }> {
  const ownRows = own.map((deadline) => ({
    id: deadline.id,
    kind: deadline.kind,
    created_on: deadline.createdOn,
    opens_on: deadline.opensOn,
    due_on: deadline.dueOn,
    statutory_due_on: deadline.statutoryDueOn,
    met_on: deadline.metOn,
    void_on: deadline.voidOn,
    source_event_id: deadline.sourceEventId,
    owed_by: owedByOf(deadline.kind),
  }));
  const params: unknown[] = [organisationId, filter.from ?? '0001-01-01', filter.asOf, filter.to ?? '9999-12-31', JSON.stringify(ownRows)];
  const add = (value: unknown) => `$${params.push(value)}`;
  let where = `d.organisation_id = $1 AND d.due_on >= $2::date AND d.due_on <= $4::date AND d.created_on <= $3::date`;
  if (filter.states.length > 0) where += ` AND ${DEADLINE_STATE_SQL} = ANY(${add(filter.states)}::text[])`;
  if (filter.kinds.length > 0) where += ` AND d.kind = ANY(${add(filter.kinds)}::text[])`;
  if (filter.assignedTo !== undefined) {
    where += ` AND EXISTS (SELECT 1 FROM read_model.resident_summary s WHERE s.organisation_id = d.organisation_id
      AND s.resident_id = d.resident_id AND s.assigned_to IS NOT DISTINCT FROM ${add(filter.assignedTo)}::text)`;
  }
  if (filter.owedBy !== undefined && filter.owedBy.length > 0) where += ` AND d.owed_by = ANY(${add(filter.owedBy)}::text[])`;
  if (filter.employer != null) where += ` AND d.employer = ANY(${add([filter.employer].flat())}::text[])`;
  if (filter.metFrom != null) where += ` AND d.met_on >= ${add(filter.metFrom)}::date AND d.met_on <= $3::date`;
  if (filter.field != null) {
    where += ` AND EXISTS (SELECT 1 FROM read_model.resident_summary s WHERE s.organisation_id = d.organisation_id
      AND s.resident_id = d.resident_id AND s.ssw_panel->>'field' = ${add(filter.field)})`;
  }
  const n = params.length;
  // The page and the count apart: a window count over the page's query made every row of the
  // filter (10,000 in 30 days at 100,000 residents) be read whole and sorted for a page of 50;
  // apart, the page is read in due order from the index and stops at its last row.
  const [rows, counted] = await Promise.all([
    dataSource.query(
      `SELECT ${DEADLINE_ROW_COLUMNS}, ${ASSIGNEE}
       FROM ${DEADLINES_AND_ORGANISATION_DEADLINES} d WHERE ${where}
       ORDER BY d.due_on, d.id LIMIT $${n + 1} OFFSET $${n + 2}`,
      [...params, filter.pageSize, (filter.page - 1) * filter.pageSize],
    ) as Promise<DeadlineRow[]>,
    dataSource.query(`SELECT count(*) AS n FROM ${DEADLINES_AND_ORGANISATION_DEADLINES} d WHERE ${where}`, params) as Promise<
      Array<{ n: string }>
    >,
  ]);
  const total = Number(counted[0]!.n);
  const named = await withResidentNames((sql, values) => dataSource.query(sql, values), seal, organisationId, rows);
  return { rows: named, total };
}
