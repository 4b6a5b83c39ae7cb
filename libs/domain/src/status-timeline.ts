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
import { advance, END_OF_TIME } from './resident/advance.js';
import { evolve } from './resident/evolve.js';
import { factDay, factsInLegalOrder, isIdentityFact } from './resident/fact-order.js';
import { foldResident } from './resident/fold.js';
import { INITIAL_STATE, type ResidentState } from './resident/state.js';
import { sameJson } from './same-json.js';
import { timelessStatusOfState, type ResidentStatus } from './status.js';

export type TimelessStatus = Omit<ResidentStatus, 'asOf'>;

export interface StatusSegment {
  /** First day of the segment; null for "since always". It lasts until the next segment. */
  from: LocalDate | null;
  status: TimelessStatus;
}

const BEFORE_ANY_FACT = '1900-01-01' as LocalDate;

export function statusTimeline(events: readonly RecordedEvent[]): StatusSegment[] {
  return walk(factsInLegalOrder(events), undefined, false).run.segments;
}

/**
 * `foldResident(events, END_OF_TIME)` and `statusTimeline(events)` from one pass over the facts:
 * the timeline's walk folds every fact in legal order, time advanced between them, as the fold
 * does (advancing to a day and then to a later one is advancing to the later one). A stream the
 * walk cannot fold is folded again the two ways in turn, so it fails with the error it always did.
 */
export function foldWithTimeline(events: readonly RecordedEvent[]): { state: ResidentState; timeline: StatusSegment[] } {
  let walked: ReturnType<typeof walk>;
  try {
    walked = walk(factsInLegalOrder(events), undefined, false);
  } catch {
    return { state: foldResident(events, END_OF_TIME), timeline: statusTimeline(events) };
  }
  return { state: advance(walked.state, END_OF_TIME), timeline: walked.run.segments };
}

/**
 * A timeline computed day by day, with what each day visited added to the days still to visit:
 * enough to compute it again from a later day only, when facts change from that day on and
 * nothing before it (ResidentFold.statusTimeline).
 */
export interface TimelineRun {
  readonly segments: StatusSegment[];
  readonly visits: readonly { day: LocalDate; segments: number; added: readonly LocalDate[] }[];
}

/**
 * The timeline of `facts` (legal order). Given `resume`, the run of the same facts up to the day
 * before `resume.from` and the fold's state before the first fact on or after that day
 * (`resume.state`), only the days from `resume.from` on are visited again.
 */
export function timelineRun(
  facts: readonly RecordedEvent[],
  resume?: { run: TimelineRun; from: LocalDate; state: ResidentState },
): TimelineRun {
  return walk(facts, resume, true).run;
}

/** The timeline's walk, with the state after the last fact, advanced to the last day visited; the visits only when `keepVisits`. */
function walk(
  facts: readonly RecordedEvent[],
  resume: { run: TimelineRun; from: LocalDate; state: ResidentState } | undefined,
  keepVisits: boolean,
): { run: TimelineRun; state: ResidentState } {
  let next = 0;
  let state = INITIAL_STATE;
  while (facts[next] !== undefined && isIdentityFact(facts[next]!.type)) state = evolve(state, facts[next++]!);
  let segments: StatusSegment[] = [{ from: null, status: timelessStatusOfState(state, BEFORE_ANY_FACT) }];
  let visits: TimelineRun['visits'][number][] = [];
  const changeDays = new Set<LocalDate>();
  const days = facts.map(factDay);
  if (resume !== undefined) {
    const kept = resume.run.visits.filter((visit) => visit.day < resume.from);
    visits = kept;
    segments = resume.run.segments.slice(0, kept.at(-1)?.segments ?? 1);
    for (const visit of kept) for (const day of visit.added) if (day >= resume.from) changeDays.add(day);
    while (next < facts.length && days[next]! < resume.from) next++;
    state = resume.state;
  }
  // The days to visit: every fact's day (in order, from `next`) and the days the facts fix.
  let factAt = next;
  let lastVisit = visits.at(-1)?.day;
  // Each visit compares its status with the last segment's as JSON would (a new segment when the texts differ).
  let lastStatus = segments.at(-1)!.status;
  for (;;) {
    while (factAt < facts.length && lastVisit !== undefined && days[factAt]! <= lastVisit) factAt++;
    let firstChange: LocalDate | undefined;
    for (const changeDay of changeDays) if (firstChange === undefined || changeDay < firstChange) firstChange = changeDay;
    const day = factAt < facts.length && (firstChange === undefined || days[factAt]! <= firstChange) ? days[factAt]! : firstChange;
    if (day === undefined) return { run: { segments, visits }, state };
    changeDays.delete(day);
    for (; next < facts.length && days[next]! <= day; next++) state = evolve(advance(state, days[next]!), facts[next]!);
    state = advance(state, day);
    const status = timelessStatusOfState(reachBack(state, facts, day, next), day);
    if (!sameJson(status, lastStatus)) {
      segments.push({ from: day, status });
      lastStatus = status;
    }
    const added = changeDaysAfter(state, status).filter((changeDay) => changeDay > day);
    for (const changeDay of added) changeDays.add(changeDay);
    if (keepVisits) visits.push({ day, segments: segments.length, added });
    lastVisit = day;
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
  // A date that ends at the calendar's last day (9999-12-31) ends nothing: there is no day after it.
  return ends.filter((end): end is LocalDate => typeof end === 'string' && end < END_OF_TIME).map((end) => addDays(end, 1));
}
