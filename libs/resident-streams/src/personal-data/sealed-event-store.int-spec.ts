import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { createPgPool, PostgresEventStore, type NewEvent } from '@zairyu/event-store';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database.js';
import { sentStatements } from '../../../../test/support/sent-statements.js';
import { residentStream } from '../stream-names.js';
import { newDataKey } from './data-keys.js';
import { DAMAGED_KEY, PersonalDataErasedError, ResidentKeys } from './resident-keys.js';
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
  const masterKey = newDataKey();

  beforeAll(async () => {
    database = await createTestDatabase();
    pool = createPgPool(database.url);
    keys = new ResidentKeys(pool, masterKey);
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

  test('a fact of a resident whose key exists is sealed after one read of the key table; a read that finds nothing sealed looks no key up', async () => {
    const id = randomUUID();
    await store.append(residentStream(id), [registered('PHAM VAN D')], 'no_stream');
    const moved: NewEvent = { ...registered('x'), eventId: randomUUID(), type: 'Moved', data: { address: 'Nagoya 1-2-3' } };
    const sealing = await sentStatements(/vault\.resident_key/, () => store.append(residentStream(id), [moved], 1));
    expect(sealing).toHaveLength(1);
    expect(sealing[0]!.sql).toMatch(/^\s*SELECT/);
    const since = await sentStatements(/vault\.resident_key/, async () =>
      expect(await store.readStream(residentStream(id), { fromVersion: 3 })).toEqual([]),
    );
    expect(since).toEqual([]);
    const plain = await sentStatements(/vault\.resident_key/, () =>
      store.append(residentStream(id), [{ ...moved, eventId: randomUUID(), type: 'Departed', data: {} }], 2),
    );
    expect(plain).toEqual([]);
    const [, second, third] = await store.readStream(residentStream(id));
    expect(second!.data).toEqual({ address: 'Nagoya 1-2-3' });
    expect(third!.data).toEqual({});
  });

  test('a fact of an erased resident is refused; one of a resident recorded before its key existed makes the key', async () => {
    const erased = randomUUID();
    await store.append(residentStream(erased), [registered('VO VAN E')], 'no_stream');
    await keys.destroy(erased, organisationId);
    const moved = (): NewEvent => ({ ...registered('x'), eventId: randomUUID(), type: 'Moved', data: { address: 'Osaka 4-5-6' } });
    await expect(store.append(residentStream(erased), [moved()], 1)).rejects.toBeInstanceOf(PersonalDataErasedError);
    expect(await store.readStream(residentStream(erased))).toHaveLength(1);

    const older = randomUUID();
    await store.append(residentStream(older), [registered('DO THI F')], 'no_stream');
    await pool.query('DELETE FROM vault.resident_key WHERE resident_id = $1', [older]);
    await store.append(residentStream(older), [moved()], 1);
    const { rows } = await pool.query('SELECT 1 FROM vault.resident_key WHERE resident_id = $1 AND wrapped_key IS NOT NULL', [older]);
    expect(rows).toHaveLength(1);
    expect((await store.readStream(residentStream(older), { fromVersion: 2 }))[0]!.data).toEqual({ address: 'Osaka 4-5-6' });
  });

  test('a key kept from an earlier read is never used once the table no longer holds it: erased in another process, or damaged', async () => {
    const otherPool = createPgPool(database.url);
    try {
      const other = new ResidentKeys(otherPool, masterKey);
      const [erased, damaged] = [randomUUID(), randomUUID()];
      await store.appendToStreams(
        [erased, damaged].map((id) => ({
          streamId: residentStream(id),
          events: [registered('TRAN THI KEPT')],
          expected: 'no_stream' as const,
        })),
      );
      const before = await keys.keysOf([erased, damaged]);
      expect(before.get(erased)).toBeInstanceOf(Buffer);
      expect((await keys.keysOf([erased])).get(erased)).toEqual(before.get(erased));

      await other.destroy(erased, organisationId);
      await pool.query(`UPDATE vault.resident_key SET wrapped_key = decode(repeat('ab', 60), 'hex') WHERE resident_id = $1`, [damaged]);
      const after = await keys.keysOf([erased, damaged]);
      expect(after.get(erased)).toBeNull();
      expect(after.get(damaged)).toBe(DAMAGED_KEY);
      await expect(store.readStream(residentStream(erased))).resolves.not.toEqual(
        expect.arrayContaining([expect.objectContaining({ data: expect.objectContaining({ fullName: 'TRAN THI KEPT' }) })]),
      );
    } finally {
      await otherPool.end();
    }
  });

  test('two processes sealing the first facts of the same new residents at once end with one key each, and both use it', async () => {
    const otherPool = createPgPool(database.url);
    try {
      const other = new ResidentKeys(otherPool, masterKey);
      for (let n = 0; n < 20; n++) {
        const residents = new Map([randomUUID(), randomUUID()].map((id) => [id, organisationId]));
        const [mine, theirs] = await Promise.all([keys.keysToSeal(residents), other.keysToSeal(residents)]);
        for (const id of residents.keys()) {
          expect(mine.get(id)).toBeInstanceOf(Buffer);
          expect((mine.get(id) as Buffer).equals(theirs.get(id) as Buffer)).toBe(true);
        }
      }
    } finally {
      await otherPool.end();
    }
  });
});
