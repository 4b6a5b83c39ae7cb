/**
 * Deadline rows of the read model as the API shows them. The state as of a date is computed
 * in SQL so the caseload can be filtered and paged by it; DEADLINE_STATE_SQL mirrors
 * deadlineStateAsOf of libs/domain, and the e2e tests hold the two to the same answers.
 */
import { DEADLINE_CATALOGUE, type DeadlineKind, type DeadlineState } from '@zairyu/domain';
import type { DeadlineView } from '../residents/resident-views.js';

/** Needs the `asOf` date as `$3` and the deadline row as `d`. */
export const DEADLINE_STATE_SQL = `(CASE
  WHEN d.met_on IS NOT NULL AND d.met_on <= $3::date THEN CASE WHEN d.met_on > d.due_on THEN 'met_late' ELSE 'met' END
  WHEN d.void_on IS NOT NULL AND d.void_on <= $3::date THEN 'void'
  WHEN $3::date > d.due_on THEN 'overdue'
  WHEN d.opens_on IS NOT NULL AND $3::date < d.opens_on THEN 'upcoming'
  ELSE 'open' END)`;

export interface DeadlineRow {
  id: string;
  resident_id: string;
  resident_name: string;
  kind: DeadlineKind;
  opens_on: string | null;
  due_on: string;
  statutory_due_on: string;
  met_on: string | null;
  source_event_id: string;
  state: DeadlineState;
}

export function deadlineRowView(row: DeadlineRow): DeadlineView & { residentName: string } {
  const definition = DEADLINE_CATALOGUE[row.kind];
  return {
    id: row.id,
    residentId: row.resident_id,
    residentName: row.resident_name,
    kind: row.kind,
    opensOn: row.opens_on as DeadlineView['opensOn'],
    dueOn: row.due_on as DeadlineView['dueOn'],
    statutoryDueOn: row.statutory_due_on as DeadlineView['statutoryDueOn'],
    state: row.state,
    metOn: (row.state === 'met' || row.state === 'met_late' ? row.met_on : null) as DeadlineView['metOn'],
    sourceEventId: row.source_event_id,
    legalBasis: definition.legalBasis,
    label: { ...definition.label },
  };
}
