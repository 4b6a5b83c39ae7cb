/**
 * The kept fold must answer exactly as re-folding the whole stream, however the stream grew:
 * facts recorded late (before checkpoints already taken), retractions, corrections of the
 * registration, and any split of the stream into the writes that brought it up to date.
 */
import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { residentAsOf } from '../as-of.js';
import { addDays, type LocalDate } from '../calendar/local-date.js';
import type { RecordedEvent } from '../events/events.js';
import { deadlinesOfRecords } from '../deadlines.js';
import { card, ResidentLife } from '../testing/resident-life.js';
import { specifiedSkilledWorker, studentToEngineer } from '../testing/lives.js';
import { END_OF_TIME } from './advance.js';
import { foldResident, violationsIn } from './fold.js';
import { CHECKPOINT_EVERY, ResidentFold } from './resident-fold.js';
import { statusFromTimeline, statusTimeline, type StatusSegment } from '../status-timeline.js';

const d = (text: string) => text as LocalDate;

/** Facts as a stream holds them: versions in recording order, ids e1, e2, … */
function stream(facts: ReadonlyArray<Pick<RecordedEvent, 'type' | 'occurredOn' | 'data'>>): RecordedEvent[] {
  return facts.map((fact, index) => ({ ...fact, eventId: `e${index + 1}`, version: index + 1 }) as RecordedEvent);
}

/** A student landed 2026-04-01 (period to 2028-03-31) who then moves `moves` times from 2026-05-01 on. */
function studentWhoMoves(moves: number): RecordedEvent[] {
  return stream([
    {
      type: 'ResidentRegistered',
      occurredOn: d('2026-03-01'),
      data: { residentId: 'r', fullName: 'AN', dateOfBirth: '1995-05-10', nationality: 'VNM' },
    },
    { type: 'Landed', occurredOn: d('2026-04-01'), data: { status: 'student', periodExpiresOn: '2028-03-31', card: card('AB12345678CD') } },
    ...Array.from({ length: moves }, (_, i) => ({
      type: 'Moved' as const,
      occurredOn: addDays(d('2026-05-01'), i * 3),
      data: { address: `Room ${i}` },
    })),
  ] as RecordedEvent[]);
}

function expectSameAsWholeStream(fold: ResidentFold, events: readonly RecordedEvent[], days: readonly LocalDate[]): void {
  expect(fold.events).toEqual(events);
  expect(fold.statusTimeline()).toEqual(statusTimeline(events));
  expect(fold.violations()).toEqual(violationsIn(events, END_OF_TIME));
  for (const day of [...days, END_OF_TIME]) {
    expect(fold.stateAsOf(day)).toEqual(foldResident(events, day));
    expect(fold.residentAsOf(day)).toEqual(residentAsOf(events, day));
  }
}

