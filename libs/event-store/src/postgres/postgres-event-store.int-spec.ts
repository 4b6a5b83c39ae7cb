import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import type pg from 'pg';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database.js';
import { createPgPool } from './pg-pool.js';
import { PostgresEventStore } from './postgres-event-store.js';
import { eventStoreContract, newEvent } from '../testing/event-store-contract.js';

eventStoreContract('PostgreSQL', async () => {
  const database = await createTestDatabase();
  const pool = createPgPool(database.url, { max: 20 });
  const store = await PostgresEventStore.open(pool);
  return {
    store,
    dispose: async () => {
      await store.close();
      await pool.end();
      await database.drop();
    },
  };
});

describe('PostgreSQL global log under concurrent writers', () => {
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

  test('an event that commits late is not skipped: readers wait behind the oldest open transaction', async () => {
    const slow = await pool.connect();
    let open = true;
    try {
      await slow.query('BEGIN');
      const early = newEvent('Early');
      await slow.query(
        `INSERT INTO events (stream_id, version, event_id, type, occurred_on, data, metadata) VALUES ('slow', 1, $1, 'Early', '2026-04-01', '{}', $2)`,
        [early.eventId, JSON.stringify(early.metadata)],
      );
      await store.append('fast', [newEvent('Late')], 'no_stream');
      // The fast event took a higher position but the slow transaction is still open.
      expect(await store.readAll(null, 10)).toEqual([]);
      await slow.query('COMMIT');
      open = false;
      expect((await store.readAll(null, 10)).map((event) => event.type)).toEqual(['Early', 'Late']);
    } finally {
      // A failed expectation above leaves the transaction open: roll it back and drop the
      // connection, so the test fails instead of the pool hanging on a half-done insert.
      if (open) await slow.query('ROLLBACK').catch(() => undefined);
      slow.release(open);
    }
  });

  test("one organisation's head is its own last event, not a later one of another organisation", async () => {
    const of = (organisationId: string) => ({ ...newEvent(), metadata: { ...newEvent().metadata, organisationId } });
    const first = await store.append('head-a', [of('org-a')], 'no_stream');
    const later = await store.append('head-b', [of('org-b')], 'no_stream');
    expect(await store.headPosition('org-a')).toEqual(first.position);
    expect(await store.headPosition('org-b')).toEqual(later.position);
    expect(await store.headPosition()).toEqual(later.position);
    expect(await store.headPosition('org-none')).toBeNull();
  });

  test('migrations run once even when two processes start together', async () => {
    await Promise.all([PostgresEventStore.open(pool), PostgresEventStore.open(pool)]);
    const { rows } = await pool.query('SELECT count(*)::int AS n FROM event_store_migrations');
    expect(rows[0].n).toBe(2);
  });
});
