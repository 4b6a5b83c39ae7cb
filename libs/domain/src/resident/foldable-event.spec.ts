/**
 * No stored event may hang or crash a fold. A row written straight into the log (past the API's
 * checks) with a `periodExpiresOn` of "never" made the fold step days towards a day never reached;
 * `data: null` threw a TypeError. Whatever the data of whatever event type, folding the stream
 * ends: with a state, or with an UnreadableEventError naming the event.
 */
import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { residentAsOf } from '../as-of.js';
import type { LocalDate } from '../calendar/local-date.js';
import { deadlinesAsOf } from '../deadlines.js';
import { DATA_RULES } from '../events/event-validation.js';
import { EVENT_TYPES, type RecordedEvent } from '../events/events.js';
import { statusTimeline } from '../status-timeline.js';
import { specifiedSkilledWorker, studentToEngineer } from '../testing/lives.js';
import { END_OF_TIME } from './advance.js';
import { foldResident, violationsIn } from './fold.js';
import { UnreadableEventError } from './foldable-event.js';
import { ResidentFold } from './resident-fold.js';

const ASKED_ON = '2031-06-30' as LocalDate;

/** Every way the ledger reads a resident's stream. */
function readEveryWay(events: readonly RecordedEvent[]): void {
  foldResident(events, END_OF_TIME);
  violationsIn(events, END_OF_TIME);
  residentAsOf(events, ASKED_ON);
  statusTimeline(events);
  deadlinesAsOf(events, ASKED_ON);
  const fold = ResidentFold.of(events);
  fold.stateAsOf(ASKED_ON);
  fold.residentAsOf(ASKED_ON);
  fold.statusTimeline();
  fold.violations();
}

/** Folds, or refuses with the typed error; a TypeError, a RangeError or a hang fails. */
function foldsOrRefuses(events: readonly RecordedEvent[]): boolean {
  try {
    readEveryWay(events);
    return true;
  } catch (error) {
    if (error instanceof UnreadableEventError) return true;
    throw error;
  }
}

/** Values that break a date's arithmetic or a field's type, and some that do not. */
const garbage = fc.oneof(
  fc.constantFrom('never', '', 'NaN', '2026-02-30', '0000-00-00', '9999-12-31', '1900-01-01', '2027-03-31', '99999-01-01', '2026-1-1'),
  fc.constantFrom(null, 0, -1, 1e308, Number.NaN, true, [], {}, [null], { number: 'AB12345678CD' }),
  fc.date({ min: new Date('1900-01-01'), max: new Date('9999-12-31'), noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10)),
  fc.string({ maxLength: 12 }),
  fc.anything({ maxDepth: 2 }),
);

/** Data for `type`: anything at all, or its own fields each given garbage (nested one level). */
const dataOf = (type: (typeof EVENT_TYPES)[number]) =>
  fc.oneof(
    fc.anything({ maxDepth: 2 }),
    fc.record(
      Object.fromEntries(
        Object.keys(DATA_RULES[type]).map((key) => [
          key,
          fc.oneof(garbage, fc.dictionary(fc.constantFrom('number', 'issuedOn', 'expiresOn', 'kind', 'appliedOn'), garbage)),
        ]),
      ),
      { requiredKeys: [] },
    ),
  );

const storedEvent = fc.constantFrom(...EVENT_TYPES).chain((type) =>
  fc.record({
    type: fc.constant(type),
    occurredOn: fc.oneof(fc.constantFrom('2029-05-01', '2027-01-15'), garbage),
    data: dataOf(type),
  }),
);

/** A stored row appended to a real history (its version the next), as a raw INSERT would. */
function withStored(history: readonly RecordedEvent[], row: { type: string; occurredOn: unknown; data: unknown }): RecordedEvent[] {
  return [...history, { ...row, eventId: 'stored', version: history.length + 1 } as unknown as RecordedEvent];
}

describe('a stored event of any data never hangs or crashes a fold', () => {
  test('a Landed whose periodExpiresOn is "never" is refused, naming the event and the field', () => {
    const history = studentToEngineer().events.slice(0, 1);
    const events = withStored(history, { type: 'Landed', occurredOn: '2026-04-01', data: { status: 'student', periodExpiresOn: 'never' } });
    expect(() => foldResident(events, END_OF_TIME)).toThrow(
      new UnreadableEventError('stored', 'Landed', 'data.periodExpiresOn', 'is not a calendar date ("never")'),
    );
    expect(() => ResidentFold.of(events)).toThrow(UnreadableEventError);
  });

  test('a Moved whose data is null is refused, not a TypeError', () => {
    const events = withStored(studentToEngineer().events, { type: 'Moved', occurredOn: '2027-01-15', data: null });
    expect(() => foldResident(events, END_OF_TIME)).toThrow(UnreadableEventError);
    expect(() => ResidentFold.of(events)).toThrow(UnreadableEventError);
  });

  test('a retraction whose data is garbage is refused before the retracted facts are sought', () => {
    const events = withStored(studentToEngineer().events, { type: 'EventRetracted', occurredOn: '2027-01-15', data: [] });
    expect(() => foldResident(events, END_OF_TIME)).toThrow(UnreadableEventError);
    expect(() => ResidentFold.of(events)).toThrow(UnreadableEventError);
  });

  test('a fact on the calendar’s last day, 9999-12-31: the deadlines it opens would fall past it; the fold ends, refusing', () => {
    const events = withStored(specifiedSkilledWorker().events, { type: 'SpouseNotified', occurredOn: '9999-12-31', data: {} });
    expect(foldsOrRefuses(events)).toBe(true);
  });

  test("a date on the calendar's last day (a departure by 9999-12-31 after a revocation) folds or refuses, with no day after it", () => {
    const revoked = { type: 'StatusRevoked', occurredOn: '2029-05-01', data: { departureBy: '9999-12-31' } } as unknown as RecordedEvent;
    expect(foldsOrRefuses(withStored(studentToEngineer().events, revoked))).toBe(true);
  });

  test('an erased personal value (null) is no fault: the fold reads on', () => {
    const [registered, ...rest] = studentToEngineer().events;
    const erased = { ...registered!, data: { ...registered!.data, fullName: null, dateOfBirth: null } } as unknown as RecordedEvent;
    expect(() => readEveryWay([erased, ...rest])).not.toThrow();
  });

  test.each([
    ['a student who became an engineer', studentToEngineer],
    ['a Specified Skilled Worker', specifiedSkilledWorker],
  ])('%s, then any event type with garbage data: folds or refuses', (_, life) => {
    const history = life().events;
    fc.assert(
      fc.property(storedEvent, (row) => foldsOrRefuses(withStored(history, row))),
      { numRuns: 500 },
    );
  });

  test('any event type with garbage data in place of the landing itself: folds or refuses', () => {
    const registered = studentToEngineer().events.slice(0, 1);
    fc.assert(
      fc.property(storedEvent, storedEvent, (first, second) => foldsOrRefuses(withStored(withStored(registered, first), second))),
      { numRuns: 500 },
    );
  });
});
