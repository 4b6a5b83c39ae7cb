/**
 * Serialised writers across processes (two stores on two pools stand for two API processes): a
 * writer alone on its stream takes no session lock; one that meets another process's writer
 * gives way and writes after it; under contention every writer still succeeds, in turn.
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database.js';
import { DuplicateEventError } from '../errors.js';
import { newEvent } from '../testing/event-store-contract.js';
import { createPgPool } from './pg-pool.js';
import { PostgresEventStore } from './postgres-event-store.js';
import { STREAM_LOCK_SPACE } from './stream-turn.js';

let database: TestDatabase;
let pools: pg.Pool[];
let here: PostgresEventStore;
let there: PostgresEventStore;

beforeAll(async () => {
  database = await createTestDatabase();
  pools = [createPgPool(database.url), createPgPool(database.url)];
  here = await PostgresEventStore.open(pools[0]!);
  there = await PostgresEventStore.open(pools[1]!);
});
afterAll(async () => {
  await Promise.all(pools.map((pool) => pool.end()));
  await database.drop();
});

/** A serialised writer that reads the stream and appends at the version it read, as the API's writers do. */
const writer = (store: PostgresEventStore, streamId: string, type = 'Moved') =>
  store.serialised(streamId, async () => {
    const version = (await store.readStream(streamId)).length;
    return store.append(streamId, [newEvent(type)], version === 0 ? 'no_stream' : version);
  });

const lockConnections = async () =>
  Number(
    (
      await pools[0]!.query<{ count: string }>(
        "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'zairyu-stream-locks'",
      )
    ).rows[0]!.count,
  );

/** Another process's writer holding the stream's session lock, until `release`. */
async function anotherProcessHolds(streamId: string) {
  const other = await pools[1]!.connect();
  await other.query('SELECT pg_advisory_lock($1, hashtext($2))', [STREAM_LOCK_SPACE, streamId]);
  return async () => {
    await other.query('SELECT pg_advisory_unlock($1, hashtext($2))', [STREAM_LOCK_SPACE, streamId]);
    other.release();
  };
}

/** Until a lock connection of ours waits for the session lock. */
async function oursWaits() {
  for (let polls = 0; ; polls++) {
    if (polls === 250) throw new Error('no writer of ours waited for the lock');
    const { rows } = await pools[1]!.query<{ waiting: string }>(
      `SELECT count(*) AS waiting FROM pg_stat_activity
        WHERE datname = current_database() AND application_name = 'zairyu-stream-locks' AND wait_event_type = 'Lock'`,
    );
    if (Number(rows[0]!.waiting) > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

test('a writer alone on its stream writes without the session lock: no lock connection is opened', async () => {
  const streamId = `alone-${randomUUID()}`;
  for (let n = 0; n < 5; n++) await writer(here, streamId);
  expect((await here.readStream(streamId)).map((event) => event.version)).toEqual([1, 2, 3, 4, 5]);
  expect(await lockConnections()).toBe(0);
});

test('a writer that meets another process holding the stream’s lock waits for it, and writes after its event', async () => {
  const streamId = `met-${randomUUID()}`;
  const release = await anotherProcessHolds(streamId);
  const ours = writer(here, streamId, 'Ours');
  // Ours gave way and now waits for the session lock on a lock connection of its own.
  await oursWaits();
  // The other process's writer, in its turn, writes the stream's first event.
  await there.append(streamId, [newEvent('Theirs')], 'no_stream');
  await release();
  expect((await ours).version).toBe(2);
  expect((await here.readStream(streamId)).map((event) => [event.version, event.type])).toEqual([
    [1, 'Theirs'],
    [2, 'Ours'],
  ]);
});

test('two processes, 30 writers each on one stream at once: all 60 written, versions 1 to 60', async () => {
  const streamId = `contended-${randomUUID()}`;
  const results = await Promise.all(
    Array.from({ length: 60 }, (_, n) => writer(n % 2 === 0 ? here : there, streamId, n % 2 === 0 ? 'Here' : 'There')),
  );
  expect(results.map((result) => result.version).sort((a, b) => a - b)).toEqual(Array.from({ length: 60 }, (_, n) => n + 1));
  const events = await here.readStream(streamId);
  expect(events.filter((event) => event.type === 'Here')).toHaveLength(30);
  expect(events.filter((event) => event.type === 'There')).toHaveLength(30);
}, 60_000);

test('an event id written before is still a duplicate in a writer’s first attempt, not a turn to wait for', async () => {
  const streamId = `repeat-${randomUUID()}`;
  const event = newEvent();
  await here.append(streamId, [event], 'no_stream');
  await expect(here.serialised(streamId, () => here.append(streamId, [event], 1))).rejects.toBeInstanceOf(DuplicateEventError);
});

test('a writer started from inside an earlier writer’s work, meeting another process’s writer, still writes in turn', async () => {
  const streamId = `spawned-${randomUUID()}`;
  let open!: () => void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  let spawned!: Promise<{ version: number }>;
  await here.serialised(streamId, async () => {
    spawned = gate.then(() => writer(here, streamId, 'Later'));
    return here.append(streamId, [newEvent('First')], 'no_stream');
  });
  const release = await anotherProcessHolds(streamId);
  await there.append(streamId, [newEvent('Theirs')], 1);
  open();
  await oursWaits();
  await release();
  expect((await spawned).version).toBe(3);
  expect((await here.readStream(streamId)).map((event) => event.type)).toEqual(['First', 'Theirs', 'Later']);
});

test('a write of several streams gives way as a whole, then writes them all in turn, answering in the order asked', async () => {
  const [streamId, claim] = [`several-${randomUUID()}`, `claim-${randomUUID()}`];
  const release = await anotherProcessHolds(streamId);
  const ours = here.serialised(streamId, async () => {
    const version = (await here.readStream(streamId)).length;
    return here.appendToStreams([
      { streamId: claim, events: [newEvent('Claimed')], expected: 'no_stream' },
      { streamId, events: [newEvent('Ours')], expected: version === 0 ? 'no_stream' : version },
    ]);
  });
  await oursWaits();
  await there.append(streamId, [newEvent('Theirs')], 'no_stream');
  await release();
  expect((await ours).map((result) => result.version)).toEqual([1, 2]);
  expect((await here.readStream(claim)).map((event) => event.type)).toEqual(['Claimed']);
  expect((await here.readStream(streamId)).map((event) => event.type)).toEqual(['Theirs', 'Ours']);
});
