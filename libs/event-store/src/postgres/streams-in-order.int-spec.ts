/**
 * The log read stream by stream (StreamOrderedReads), as a rebuild reads it: whole streams in id
 * order whatever their events' places in the global log, and a settled position that no late
 * commit can land before.
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import type pg from 'pg';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database.js';
import { readsStreamsInOrder } from '../event-store.js';
import { comparePositions } from '../global-position.js';
import { newEvent } from '../testing/event-store-contract.js';
import { createPgPool } from './pg-pool.js';
import { PostgresEventStore } from './postgres-event-store.js';

let database: TestDatabase;
let pool: pg.Pool;
let store: PostgresEventStore;

beforeAll(async () => {
  database = await createTestDatabase();
  pool = createPgPool(database.url);
  store = await PostgresEventStore.open(pool);
});
afterAll(async () => {
  await pool.end();
  await database.drop();
});

test('whole streams of one prefix in id order, each in version order, however the log interleaves them and wherever a page ends', async () => {
  expect(readsStreamsInOrder(store)).toBe(true);
  // Interleaved in the log: b1, a1, c1, b2, a2, b3, … (each append its own transaction).
  const streams = { 'p-b': 5, 'p-a': 3, 'p-c': 4 };
  for (let version = 1; version <= 5; version++)
    for (const [streamId, length] of Object.entries(streams))
      if (version <= length) await store.append(streamId, [newEvent(`E${version}`)], version - 1);
  // Not of the prefix, and names a LIKE pattern would take for one if not escaped.
  await store.append('other-a', [newEvent()], 'no_stream');
  await store.append('p_x', [newEvent()], 'no_stream');
  await store.append('p%y', [newEvent()], 'no_stream');

  const pages: Array<Array<[string, number[]]>> = [];
  for (let after: string | null = null; ;) {
    // Four events a page: every page but the last ends inside a stream, which is read to its end.
    const page = await store.readStreamsAfter('p-', after, 4);
    if (page.length === 0) break;
    pages.push(page.map((stream) => [stream.streamId, stream.events.map((event) => event.version)]));
    after = page.at(-1)!.streamId;
  }
  expect(pages).toEqual([
    [
      ['p-a', [1, 2, 3]],
      ['p-b', [1, 2, 3, 4, 5]],
    ],
    [['p-c', [1, 2, 3, 4]]],
  ]);
  // A prefix is text, not a pattern.
  expect((await store.readStreamsAfter('p_', null, 100)).map((stream) => stream.streamId)).toEqual(['p_x']);

  // Two ranges split at 'p-b' (through it, after it): each stream in exactly one, read whole.
  const ids = async (after: string | null, through: string | null) =>
    (await store.readStreamsAfter('p-', after, 2, through)).map((stream) => [stream.streamId, stream.events.length]);
  expect(await ids(null, 'p-b')).toEqual([['p-a', 3]]);
  expect(await ids('p-a', 'p-b')).toEqual([['p-b', 5]]);
  expect(await ids('p-b', 'p-b')).toEqual([]);
  expect(await ids('p-b', null)).toEqual([['p-c', 4]]);
});

test('the settled position stops before a transaction still open, and holds every event committed before it', async () => {
  const before = await store.append('settle-a', [newEvent()], 'no_stream');
  expect(await store.settledPosition()).toEqual(before.position);
  const slow = await pool.connect();
  try {
    await slow.query('BEGIN');
    await slow.query('SELECT pg_current_xact_id()');
    // Committed after the slow transaction began, so behind it in the log's order: not settled yet.
    const later = await store.append('settle-b', [newEvent()], 'no_stream');
    expect(await store.settledPosition()).toEqual(before.position);
    await slow.query('COMMIT');
    const settled = (await store.settledPosition())!;
    expect(comparePositions(settled, later.position)).toBe(0);
  } finally {
    slow.release();
  }
});
