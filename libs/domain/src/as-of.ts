/**
 * What "as of" a date means, for every read: the status, the summary, the deadlines, the card
 * look-up and the read models (docs/domain-rules.md §4).
 *
 *   "As of D" is day D seen with everything recorded now.
 *
 * Facts that occurred by D count as they happened, and facts after D do not, with one kind of
 * exception: a later fact whose legal effect reaches back to D. The law has one such fact here:
 * an extension or change of status applied for in time on the last day moved off an
 * administrative holiday (行政機関の休日に関する法律2条) keeps the stay lawful from the day after
 * the expiry (特例期間, 入管法20条6項, 21条4項). So with a period ending on Saturday and the
 * application recorded for Monday, Sunday is a day of the special period and the card counts as
 * valid; until that application is recorded, Sunday shows the period ended, the card expired and
 * the renewal deadline still open (due Monday). Deadlines are read the same way: met or void only
 * from the day that happened.
 *
 * Every "as of" read goes through `residentAsOf` (or, for the status timeline of the read models,
 * `reachBack` on the same facts), so no two reads can disagree.
 */
import type { LocalDate } from './calendar/local-date.js';
import type { RecordedEvent } from './events/events.js';
import { givesSpecialPeriod } from './rules/lawful-stay.js';
import { evolve } from './resident/evolve.js';
import { factDay, factsInLegalOrder } from './resident/fact-order.js';
import { foldResident } from './resident/fold.js';
import type { ResidentState } from './resident/state.js';

/** The later facts `reachBack` looks for: an application in time keeps the stay lawful. */
export const REACHES_BACK: ReadonlySet<RecordedEvent['type']> = new Set(['ExtensionApplied', 'StatusChangeApplied']);

export function residentAsOf(events: readonly RecordedEvent[], asOf: LocalDate): ResidentState {
  const facts = factsInLegalOrder(events);
  return reachBack(
    foldResident(events, asOf),
    facts.filter((fact) => fact.type !== 'ResidentRegistered' && factDay(fact) > asOf),
    asOf,
  );
}

/**
 * `state` is the fold of the facts up to `asOf`; `later` the facts after it, in legal order
 * (from `later[from]` on: a caller stepping through one list need not copy its tail each step).
 * Applies the first later fact if it reaches back to `asOf` (see above), else returns `state`.
 */
export function reachBack(state: ResidentState, later: readonly RecordedEvent[], asOf: LocalDate, from = 0): ResidentState {
  const stay = state.stay;
  if (stay?.periodExpiresOn == null || asOf <= stay.periodExpiresOn || state.pendingStay !== null || state.presence !== 'in_japan') {
    return state;
  }
  const application = later.find((fact, index) => index >= from && REACHES_BACK.has(fact.type));
  if (application === undefined || !givesSpecialPeriod(stay, application.occurredOn)) return state;
  return evolve(state, application);
}
