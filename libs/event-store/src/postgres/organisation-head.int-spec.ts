/**
 * The head of one organisation's events (read-your-writes asks it before every list read) is
 * found from its own index, however often it is asked: a plan kept for "any organisation" once
 * walked the whole log backwards looking for an organisation that has no events yet.
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import type pg from 'pg';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database.js';
import { newEvent } from '../testing/event-store-contract.js';
import { createPgPool } from './pg-pool.js';
import { PostgresEventStore } from './postgres-event-store.js';

let database: TestDatabase;
let pool: pg.Pool;
let store: PostgresEventStore;

beforeAll(async () => {
  database = await createTestDatabase();
  // One connection: the index statistics read below are this backend's own, flushed on demand.
  pool = createPgPool(database.url, { max: 1 });
  store = await PostgresEventStore.open(pool);
});
afterAll(async () => {
  await pool.end();
  await database.drop();
});

async function primaryKeyTuplesRead(): Promise<number> {
  await pool.query('SELECT pg_stat_force_next_flush()');
  await pool.query('SELECT pg_stat_clear_snapshot()');
  const { rows } = await pool.query<{ read: string }>(
    "SELECT coalesce(sum(idx_tup_read), 0) AS read FROM pg_stat_user_indexes WHERE relname = 'events' AND indexrelname = 'events_pkey'",
  );
  return Number(rows[0]!.read);
}

test('asked twenty times about an organisation with no events, the head is not looked for along the whole log', async () => {
  // A log of 3,000 events from two organisations, analysed as autovacuum would.
  for (let batch = 0; batch < 30; batch++)
    await store.appendToStreams(
      Array.from({ length: 100 }, (_, index) => {
        const event = newEvent();
        const organisationId = index % 2 === 0 ? 'org-busy' : 'org-other';
        return {
          streamId: `s-${batch}-${index}`,
          events: [{ ...event, metadata: { ...event.metadata, organisationId } }],
          expected: 'no_stream' as const,
        };
      }),
    );
  await pool.query('ANALYZE events');
  expect(await store.headPosition('org-busy')).not.toBeNull();

  const before = await primaryKeyTuplesRead();
  for (let call = 0; call < 20; call++) expect(await store.headPosition('org-new')).toBeNull();
  // The organisation's index finds nothing at once; the log's key is not walked (3,000 tuples a call).
  expect((await primaryKeyTuplesRead()) - before).toBeLessThan(100);
});
