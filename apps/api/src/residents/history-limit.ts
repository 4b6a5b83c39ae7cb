/**
 * A bound on one resident's history. Every read and write of a resident folds its whole
 * stream (late facts and retractions can change any earlier day), so the cost of a request
 * grows with the stream: a client appending without end to one resident would make every
 * read of that resident, and every projector batch that holds it, slower for everyone. A real
 * life — decades of periods, notifications, re-entries, corrections — stays in the hundreds
 * of events; past the bound a write is refused with a clear 422 instead. The fold's cost grows
 * faster than the stream (measured: 300 events a few ms, 3,000 over a second), hence 500.
 */
import { ResidentFailure } from './resident-failure.js';

export const DEFAULT_MAX_EVENTS_PER_RESIDENT = 500;

export function refuseWhenHistoryFull(version: number, max: number): void {
  if (version >= max)
    throw new ResidentFailure(
      'RESIDENT_HISTORY_FULL',
      `This resident's history already holds ${version} events, the most one resident may have (${max}).`,
    );
}
