/**
 * A resident's status changes only on the day of a fact or the day after a date the facts
 * fix (an expiry, a re-entry deadline, the end of a grace). The timeline lists the status
 * from each such day, so a read model can answer "as of" any date without the stream:
 * `statusFromTimeline(statusTimeline(events), d)` equals `statusAsOf(events, d)`.
 */
import { reachBack } from './as-of.js';
import { addDays, type LocalDate } from './calendar/local-date.js';
import type { RecordedEvent } from './events/events.js';
import { BIRTH_GRACE_DAYS } from './rules/lawful-stay.js';
import { advance } from './resident/advance.js';
import { evolve } from './resident/evolve.js';
import { factsInLegalOrder, isIdentityFact } from './resident/fact-order.js';
import { INITIAL_STATE, type ResidentState } from './resident/state.js';
import { statusOfState, type ResidentStatus } from './status.js';

export type TimelessStatus = Omit<ResidentStatus, 'asOf'>;

export interface StatusSegment {
  /** First day of the segment; null for "since always". It lasts until the next segment. */
  from: LocalDate | null;
  status: TimelessStatus;
}

const BEFORE_ANY_FACT = '1900-01-01' as LocalDate;

export function statusTimeline(events: readonly RecordedEvent[]): StatusSegment[] {
  const facts = factsInLegalOrder(events);
  let state = INITIAL_STATE;
  let next = 0;
  while (facts[next] !== undefined && isIdentityFact(facts[next]!.type)) state = evolve(state, facts[next++]!);

  const segments: StatusSegment[] = [{ from: null, status: timeless(state, BEFORE_ANY_FACT) }];
  const pending = new Set<LocalDate>(facts.slice(next).map((fact) => fact.occurredOn));
  for (;;) {
    const day = [...pending].sort()[0];
    if (day === undefined) return segments;
    pending.delete(day);
    for (; next < facts.length && facts[next]!.occurredOn <= day; next++) {
      state = evolve(advance(state, facts[next]!.occurredOn), facts[next]!);
    }
    state = advance(state, day);
    const status = timeless(reachBack(state, facts.slice(next), day), day);
    if (JSON.stringify(status) !== JSON.stringify(segments.at(-1)!.status)) segments.push({ from: day, status });
    for (const changeDay of changeDaysAfter(state, status)) if (changeDay > day) pending.add(changeDay);
  }
}

export function statusFromTimeline(segments: readonly StatusSegment[], asOf: LocalDate): ResidentStatus {
  let current = segments[0];
  for (const segment of segments) {
    if (segment.from !== null && segment.from > asOf) break;
    current = segment;
  }
  if (current === undefined) throw new RangeError('A status timeline has at least one segment');
  return { ...current.status, asOf };
}

function timeless(state: ResidentState, asOf: LocalDate): TimelessStatus {
  const { asOf: _asOf, ...status } = statusOfState(state, asOf);
  return status;
}

/** The days after each date that ends something, when the status may change with no fact. */
function changeDaysAfter(state: ResidentState, status: TimelessStatus): LocalDate[] {
  const card = state.cards.at(-1);
  const ends = [
    status.residence.lawfulUntil,
    status.residence.periodExpiresOn,
    card?.validThrough,
    card?.expiresOn,
    state.abroad?.reentryBy,
    state.extraActivity?.periodExpiresOn,
    state.birth ? addDays(state.birth.bornOn, BIRTH_GRACE_DAYS) : null,
  ];
  return ends.filter((end): end is LocalDate => typeof end === 'string').map((end) => addDays(end, 1));
}
