/**
 * Folding a resident's stream: facts in legal order, time advanced between them, the state
 * read as of a date. Only facts that occurred by `until` count, so "as of" a past date the
 * ledger knows what had happened by then and nothing later.
 */
import type { LocalDate } from '../calendar/local-date.js';
import type { RuleViolation } from '../domain-error.js';
import type { RecordedEvent } from '../events/events.js';
import { advance } from './advance.js';
import { checkFact } from './fact-checks.js';
import { evolve } from './evolve.js';
import { factDay, factsInLegalOrder, isIdentityFact } from './fact-order.js';
import { foldingEvent } from './foldable-event.js';
import { INITIAL_STATE, type ResidentState } from './state.js';

export function foldResident(events: readonly RecordedEvent[], until: LocalDate): ResidentState {
  return replay(events, until).state;
}

/** Every fact that breaks a rule given the facts before it, by event id. */
export function violationsIn(events: readonly RecordedEvent[], until: LocalDate): Map<string, RuleViolation> {
  return replay(events, until, true).violations;
}

function replay(
  events: readonly RecordedEvent[],
  until: LocalDate,
  check = false,
): { state: ResidentState; violations: Map<string, RuleViolation> } {
  let state = INITIAL_STATE;
  const violations = new Map<string, RuleViolation>();
  for (const fact of factsInLegalOrder(events)) {
    // Registration and its corrections open the stream whatever day they were recorded.
    if (!isIdentityFact(fact.type) && factDay(fact) > until) break;
    state = foldingEvent(fact, () => {
      const before = isIdentityFact(fact.type) ? state : advance(state, factDay(fact));
      if (check) {
        const broken = checkFact(before, fact);
        if (broken !== null) violations.set(fact.eventId, broken);
      }
      return evolve(before, fact);
    });
  }
  return { state: advance(state, until), violations };
}
