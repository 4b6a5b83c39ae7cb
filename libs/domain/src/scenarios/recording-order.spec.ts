/**
 * Late recording is fine (docs/domain-rules.md §7): facts are folded in `occurredOn` order, so the
 * order in which a caseworker typed them in never changes the answer.
 */
import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { statusAsOf } from '../status.js';
import { deadlinesAsOf } from '../deadlines.js';
import { statusFromTimeline, statusTimeline } from '../status-timeline.js';
import { addDays, type LocalDate } from '../calendar/local-date.js';
import { permanentResidentWhoseTripLapses, specifiedSkilledWorker, studentToEngineer } from '../testing/lives.js';
import type { RecordedEvent } from '../events/events.js';

const lives = [specifiedSkilledWorker(), studentToEngineer(), permanentResidentWhoseTripLapses()].map((life) => life.events);
const anyLife = fc.constantFrom(...lives);
const anyDay = fc.integer({ min: 0, max: 365 * 6 }).map((offset) => addDays('2024-01-01' as LocalDate, offset));

/** The same facts, recorded in another order: registration first, versions renumbered. */
function recordedInOrder(events: RecordedEvent[], order: number[]): RecordedEvent[] {
  const [registration, ...facts] = events;
  const shuffled = order.map((index) => facts[index]!);
  return [registration!, ...shuffled].map((event, index) => ({ ...event, version: index + 1 }));
}

const anyRecording = anyLife.chain((events) =>
  fc.tuple(fc.constant(events), fc.shuffledSubarray([...events.keys()].slice(0, -1), { minLength: events.length - 1 })),
);

describe('recording order', () => {
  test('shuffling the recording order never changes statusAsOf or deadlinesAsOf', () => {
    fc.assert(
      fc.property(anyRecording, anyDay, ([events, order], asOf) => {
        const shuffled = recordedInOrder(events, order);
        expect(statusAsOf(shuffled, asOf)).toEqual(statusAsOf(events, asOf));
        expect(deadlinesAsOf(shuffled, asOf)).toEqual(deadlinesAsOf(events, asOf));
      }),
      { numRuns: 300 },
    );
  });

  test('the status timeline the read model stores answers exactly as statusAsOf on every day', () => {
    fc.assert(
      fc.property(anyLife, anyDay, (events, asOf) => {
        expect(statusFromTimeline(statusTimeline(events), asOf)).toEqual(statusAsOf(events, asOf));
      }),
      { numRuns: 300 },
    );
  });
});
