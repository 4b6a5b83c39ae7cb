/**
 * A serialised writer's first attempt, without the stream's session lock. The append itself
 * takes the stream's turn: `pg_try_advisory_xact_lock` on the same key, in the append's own
 * statement, held until it commits. A writer of another process that holds the session lock, or
 * is appending right now, makes that attempt give way (StreamBusy), and only then does this
 * writer take the session lock and run its work again, as every attempt did before. So does an
 * append whose expected version the stream has passed: the statement cannot tell the two apart,
 * and the rerun under the lock decides again on what it reads. A stream
 * written by one process at a time, the common case, is then written without the lock's two
 * statements, each a round trip to PostgreSQL (bench/README.md, "The POST path on this machine").
 * Correctness never rested on the lock: the expected version and the unique (stream_id, version)
 * refuse a stale decision; the lock makes writers take turns rather than refuse each other.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

/** Advisory locks of streams: the two-key space, apart from the one-key locks of migrations and leadership. */
export const STREAM_LOCK_SPACE = 0x7a61_7374; // "zast"

const attempt = new AsyncLocalStorage<string>();

/** The work's append to `streamId` gave way to another writer: run it again under the lock. */
export class StreamBusy extends Error {
  constructor(readonly streamId: string) {
    super(`stream ${streamId} is being written by another writer`);
    this.name = 'StreamBusy';
  }
}

/** Runs `work` as the stream's attempt without the session lock. */
export function withoutStreamLock<T>(streamId: string, work: () => Promise<T>): Promise<T> {
  return attempt.run(streamId, work);
}

/**
 * Runs `work` outside any attempt: the run under the session lock, which this process's lock
 * connection holds, so that an in-statement turn would only ever find it taken.
 */
export function afterTheAttempt<T>(work: () => Promise<T>): Promise<T> {
  return attempt.exit(work);
}

/** Whether an append to `streamId` runs now in that stream's attempt without the lock. */
export function takesTurnInStatement(streamId: string): boolean {
  return attempt.getStore() === streamId;
}
