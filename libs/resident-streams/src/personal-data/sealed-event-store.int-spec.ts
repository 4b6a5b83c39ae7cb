import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { createPgPool, PostgresEventStore, type NewEvent } from '@zairyu/event-store';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database.js';
import { residentStream } from '../stream-names.js';
import { newDataKey } from './data-keys.js';
import { PersonalDataErasedError, ResidentKeys } from './resident-keys.js';
import { sealedEventStore, type SealedEventStore } from './sealed-event-store.js';

const organisationId = randomUUID();

function registered(fullName: string): NewEvent {
  return {
    eventId: randomUUID(),
    type: 'ResidentRegistered',
    occurredOn: '2026-04-01',
    data: { fullName, dateOfBirth: '1999-02-28', nationality: 'VNM' },
    metadata: { recordedBy: 'test', organisationId, correlationId: randomUUID(), causationId: null },
  };
}

describe('the sealed store writes many residents in one append (an import)', () => {
  let database: TestDatabase;
  let pool: pg.Pool;
  let store: SealedEventStore;
  let keys: ResidentKeys;

  beforeAll(async () => {
    database = await createTestDatabase();
    pool = createPgPool(database.url);
    keys = new ResidentKeys(pool, newDataKey());
    store = await sealedEventStore(await PostgresEventStore.open(pool), keys);
  });
  afterAll(async () => {
    await pool.end();
    await database.drop();
  });

  test('each resident gets a key of its own, the log holds no name in clear, and each reads back its own name', async () => {
    const residents = Array.from({ length: 30 }, (_, i) => ({ id: randomUUID(), name: `NGUYEN VAN ${i}` }));
    await store.appendToStreams(
      residents.map(({ id, name }) => ({ streamId: residentStream(id), events: [registered(name)], expected: 'no_stream' as const })),
    );
    const { rows: keyRows } = await pool.query<{ n: string }>('SELECT count(DISTINCT wrapped_key) AS n FROM vault.resident_key');
    expect(Number(keyRows[0]!.n)).toBe(30);
    const { rows: clear } = await pool.query(`SELECT 1 FROM events WHERE data::text LIKE '%NGUYEN%'`);
    expect(clear).toHaveLength(0);
    const read = await store.readStreams(residents.map(({ id }) => residentStream(id)));
    for (const { id, name } of residents)
      expect((read.get(residentStream(id))?.[0]?.data as { fullName?: string } | undefined)?.fullName).toBe(name);
  });

  test('an append that names one erased resident among others is refused whole: nothing is written for any of them', async () => {
    const erased = randomUUID();
    const other = randomUUID();
    await keys.destroy(erased, organisationId);
    await expect(
      store.appendToStreams([
        { streamId: residentStream(other), events: [registered('TRAN THI B')], expected: 'no_stream' },
        { streamId: residentStream(erased), events: [registered('LE VAN C')], expected: 'no_stream' },
      ]),
    ).rejects.toBeInstanceOf(PersonalDataErasedError);
    expect(await store.readStream(residentStream(other))).toEqual([]);
    expect(await store.readStream(residentStream(erased))).toEqual([]);
  });
});
