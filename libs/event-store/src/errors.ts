import type { ExpectedVersion } from './event-store.js';

/** Optimistic concurrency: the stream was not at the version the writer expected. */
export class WrongExpectedVersionError extends Error {
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedVersion,
    readonly actual: number | null,
  ) {
    super(`Stream ${streamId} is at version ${actual ?? 'unknown'}, expected ${String(expected)}`);
    this.name = 'WrongExpectedVersionError';
  }
}

/** An event with this id is already stored (a retried write). */
export class DuplicateEventError extends Error {
  constructor(readonly eventId: string) {
    super(`Event ${eventId} is already stored`);
    this.name = 'DuplicateEventError';
  }
}
