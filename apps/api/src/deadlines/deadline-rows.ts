/**
 * Deadline rows of the read model as the API shows them. The state as of a date is also
 * computed in SQL, so that the caseload can be filtered and paged by it: DEADLINE_STATE_SQL
 * mirrors deadlineStateAsOf of libs/domain, and the e2e tests hold the two to the same answers.
 */
import { deadlineView, owedByOf, type DeadlineKind, type DeadlineRecord, type LocalDate } from '@zairyu/domain';
import type { DeadlineView } from './deadline-view.js';

/** Needs the `asOf` date as `$3` and the deadline row as `d`. */
export const DEADLINE_STATE_SQL = `(CASE
  WHEN d.met_on IS NOT NULL AND d.met_on <= $3::date THEN CASE WHEN d.met_on > d.due_on THEN 'met_late' ELSE 'met' END
  WHEN d.void_on IS NOT NULL AND d.void_on <= $3::date THEN 'void'
  WHEN $3::date > d.due_on THEN 'overdue'
  WHEN d.opens_on IS NOT NULL AND $3::date < d.opens_on THEN 'upcoming'
  ELSE 'open' END)`;

export interface DeadlineRow {
  id: string;
  /** null: a deadline of the organisation itself (docs/ssw-duties.md §7). */
  resident_id: string | null;
  resident_name: string | null;
  kind: DeadlineKind;
  created_on: string;
  opens_on: string | null;
  due_on: string;
  statutory_due_on: string;
  met_on: string | null;
  void_on: string | null;
  source_event_id: string;
  employer?: string | null;
}

/** The row as the domain's deadline, so its view (state, label, basis) is the domain's own. */
export function deadlineRowView(
  row: DeadlineRow,
  asOf: LocalDate,
): Omit<DeadlineView, 'residentId'> & { residentId: string | null; residentName: string | null } {
  const record = {
    id: row.id,
    kind: row.kind,
    sourceEventId: row.source_event_id,
    createdOn: row.created_on,
    opensOn: row.opens_on,
    statutoryDueOn: row.statutory_due_on,
    dueOn: row.due_on,
    metOn: row.met_on,
    metByEventId: null,
    voidOn: row.void_on,
    // The employer is part of an employer's filing only, as in the resident's own fold.
    ...(owedByOf(row.kind) === 'employer' ? { employer: row.employer ?? null } : {}),
  } as DeadlineRecord;
  return { ...deadlineView(record, asOf), residentId: row.resident_id, residentName: row.resident_name };
}
