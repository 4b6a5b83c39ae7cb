/**
 * The rebuild's second range as its worker thread loads it: from the database's address, the
 * master key as copied bytes and the range alone, into the same fresh tables as the main thread.
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { DataSource } from 'typeorm';
import { createPgPool, PostgresEventStore } from '@zairyu/event-store';
import { newDataKey, ResidentKeys, sealedEventStore, type SealedEventStore } from '@zairyu/resident-streams';
import { openReadModel, Projector, rebuildReadModel, type StreamRange } from '@zairyu/read-model';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.js';
import { specifiedSkilledWorker, studentToEngineer } from '../../../libs/domain/src/testing/lives.js';
import { appendLife } from '../../../libs/read-model/src/testing/append-life.js';
import { EVERY_READ_MODEL_TABLE, readModelRows } from '../../../libs/read-model/src/testing/read-model-rows.js';
import { loadRangeOf } from './rebuild-range.js';

let database: TestDatabase;
let pool: pg.Pool;
let sealed: SealedEventStore;
let dataSource: DataSource;
const masterKey = newDataKey();

beforeAll(async () => {
  database = await createTestDatabase();
  pool = createPgPool(database.url, { max: 10, applicationName: 'rebuild-range-test' });
  sealed = await sealedEventStore(await PostgresEventStore.open(pool), new ResidentKeys(pool, masterKey));
  dataSource = await openReadModel(database.url);
  // Residents on both sides of where the rebuild cuts the streams ('resident-8'), names sealed.
  const organisationId = randomUUID();
  for (const first of ['0', '3', '9', 'f'])
    for (const life of [specifiedSkilledWorker, studentToEngineer])
      await appendLife(sealed, organisationId, life().events, `${first}${randomUUID().slice(1)}`);
});

afterAll(async () => {
  await dataSource.destroy();
  await pool.end();
  await database.drop();
});

const rows = () => readModelRows(pool, EVERY_READ_MODEL_TABLE);

test('the second range, loaded from the address, the key as bytes and the range, with the first gives the live rows', async () => {
  await new Projector(pool, sealed).catchUp();
  const live = await rows();
  const log = (await sealed.countAfter(null))!;
  const given: StreamRange[] = [];
  const reported: number[] = [];
  let loaded = 0;
  const result = await rebuildReadModel(pool, sealed, undefined, 10, undefined, 1, async (range, pageEvents, onPage) => {
    given.push(range);
    // A worker thread receives the key copied, as a Uint8Array.
    loaded = await loadRangeOf({ databaseUrl: database.url, masterKey: new Uint8Array(masterKey), range, pageEvents }, (events) => {
      reported.push(events);
      onPage(events);
    });
    return loaded;
  });
  expect(given).toEqual([{ after: 'resident-8', through: null }]);
  expect(await rows()).toEqual(live);
  expect(result.events).toBe(log);
  expect(loaded).toBeGreaterThan(0);
  expect(loaded).toBeLessThan(log);
  expect(reported.at(-1)).toBe(loaded);
  // Every resident's stream opened with its key there: none quarantined.
  const { rows: quarantined } = await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM read_model.projection_quarantine');
  expect(quarantined[0]!.n).toBe(0);
});