describe('ResidentFold: a kept fold brought up to date answers as the whole stream folded again', () => {
  test(`a move recorded late (2026-04-10, before ${CHECKPOINT_EVERY * 2} moves from 2026-05-01) opens its 14-day residence notice, due 2026-04-24`, () => {
    const events = studentWhoMoves(CHECKPOINT_EVERY * 2);
    const kept = ResidentFold.of(events);
    const late = stream([...events, { type: 'Moved', occurredOn: d('2026-04-10'), data: { address: 'Late' } }] as RecordedEvent[]).at(-1)!;
    const fold = kept.extend([late]);
    const due = (f: ResidentFold) => deadlinesOfRecords(f.residentAsOf(d('2026-04-20')).deadlines, d('2026-04-20')).map((x) => x.dueOn);
    expect(due(kept)).not.toContain('2026-04-24');
    expect(due(fold)).toContain('2026-04-24');
    expectSameAsWholeStream(fold, [...events, late], [d('2026-04-20'), d('2026-06-01')]);
  });

  test('retracting the landing of 2026-04-01 under 40 later moves: no stay from then on, every move now breaks a rule', () => {
    const events = studentWhoMoves(40);
    const kept = ResidentFold.of(events);
    const retraction = {
      type: 'EventRetracted',
      occurredOn: d('2026-09-01'),
      data: { eventId: 'e2', reason: 'typo' },
      eventId: 'x',
      version: 43,
    } as RecordedEvent;
    const fold = kept.extend([retraction]);
    expect(kept.stateAsOf(d('2026-06-01')).stay).not.toBeNull();
    expect(fold.stateAsOf(d('2026-06-01')).stay).toBeNull();
    expect(fold.isRetracted('e2')).toBe(true);
    expect(kept.violations().size).toBe(0);
    expect([...fold.violations().keys()]).toEqual(events.slice(2).map((event) => event.eventId));
    expectSameAsWholeStream(fold, [...events, retraction], [d('2026-04-02'), d('2026-06-01')]);
  });

  test('a name corrected (DetailsCorrected, an identity fact first in legal order) reads so as of any day', () => {
    const events = studentWhoMoves(CHECKPOINT_EVERY + 5);
    const correction = {
      type: 'DetailsCorrected',
      occurredOn: d('2026-12-01'),
      data: { fields: { fullName: 'ANH' }, reason: 'typo' },
      eventId: 'c',
      version: events.length + 1,
    } as RecordedEvent;
    const fold = ResidentFold.of(events).extend([correction]);
    expect(fold.stateAsOf(d('2026-04-02')).identity?.fullName).toBe('ANH');
    expectSameAsWholeStream(fold, [...events, correction], [d('2026-04-02')]);
  });

  test('the timeline kept with the fold: an application of Monday 2026-03-02 (period ended Saturday) makes Sunday lawful again (special period)', () => {
    const life = new ResidentLife();
    life.record('Landed', '2025-03-01', {
      status: 'engineer_humanities_international',
      periodExpiresOn: '2026-02-28',
      card: card('EN00000001AA'),
    });
    for (let day = 1; day <= 40; day++) life.record('Moved', addDays(d('2025-03-01'), day), { address: `Room ${day}` });
    const kept = ResidentFold.of(life.events);
    const sunday = (timeline: StatusSegment[]) => statusFromTimeline(timeline, d('2026-03-01')).residence.lawful;
    expect(sunday(kept.statusTimeline())).toBe(false);
    life.record('ExtensionApplied', '2026-03-02');
    const fold = kept.extend(life.events.slice(-1));
    expect(sunday(fold.statusTimeline())).toBe(true);
    expectSameAsWholeStream(fold, life.events, [d('2026-03-01')]);
    // A fact after it (2026-03-10) carries the timeline on from that day only, and still agrees.
    life.record('Moved', '2026-03-10', { address: 'Later' });
    expectSameAsWholeStream(fold.extend(life.events.slice(-1)), life.events, [d('2026-03-10')]);
  });

  test('the fold it was extended from still answers for its own, shorter stream', () => {
    const events = studentWhoMoves(CHECKPOINT_EVERY + 3);
    const kept = ResidentFold.of(events.slice(0, 10));
    kept.extend(events.slice(10));
    expectSameAsWholeStream(kept, events.slice(0, 10), [d('2026-05-10')]);
  });

  test('events that do not follow on from the fold (a version repeated or going back) are refused', () => {
    const events = studentWhoMoves(3);
    const fold = ResidentFold.of(events.slice(0, 3));
    expect(() => fold.extend(events.slice(2))).toThrow(RangeError);
    expect(() => fold.extend([events[3]!, events[1]!])).toThrow(RangeError);
  });

  // Whole lives with extra moves on random days, recorded in a random order, some facts
  // retracted (a retraction may come before or after later facts), extended in random writes.
  const lives = [specifiedSkilledWorker(), studentToEngineer()].map((life) => life.events);
  const anyDay = fc.integer({ min: 0, max: 365 * 5 }).map((offset) => addDays(d('2024-01-01'), offset));
  const anyHistory = fc
    .tuple(
      fc.constantFrom(...lives),
      fc.array(anyDay, { minLength: 25, maxLength: 80 }),
      fc.array(fc.nat(), { maxLength: 6 }),
      fc.boolean(),
      fc.infiniteStream(fc.nat()),
    )
    .map(([life, moveDays, retractions, correct, order]) => {
      const [registration, ...facts] = life;
      const added = moveDays.map((day, i) => ({ type: 'Moved', occurredOn: day, data: { address: `Extra ${i}` } }) as RecordedEvent);
      const shuffled = [...facts, ...added];
      for (let i = shuffled.length - 1; i > 0; i--) {
        const j = order.next().value % (i + 1);
        [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
      }
      if (correct)
        shuffled.push({
          type: 'DetailsCorrected',
          occurredOn: d('2026-12-01'),
          data: { fields: { fullName: 'ANH' }, reason: 'typo' },
        } as RecordedEvent);
      const events = stream([registration!, ...shuffled]);
      for (const pick of retractions) {
        const target = events[1 + (pick % (events.length - 1))]!;
        events.push({
          type: 'EventRetracted',
          occurredOn: d('2026-12-15'),
          data: { eventId: target.eventId, reason: 'typo' },
          eventId: `r${events.length + 1}`,
          version: events.length + 1,
        } as RecordedEvent);
      }
      return events;
    });
  const anySplit = fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 8 });

  test('any history extended in any writes answers as foldResident, residentAsOf and violationsIn on every day', () => {
    fc.assert(
      fc.property(anyHistory, anySplit, fc.array(anyDay, { minLength: 1, maxLength: 3 }), (events, sizes, days) => {
        let fold = ResidentFold.EMPTY;
        let at = 0;
        for (const size of [...sizes, events.length]) {
          fold = fold.extend(events.slice(at, at + size));
          // Asked for after each write, the timeline is then carried on from the first changed day.
          fold.statusTimeline();
          at = Math.min(events.length, at + size);
        }
        expectSameAsWholeStream(fold, events, days);
        // One event per write, as the API records them.
        const oneByOne = events.reduce((kept, event) => {
          const next = kept.extend([event]);
          if (event.version % 5 === 0) next.statusTimeline();
          return next;
        }, ResidentFold.EMPTY);
        expectSameAsWholeStream(oneByOne, events, days);
      }),
      { numRuns: 25, seed: 20261201 },
    );
  });

  test('a fact checked against the fold is refused exactly when violationsIn before and after it differ', () => {
    const candidates = fc.record({
      type: fc.constantFrom('Moved', 'Departed', 'Landed', 'CardLost', 'ResidenceNotified'),
      occurredOn: anyDay,
    });
    fc.assert(
      fc.property(anyHistory, candidates, (events, { type, occurredOn }) => {
        const data = {
          Moved: { address: 'New' },
          Departed: { reentry: 'deemed' },
          Landed: { status: 'student', periodExpiresOn: '2029-03-31' },
          CardLost: {},
          ResidenceNotified: { address: 'New' },
        }[type];
        const candidate = { type, occurredOn, data, eventId: '(new)', version: events.length + 1 } as RecordedEvent;
        const before = violationsIn(events, END_OF_TIME);
        const after = violationsIn([...events, candidate], END_OF_TIME);
        const firstNew = [...after].find(([eventId]) => eventId !== '(new)' && !before.has(eventId));
        const { own, later } = ResidentFold.of(events).check(candidate);
        expect(own).toEqual(after.get('(new)') ?? null);
        if (own === null) expect(later === null ? null : [later.event.eventId, later.violation]).toEqual(firstNew ?? null);
      }),
      { numRuns: 100, seed: 20261202 },
    );
  });
});
