/**
 * How the 育成就労 record follows the facts (docs/domain-rules.md §11): a period opens the day the
 * status starts and closes the day it ends; the current 育成就労実施者 is counted from the start or
 * the latest transfer.
 */
import type { LocalDate } from '../calendar/local-date.js';
import type { RecordedEvent } from '../events/events.js';
import type { ResidentState } from '../resident/state.js';
import { holdsSkillDevelopment } from './skill-development-checks.js';
import type { SkillDevelopmentState } from './skill-development-state.js';

const withRecord = (state: ResidentState, change: Partial<SkillDevelopmentState>): ResidentState => ({
  ...state,
  skillDevelopment: { ...state.skillDevelopment, ...change },
});

/**
 * A take-over counts from the first day in the status it states (`skillDevelopmentCountFrom`), not
 * from the day the ledger began following the person; the current employer from the day its facts
 * hold from (reading: the take-over does not say since when the worker is with this employer).
 */
function countFrom(fact: RecordedEvent | null, on: LocalDate): LocalDate {
  return fact?.type === 'ExistingStatusRecorded' ? (fact.data.skillDevelopmentCountFrom ?? on) : on;
}

function trackPeriods(before: ResidentState, state: ResidentState, on: LocalDate, fact: RecordedEvent | null = null): ResidentState {
  const was = holdsSkillDevelopment(before);
  const is = holdsSkillDevelopment(state);
  const periods = state.skillDevelopment.periods;
  if (!was && is) return withRecord(state, { periods: [...periods, { from: countFrom(fact, on), to: null }], withCurrentSince: on });
  if (was && !is)
    return withRecord(state, { periods: [...periods.slice(0, -1), { from: periods.at(-1)!.from, to: on }], withCurrentSince: null });
  return state;
}

export function skillDevelopmentAfterFact(before: ResidentState, after: ResidentState, fact: RecordedEvent, on: LocalDate): ResidentState {
  const next = trackPeriods(before, after, on, fact);
  if (fact.type === 'SkillDevelopmentExtensionApproved') return withRecord(next, { extended: true });
  if (fact.type === 'SkillDevelopmentTransferred') return withRecord(next, { withCurrentSince: on });
  return next;
}

export function skillDevelopmentAfterTime(before: ResidentState, after: ResidentState, on: LocalDate): ResidentState {
  return trackPeriods(before, after, on);
}
