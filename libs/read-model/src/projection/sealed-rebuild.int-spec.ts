/**
 * A rebuild replays what the live projector projected: residents whose personal values are
 * sealed in the log (every resident the API writes) come out of a rebuild through the sealed
 * store as the live projector wrote them. Read from the raw store instead, the still-sealed
 * values (a date of birth as `{ $sealed }`) once reached the card rules and crashed the rebuild
 * with a TypeError; now each such resident is quarantined with an error that says what to do.
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { DataSource } from 'typeorm';
import { createPgPool, PostgresEventStore } from '@zairyu/event-store';
import { newDataKey, ResidentKeys, sealedEventStore, type SealedEventStore } from '@zairyu/resident-streams';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database.js';
import { permanentResidentWhoseTripLapses, specifiedSkilledWorker, studentToEngineer } from '../../../domain/src/testing/lives.js';
import { openReadModel } from '../data-source.js';
import { appendLife } from '../testing/append-life.js';
import { readModelRows } from '../testing/read-model-rows.js';
import { Projector } from './projector.js';
import { rebuildReadModel } from './rebuild.js';
import { ReadModelSeal } from '../sealing/read-model-seal.js';

let database: TestDatabase;
let pool: pg.Pool;
let raw: PostgresEventStore;
let sealed: SealedEventStore;
let dataSource: DataSource;

beforeAll(async () => {
  database = await createTestDatabase();
  pool = createPgPool(database.url, { max: 10, applicationName: 'sealed-rebuild-test' });
  raw = await PostgresEventStore.open(pool);
  sealed = await sealedEventStore(raw, new ResidentKeys(pool, newDataKey()));
  dataSource = await openReadModel(database.url);
  const organisationId = randomUUID();
  for (const life of [specifiedSkilledWorker, studentToEngineer, permanentResidentWhoseTripLapses])
    await appendLife(sealed, organisationId, life().events);
  await new Projector(pool, sealed).catchUp();
});

afterAll(async () => {
  await dataSource.destroy();
  await pool.end();
  await database.drop();
});

const snapshot = () => readModelRows(pool);

test('the log holds the lives sealed, and a rebuild through the sealed store gives the rows the live projector wrote', async () => {
  const { rows } = await pool.query(`SELECT 1 FROM events WHERE data::text LIKE '%dateOfBirth":"%'`);
  expect(rows).toHaveLength(0);
  const live = await snapshot();
  expect(live.filter((row) => row.includes('card_'))).not.toHaveLength(0);
  expect(await rebuildReadModel(pool, sealed)).toMatchObject({ events: expect.any(Number) });
  expect(await snapshot()).toEqual(live);
});

test('through the raw store, no event crashes the rebuild: each sealed resident is quarantined with an error that says what to do', async () => {
  const live = await snapshot();
  await rebuildReadModel(pool, raw, undefined, undefined, new ReadModelSeal(sealed.keys));
  const { rows } = await pool.query<{ error: string }>(`SELECT error FROM read_model.projection_quarantine`);
  expect(rows).toHaveLength(3);
  for (const { error } of rows) expect(error).toMatch(/holds sealed personal values: read the log through the sealed event store/);
  // Rebuilt through the sealed store again, every resident is back as the live projector wrote it.
  await rebuildReadModel(pool, sealed);
  expect(await snapshot()).toEqual(live);
  expect((await pool.query(`SELECT 1 FROM read_model.projection_quarantine`)).rows).toHaveLength(0);
});
