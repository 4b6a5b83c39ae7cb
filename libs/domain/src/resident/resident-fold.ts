/**
 * A resident's fold that can be kept between requests and brought up to date with the events
 * recorded since, instead of re-folding the whole stream on every read and write (the cost of a
 * read or write must not grow with a stream's length; docs/decisions/0005).
 *
 * It holds the facts in legal order (fact-order.ts) and the fold's state before every
 * CHECKPOINT_EVERY-th fact and after the last one, with each fact's rule violation. A fact
 * recorded late (an earlier `occurredOn`, or a correction of the registration) is inserted at its
 * place in legal order, and a retraction takes its target out: every checkpoint from that place
 * on is dropped and the fold replayed from the checkpoint before it. A fact recorded in date
 * order, the usual case, replays that fact alone.
 *
 * Every answer equals the whole-stream functions' (foldResident, violationsIn, residentAsOf) for
 * `events`: resident-fold.spec.ts checks that over late facts and retractions. The fold is
 * immutable, so a reader holding one is never disturbed by another's `extend`.
 */
import type { LocalDate } from '../calendar/local-date.js';
import type { RuleViolation } from '../domain-error.js';
import type { RecordedEvent } from '../events/events.js';
import { REACHES_BACK, reachBack } from '../as-of.js';
import { timelineRun, type StatusSegment, type TimelineRun } from '../status-timeline.js';
import { advance, END_OF_TIME } from './advance.js';
import { evolve } from './evolve.js';
import { checkFact } from './fact-checks.js';
import { compareFacts, factDay, isIdentityFact } from './fact-order.js';
import { assertFoldable, foldingEvent } from './foldable-event.js';
import { INITIAL_STATE, type ResidentState } from './state.js';

/** Facts replayed at most for a read as of an earlier day; each checkpoint keeps one state. */
export const CHECKPOINT_EVERY = 32;

/** The fold's state before the fact at `at` (legal order), time not yet advanced to that fact's day. */
interface Checkpoint {
  readonly at: number;
  readonly state: ResidentState;
}

/** What a new fact would break: itself, or the first fact after it in legal order that held before. */
export interface CandidateCheck {
  own: RuleViolation | null;
  later: { event: RecordedEvent; violation: RuleViolation } | null;
}

/** A timeline computed for an earlier fold, still right for the days before `from`. */
interface TimelineBase {
  readonly run: TimelineRun;
  readonly from: LocalDate;
}

export class ResidentFold {
  /** The status timeline, once asked for (kept with the fold). */
  private timeline: TimelineRun | null = null;

  private constructor(
    /** The stream's events in recording (version) order. */
    readonly events: readonly RecordedEvent[],
    /** The facts that count (retractions and what they retract left out), in legal order. */
    private readonly facts: readonly RecordedEvent[],
    private readonly retracted: ReadonlySet<string>,
    /** Ascending by `at`; the last is at `facts.length`: the state after every fact. */
    private readonly checkpoints: readonly Checkpoint[],
    /** The rule each fact breaks given the facts before it (null: none), by index in `facts`. */
    private readonly broken: readonly (RuleViolation | null)[],
    /** An earlier fold's timeline this one's starts from (null: from the first day). */
    private timelineBase: TimelineBase | null = null,
  ) {}

  static readonly EMPTY = new ResidentFold([], [], new Set(), [{ at: 0, state: INITIAL_STATE }], []);

  static of(events: readonly RecordedEvent[]): ResidentFold {
    return ResidentFold.EMPTY.extend(events);
  }

  /** The version of the last event folded (0: none). */
  get version(): number {
    return this.events.at(-1)?.version ?? 0;
  }

  isRetracted(eventId: string): boolean {
    return this.retracted.has(eventId);
  }

  /**
   * The fold of these events and `newer`, the events recorded after them (versions above
   * `version`, ascending: anything else is refused, as the fold would no longer be the stream's;
   * a gap is an event the domain does not fold, such as an erasure record).
   */
  extend(newer: readonly RecordedEvent[]): ResidentFold {
    if (newer.length === 0) return this;
    const facts = [...this.facts];
    let retracted = this.retracted;
    let changedFrom = facts.length;
    let version = this.version;
    // The first day whose status may have changed; null when every day's may have (see statusTimeline).
    let timelineFrom: LocalDate | null = END_OF_TIME;
    const changed = (fact: RecordedEvent) => {
      if (timelineFrom === null) return;
      timelineFrom =
        isIdentityFact(fact.type) || REACHES_BACK.has(fact.type) ? null : factDay(fact) < timelineFrom ? factDay(fact) : timelineFrom;
    };
    for (const event of newer) {
      assertFoldable(event);
      if (!(event.version > version)) throw new RangeError(`Event version ${event.version} does not follow ${version}.`);
      version = event.version;
      if (event.type === 'EventRetracted') {
        const target = event.data.eventId;
        if (retracted.has(target)) continue;
        retracted = new Set(retracted).add(target);
        const index = facts.findIndex((fact) => fact.eventId === target);
        if (index === -1) continue;
        changed(facts.splice(index, 1)[0]!);
        changedFrom = Math.min(changedFrom, index);
      } else if (!retracted.has(event.eventId)) {
        const index = placeOf(facts, event);
        facts.splice(index, 0, event);
        changed(event);
        changedFrom = Math.min(changedFrom, index);
      }
    }
    // Checkpoints up to the first changed place still hold: the facts before it are the same.
    const resume = this.checkpoints.findLast((checkpoint) => checkpoint.at <= changedFrom)!;
    // Only every CHECKPOINT_EVERY-th place and the end are kept, so memory grows with the stream's length, not with its writes.
    const checkpoints = this.checkpoints.filter((checkpoint) => checkpoint.at < resume.at && checkpoint.at % CHECKPOINT_EVERY === 0);
    const broken = this.broken.slice(0, resume.at);
    let state = resume.state;
    for (let at = resume.at; at < facts.length; at++) {
      if (at % CHECKPOINT_EVERY === 0) checkpoints.push({ at, state });
      const fact = facts[at]!;
      state = foldingEvent(fact, () => {
        const before = isIdentityFact(fact.type) ? state : advance(state, factDay(fact));
        broken.push(checkFact(before, fact));
        return evolve(before, fact);
      });
    }
    if (checkpoints.at(-1)?.at !== facts.length) checkpoints.push({ at: facts.length, state });
    return new ResidentFold([...this.events, ...newer], facts, retracted, checkpoints, broken, this.timelineFor(timelineFrom));
  }

