/**
 * deadlinesAsOf(events, asOf): every deadline of docs/domain-rules.md §6 that exists by `asOf`,
 * with its state on that day, ordered by `dueOn`.
 */
import type { LocalDate } from './calendar/local-date.js';
import { DEADLINE_CATALOGUE, owedByOf, type DeadlineKind, type DeadlineState, type OwedBy } from './deadline-catalogue.js';
import type { RecordedEvent } from './events/events.js';
import { residentAsOf } from './as-of.js';
import type { DeadlineRecord } from './resident/state.js';

export interface Deadline {
  id: string;
  kind: DeadlineKind;
  opensOn: LocalDate | null;
  dueOn: LocalDate;
  statutoryDueOn: LocalDate;
  state: DeadlineState;
  metOn: LocalDate | null;
  sourceEventId: string;
  legalBasis: string;
  label: { ja: string; en: string };
  /** Who must act: the resident, their employer or the support organisation (docs/ssw-duties.md §1). */
  owedBy: OwedBy;
  /** The employer a filing is owed by, when the ledger knows it. */
  employer?: string | null;
}

/**
 * upcoming (before it opens), open, overdue (past `dueOn`, not met), met, met_late (met after
 * `dueOn`), void (no longer applies).
 */
export function deadlineStateAsOf(deadline: DeadlineRecord, asOf: LocalDate): DeadlineState {
  if (deadline.metOn !== null && deadline.metOn <= asOf) return deadline.metOn > deadline.dueOn ? 'met_late' : 'met';
  if (deadline.voidOn !== null && deadline.voidOn <= asOf) return 'void';
  if (asOf > deadline.dueOn) return 'overdue';
  if (deadline.opensOn !== null && asOf < deadline.opensOn) return 'upcoming';
  return 'open';
}

export function deadlineView(deadline: DeadlineRecord, asOf: LocalDate): Deadline {
  const definition = DEADLINE_CATALOGUE[deadline.kind];
  return {
    id: deadline.id,
    kind: deadline.kind,
    opensOn: deadline.opensOn,
    dueOn: deadline.dueOn,
    statutoryDueOn: deadline.statutoryDueOn,
    state: deadlineStateAsOf(deadline, asOf),
    metOn: deadline.metOn !== null && deadline.metOn <= asOf ? deadline.metOn : null,
    sourceEventId: deadline.sourceEventId,
    legalBasis: definition.legalBasis,
    label: { ...definition.label },
    owedBy: owedByOf(deadline.kind),
    // Shown only when known: the read model keeps no employer yet, and both reads must agree.
    ...(deadline.employer == null ? {} : { employer: deadline.employer }),
  };
}

export function byDueOn(a: Deadline, b: Deadline): number {
  return a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0;
}

export function deadlinesOfRecords(records: readonly DeadlineRecord[], asOf: LocalDate): Deadline[] {
  return records
    .filter((deadline) => deadline.createdOn <= asOf)
    .map((deadline) => deadlineView(deadline, asOf))
    .sort(byDueOn);
}

export function deadlinesAsOf(events: readonly RecordedEvent[], asOf: LocalDate): Deadline[] {
  return deadlinesOfRecords(residentAsOf(events, asOf).deadlines, asOf);
}
