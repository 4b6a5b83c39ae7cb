/**
 * The organisation's file on a resident, as opposed to the resident's legal life: a
 * correction of what was typed at registration (DetailsCorrected, no deadline: nothing
 * happened in law), closing and reopening the case (CaseClosed / CaseReopened), and who is in
 * charge of it (CaseAssigned).
 */
import type { LocalDate } from '../calendar/local-date.js';
import { violation, type RuleViolation } from '../domain-error.js';
import type { EventType, RecordedEventOf } from '../events/events.js';
import { isPending } from './deadline-book.js';
import type { ResidentState } from './state.js';

/** A correction is timeless: the registration always should have read so. */
export function detailsCorrected(state: ResidentState, event: RecordedEventOf<'DetailsCorrected'>): ResidentState {
  if (state.identity === null) return state;
  return { ...state, identity: { ...state.identity, ...event.data.fields } };
}

/** Every running deadline stops counting (void) from the closing day; the history stays. */
export function caseClosed(state: ResidentState, event: RecordedEventOf<'CaseClosed'>): ResidentState {
  const on = event.occurredOn;
  const voidedIds = state.deadlines.filter(isPending).map((deadline) => deadline.id);
  return {
    ...state,
    deadlines: state.deadlines.map((deadline) => (isPending(deadline) ? { ...deadline, voidOn: on } : deadline)),
    caseClosure: { reason: event.data.reason, on, voidedIds },
  };
}

/** The deadlines the closure voided count again, as if it had not been. */
export function caseReopened(state: ResidentState): ResidentState {
  const closure = state.caseClosure;
  if (closure === null) return state;
  const voided = new Set(closure.voidedIds);
  return {
    ...state,
    deadlines: state.deadlines.map((deadline) => (voided.has(deadline.id) ? { ...deadline, voidOn: null } : deadline)),
    caseClosure: null,
  };
}

/** The caseworker in charge from `occurredOn` on; the registration's `assignedTo` until the first one. */
export function caseAssigned(state: ResidentState, event: RecordedEventOf<'CaseAssigned'>): ResidentState {
  if (state.identity === null) return state;
  const { assignedTo: _previous, ...identity } = state.identity;
  const assignedTo = event.data.assignedTo;
  return { ...state, identity: assignedTo === undefined ? identity : { ...identity, assignedTo } };
}

/** While closed, only the file itself is kept: corrections, assignment, retractions and the reopening. */
const WHILE_CLOSED: ReadonlySet<EventType> = new Set<EventType>(['CaseReopened', 'DetailsCorrected', 'CaseAssigned', 'EventRetracted']);

export function checkCaseFile(state: ResidentState, type: EventType, on: LocalDate): RuleViolation | null {
  const closure = state.caseClosure;
  if (type === 'CaseReopened') {
    return closure === null ? violation('CASE_NOT_CLOSED', 'The case is open.') : null;
  }
  if (closure !== null && !WHILE_CLOSED.has(type)) {
    return violation(
      'CASE_CLOSED',
      `The case was closed on ${closure.on} (${closure.reason}): reopen it (CaseReopened) to record ${type} on ${on}.`,
    );
  }
  return null;
}
