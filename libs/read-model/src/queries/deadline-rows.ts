/**
 * Deadline rows of the read model (`read_model.deadline`, and the organisation's own deadlines
 * in the same shape) read back as the domain's deadlines, so that their state, label and legal
 * basis are the domain's own.
 */
import { deadlineView, owedByOf, type Deadline, type DeadlineKind, type DeadlineRecord, type LocalDate } from '@zairyu/domain';

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
  employer: string | null;
  /** The user in charge of the resident (read by the caseload list only). */
  assigned_to?: string | null;
}

/** The columns of a DeadlineRow, read from the relation `d`; the name is not kept there (resident-names.ts fills it). */
export const DEADLINE_ROW_COLUMNS = `d.id, d.resident_id, NULL::text AS resident_name, d.kind, d.created_on::text AS created_on,
  d.opens_on::text AS opens_on, d.due_on::text AS due_on, d.statutory_due_on::text AS statutory_due_on,
  d.met_on::text AS met_on, d.void_on::text AS void_on, d.source_event_id, d.employer`;

export type DeadlineRowView = Deadline & { residentId: string | null; residentName: string | null };

/** The row as the domain's deadline as of `asOf`, with the resident it belongs to. */
export function deadlineRowView(row: DeadlineRow, asOf: LocalDate): DeadlineRowView {
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