  /** What an extension of this fold whose facts changed from `from` on may keep of the timeline. */
  private timelineFor(from: LocalDate | null): TimelineBase | null {
    if (from === null) return null;
    if (this.timeline !== null) return { run: this.timeline, from };
    if (this.timelineBase === null) return null;
    return { run: this.timelineBase.run, from: from < this.timelineBase.from ? from : this.timelineBase.from };
  }

  /**
   * statusTimeline(events), kept with the fold: when the facts changed only from some day on,
   * the days before it are not visited again. A change to who the resident is (an identity
   * fact) or to an application that reaches back (as-of.ts) may change any day: all are visited.
   */
  statusTimeline(): StatusSegment[] {
    if (this.timeline === null) {
      const base = this.timelineBase;
      this.timeline =
        base === null
          ? timelineRun(this.facts)
          : timelineRun(this.facts, { run: base.run, from: base.from, state: this.stateBefore(this.countBefore(base.from)) });
      this.timelineBase = null;
    }
    return this.timeline.segments;
  }

  /** foldResident(events, until): the facts that occurred by `until`, time advanced to it. */
  stateAsOf(until: LocalDate): ResidentState {
    return advance(this.stateBefore(this.countBy(until)), until);
  }

  /** residentAsOf(events, asOf): as stateAsOf, with a later application that reaches back (as-of.ts). */
  residentAsOf(asOf: LocalDate): ResidentState {
    const counted = this.countBy(asOf);
    return reachBack(advance(this.stateBefore(counted), asOf), this.facts.slice(counted), asOf);
  }

  /** violationsIn(events, END_OF_TIME): every fact that breaks a rule given the facts before it. */
  violations(): Map<string, RuleViolation> {
    const found = new Map<string, RuleViolation>();
    this.broken.forEach((violation, at) => {
      if (violation !== null) found.set(this.facts[at]!.eventId, violation);
    });
    return found;
  }

  /**
   * What recording `candidate` (the next version) would break, as the decider compares
   * violationsIn before and after it: replays from the checkpoint before its place only.
   */
  check(candidate: RecordedEvent): CandidateCheck {
    const place = placeOf(this.facts, candidate);
    const start = this.checkpoints.findLast((checkpoint) => checkpoint.at <= place)!;
    let state = start.state;
    for (let at = start.at; at < place; at++) state = step(state, this.facts[at]!);
    if (!isIdentityFact(candidate.type)) state = advance(state, factDay(candidate));
    const own = checkFact(state, candidate);
    if (own !== null) return { own, later: null };
    state = evolve(state, candidate);
    for (let at = place; at < this.facts.length; at++) {
      const fact = this.facts[at]!;
      if (!isIdentityFact(fact.type)) state = advance(state, factDay(fact));
      const violation = this.broken[at] === null ? checkFact(state, fact) : null;
      if (violation !== null) return { own: null, later: { event: fact, violation } };
      state = evolve(state, fact);
    }
    return { own: null, later: null };
  }

  /** How many facts in legal order count by `until`: the identity facts and those that occurred by then. */
  private countBy(until: LocalDate): number {
    if (until >= END_OF_TIME) return this.facts.length;
    let low = 0;
    let high = this.facts.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      const fact = this.facts[middle]!;
      if (isIdentityFact(fact.type) || factDay(fact) <= until) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /** How many facts in legal order come before `day`: the identity facts and those that occurred earlier. */
  private countBefore(day: LocalDate): number {
    let low = 0;
    let high = this.facts.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      const fact = this.facts[middle]!;
      if (isIdentityFact(fact.type) || factDay(fact) < day) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /** The fold's state after the first `count` facts in legal order. */
  private stateBefore(count: number): ResidentState {
    const start = this.checkpoints.findLast((checkpoint) => checkpoint.at <= count)!;
    let state = start.state;
    for (let at = start.at; at < count; at++) state = step(state, this.facts[at]!);
    return state;
  }
}

function step(state: ResidentState, fact: RecordedEvent): ResidentState {
  return evolve(isIdentityFact(fact.type) ? state : advance(state, factDay(fact)), fact);
}

/** Where `event` goes in facts sorted by compareFacts: after every fact that sorts before or with it. */
function placeOf(facts: readonly RecordedEvent[], event: RecordedEvent): number {
  let low = 0;
  let high = facts.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (compareFacts(facts[middle]!, event) <= 0) low = middle + 1;
    else high = middle;
  }
  return low;
}
