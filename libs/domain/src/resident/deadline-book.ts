/**
 * Opening, meeting and voiding deadlines in the state. A deadline is never removed: it
 * records when it was created, met or voided so its state can be read as of any date.
 */
import type { LocalDate } from '../calendar/local-date.js';
import { nextWorkingDayFrom } from '../calendar/administrative-holidays.js';
import { DEADLINE_CATALOGUE, type DeadlineKind } from '../deadline-catalogue.js';
import { followedDuty } from './followed-duties.js';
import type { DeadlineRecord, ResidentState } from './state.js';

export interface NewDeadline {
  kind: DeadlineKind;
  sourceEventId: string;
  createdOn: LocalDate;
  statutoryDueOn: LocalDate;
  opensOn?: LocalDate | null;
  /** Tells apart deadlines of one kind from one fact (the worker's and the supervisor's interview). */
  key?: string;
  employer?: string | null;
}

const dueOnOf = (deadline: NewDeadline) =>
  DEADLINE_CATALOGUE[deadline.kind].movesOnHoliday ? nextWorkingDayFrom(deadline.statutoryDueOn) : deadline.statutoryDueOn;

export function openDeadline(state: ResidentState, given: NewDeadline): ResidentState {
  // A resident taken over: only the duties still running on the take-over day are followed.
  const deadline = followedDuty(given, dueOnOf(given), state.followedFrom);
  if (deadline === null) return state;
  const dueOn = dueOnOf(deadline);
  const record: DeadlineRecord = {
    id: `${deadline.sourceEventId}:${deadline.kind}${deadline.key === undefined ? '' : `:${deadline.key}`}`,
    kind: deadline.kind,
    sourceEventId: deadline.sourceEventId,
    createdOn: deadline.createdOn,
    opensOn: deadline.opensOn ?? null,
    statutoryDueOn: deadline.statutoryDueOn,
    dueOn,
    metOn: null,
    metByEventId: null,
    voidOn: null,
    ...(deadline.employer === undefined ? {} : { employer: deadline.employer }),
  };
  const closure = state.caseClosure;
  if (closure !== null) {
    // A duty arising while the case is closed (time passing) does not count until it reopens.
    return {
      ...state,
      deadlines: [...state.deadlines, { ...record, voidOn: deadline.createdOn }],
      caseClosure: { ...closure, voidedIds: [...closure.voidedIds, record.id] },
    };
  }
  return { ...state, deadlines: [...state.deadlines, record] };
}

export function isPending(deadline: DeadlineRecord): boolean {
  return deadline.metOn === null && deadline.voidOn === null;
}

export function updatePending(
  state: ResidentState,
  matches: (deadline: DeadlineRecord) => boolean,
  update: (deadline: DeadlineRecord) => DeadlineRecord,
): ResidentState {
  if (!state.deadlines.some((deadline) => isPending(deadline) && matches(deadline))) return state;
  return {
    ...state,
    deadlines: state.deadlines.map((deadline) => (isPending(deadline) && matches(deadline) ? update(deadline) : deadline)),
  };
}

export function meetDeadlines(state: ResidentState, kinds: readonly DeadlineKind[], on: LocalDate, eventId: string): ResidentState {
  return updatePending(
    state,
    (deadline) => kinds.includes(deadline.kind),
    (deadline) => ({ ...deadline, metOn: on, metByEventId: eventId }),
  );
}

export function voidDeadlines(
  state: ResidentState,
  on: LocalDate,
  matches: (deadline: DeadlineRecord) => boolean = () => true,
): ResidentState {
  return updatePending(state, matches, (deadline) => ({ ...deadline, voidOn: on }));
}

/**
 * The one exception to "never removed": a deadline that, seen with everything recorded now,
 * never arose (a card surrender opened on the day after an expiry that a timely application on
 * the moved last day covers: as-of.ts). Voiding it would show it open on the days between.
 */
export function withdrawDeadline(state: ResidentState, id: string): ResidentState {
  return { ...state, deadlines: state.deadlines.filter((deadline) => deadline.id !== id || !isPending(deadline)) };
}

/** Deadlines that belong to the status held: they lapse when that status ends (docs/domain-rules.md §6). */
export const STATUS_BOUND_DEADLINES: readonly DeadlineKind[] = [
  'period_renewal',
  'activity_gap_revocation_risk',
  'spouse_activity_revocation_risk',
  'card_validity_renewal',
];

/**
 * 14-day notification duties that, once arisen, stay owed after a later change, revocation or
 * loss of status: only final departure, death or naturalisation void them (docs/domain-rules.md §6)
 * (reading). A re-entry that lapses abroad counts as a final departure.
 */
export const OWED_NOTIFICATIONS: readonly DeadlineKind[] = [
  'residence_notification',
  'address_change_notification',
  'card_detail_change_notification',
  'affiliation_notification',
  'spouse_notification',
];

/** What survives the end of a stay by revocation or a denial after expiry. */
export const KEPT_WHEN_STATUS_ENDS: readonly DeadlineKind[] = ['card_surrender', ...OWED_NOTIFICATIONS];

/** Deadlines about the card in hand: moot once another card replaces it. */
export const CARD_BOUND_DEADLINES: readonly DeadlineKind[] = [
  'card_detail_change_notification',
  'card_reissue_after_loss',
  'card_validity_renewal',
];
