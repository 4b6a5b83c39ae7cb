/**
 * What a rebuild and a projector behind the log cost, counted rather than timed: the events a
 * rebuild reads, the indexes it leaves, the batches a backlog takes.
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { DataSource } from 'typeorm';
import { createPgPool, formatPosition, PostgresEventStore, readsStreamsInOrder, START_OF_LOG, type EventStore } from '@zairyu/event-store';
import { newDataKey, ResidentKeys, residentStream, sealedEventStore, type SealedEventStore } from '@zairyu/resident-streams';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database.js';
import { permanentResidentWhoseTripLapses, specifiedSkilledWorker, studentToEngineer } from '../../../domain/src/testing/lives.js';
import { openReadModel } from '../data-source.js';
import { LIVE_SCHEMA, REBUILD_SCHEMA, readModelTablesSql } from '../read-model-tables.js';
import { appendLife } from '../testing/append-life.js';
import { EVERY_READ_MODEL_TABLE, readModelRows } from '../testing/read-model-rows.js';
import { Projector } from './projector.js';
import { rebuildReadModel } from './rebuild.js';
import { loadRange, type StreamRange } from './load-by-resident.js';
import { ReadModelSeal } from '../sealing/read-model-seal.js';

let database: TestDatabase;
let pool: pg.Pool;
let sealed: SealedEventStore;
let dataSource: DataSource;
const organisationId = randomUUID();
const masterKey = newDataKey();

beforeAll(async () => {
  database = await createTestDatabase();
  pool = createPgPool(database.url, { max: 10, applicationName: 'rebuild-by-resident-test' });
  sealed = await sealedEventStore(await PostgresEventStore.open(pool), new ResidentKeys(pool, masterKey));
  dataSource = await openReadModel(database.url);
  const residents: string[] = [];
  for (const life of [specifiedSkilledWorker, studentToEngineer, permanentResidentWhoseTripLapses])
    residents.push(await appendLife(sealed, organisationId, life().events));
  // One resident on each side of where a rebuild in two ranges cuts the streams ('resident-8').
  residents.push(await appendLife(sealed, organisationId, studentToEngineer().events, `1${randomUUID().slice(1)}`));
  residents.push(await appendLife(sealed, organisationId, specifiedSkilledWorker().events, `e${randomUUID().slice(1)}`));
  // Each resident's later events spread over the log, between the others'.
  for (let round = 0; round < 10; round++)
    for (const residentId of residents) {
      const stream = residentStream(residentId);
      const version = (await sealed.readStream(stream)).length;
      await sealed.append(stream, [moved(`Block ${round}`)], version);
    }
});

afterAll(async () => {
  await dataSource.destroy();
  await pool.end();
  await database.drop();
});

function moved(address: string) {
  return {
    eventId: randomUUID(),
    type: 'Moved',
    occurredOn: '2026-10-01',
    data: { address },
    metadata: { recordedBy: 'test', organisationId, correlationId: randomUUID(), causationId: null },
  };
}

/** Every read-model row, in key order, as text. */
const snapshot = () => readModelRows(pool, EVERY_READ_MODEL_TABLE);

/** `store`, counting the events its reads hand out. */
function counting(store: EventStore): { store: EventStore; events: () => number } {
  let events = 0;
  const count = (result: unknown) => {
    if (result instanceof Map) for (const stream of result.values()) events += (stream as unknown[]).length;
    else if (Array.isArray(result))
      for (const item of result)
        events += typeof item === 'object' && item !== null && 'streamId' in item && 'events' in item ? item.events.length : 1;
    return result;
  };
  const wrapped = new Proxy(store, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        const result: unknown = value.apply(target, args);
        return String(property).startsWith('read') && result instanceof Promise ? result.then(count) : result;
      };
    },
  });
  return { store: wrapped, events: () => events };
}

test('a rebuild reads each event of the log once, however its residents’ events are spread over it, and gives the live rows', async () => {
  await new Projector(pool, sealed).catchUp();
  const live = await snapshot();
  const log = (await sealed.countAfter(null))!;
  const reads = counting(sealed);
  // Small pages: every resident's events are spread over many pages of the global log.
  const result = await rebuildReadModel(pool, reads.store, undefined, 5);
  expect(await snapshot()).toEqual(live);
  expect(result.events).toBe(log);
  expect(reads.events()).toBe(log);
});

test('a rebuild in two ranges, the second loaded elsewhere with a store of its own, gives the live rows', async () => {
  await new Projector(pool, sealed).catchUp();
  const live = await snapshot();
  const log = (await sealed.countAfter(null))!;
  const ranges: StreamRange[] = [];
  let elsewhere = 0;
  const result = await rebuildReadModel(pool, sealed, undefined, 5, undefined, 1, async (range, pageEvents, onPage) => {
    ranges.push(range);
    // Its own store and seal, as a worker thread makes them.
    const own = await sealedEventStore(await PostgresEventStore.open(pool), new ResidentKeys(pool, masterKey));
    if (!readsStreamsInOrder(own)) throw new Error('the sealed PostgreSQL store reads in stream order');
    elsewhere = await loadRange(pool, own, REBUILD_SCHEMA, new ReadModelSeal(own.keys), pageEvents, range, onPage);
    return elsewhere;
  });
  expect(ranges).toEqual([{ after: 'resident-8', through: null }]);
  expect(await snapshot()).toEqual(live);
  expect(result.events).toBe(log);
  expect(elsewhere).toBeGreaterThan(0);
  expect(elsewhere).toBeLessThan(log);
});

test('a rebuild whose other range fails fails whole, once this range has stopped, and leaves the live rows', async () => {
  await new Projector(pool, sealed).catchUp();
  const live = await snapshot();
  await expect(
    rebuildReadModel(pool, sealed, undefined, 5, undefined, 1, async () => {
      throw new Error('the worker stopped');
    }),
  ).rejects.toThrow('the worker stopped');
  expect(await snapshot()).toEqual(live);
});

test('a rebuild leaves the live schema with the indexes of a fresh one (built after loading, not left out)', async () => {
  const indexes = async (schema: string) =>
    (
      await pool.query<{ indexdef: string }>(`SELECT replace(indexdef, $1, 'S') AS indexdef FROM pg_indexes WHERE schemaname = $2`, [
        `${schema}.`,
        schema,
      ])
    ).rows
      .map((row) => row.indexdef)
      .sort();
  await rebuildReadModel(pool, sealed);
  await pool.query(`DROP SCHEMA IF EXISTS ${REBUILD_SCHEMA} CASCADE`);
  await pool.query(readModelTablesSql(REBUILD_SCHEMA));
  const fresh = await indexes(REBUILD_SCHEMA);
  await pool.query(`DROP SCHEMA ${REBUILD_SCHEMA} CASCADE`);
  expect(fresh.length).toBeGreaterThan(8);
  expect(await indexes(LIVE_SCHEMA)).toEqual(fresh);
});

test('the rebuilt tables are swapped in vacuumed and analyzed, not left to autovacuum under the live load', async () => {
  await rebuildReadModel(pool, sealed);
  const { rows } = await pool.query<{ relname: string; vacuumed: boolean; analyzed: boolean }>(
    `SELECT relname, last_vacuum IS NOT NULL AS vacuumed, last_analyze IS NOT NULL AS analyzed FROM pg_stat_user_tables
      WHERE schemaname = $1 AND relname IN ('resident_summary', 'resident_search_token', 'deadline', 'card_registry') ORDER BY relname`,
    [LIVE_SCHEMA],
  );
  expect(rows).toEqual(
    ['card_registry', 'deadline', 'resident_search_token', 'resident_summary'].map((relname) => ({
      relname,
      vacuumed: true,
      analyzed: true,
    })),
  );
});

test('a projector behind the log takes larger batches, up to its largest, and small ones again once caught up', async () => {
  await pool.query(`UPDATE read_model.projection_checkpoint SET position = $1`, [formatPosition(START_OF_LOG)]);
  const log = (await sealed.countAfter(null))!;
  const projector = new Projector(pool, sealed, { batchSize: 2, maxBatchSize: 16 });
  const batches: number[] = [];
  for (let n = await projector.projectNextBatch(); n > 0; n = await projector.projectNextBatch()) batches.push(n);
  expect(batches.reduce((a, b) => a + b, 0)).toBe(log);
  // 2, 4, 8, 16, 16, …: far fewer transactions than one per two events.
  expect(batches.slice(0, 4)).toEqual([2, 4, 8, 16]);
  expect(Math.max(...batches)).toBe(16);
  expect(batches.length).toBeLessThan(log / 6);
  const [resident] = (await pool.query<{ resident_id: string }>('SELECT resident_id FROM read_model.resident_summary LIMIT 1')).rows;
  const stream = residentStream(resident!.resident_id);
  await sealed.append(
    stream,
    [1, 2, 3, 4, 5].map((n) => moved(`Block ${n}`)),
    (await sealed.readStream(stream)).length,
  );
  expect(await projector.projectNextBatch()).toBe(2);
});

test('text with a tab, a backslash, a line break and quotes comes through a rebuild (COPY) as the live projector wrote it', async () => {
  const resident = await appendLife(sealed, organisationId, permanentResidentWhoseTripLapses().events);
  const stream = residentStream(resident);
  const employer = 'Tab\there \\N back\\slash\nline "quoted" \r end';
  await sealed.append(stream, [{ ...moved('x'), type: 'SupportStarted', data: { employer } }], (await sealed.readStream(stream)).length);
  await new Projector(pool, sealed).catchUp();
  const live = await snapshot();
  await rebuildReadModel(pool, sealed);
  expect(await snapshot()).toEqual(live);
  const { rows } = await pool.query('SELECT employer FROM read_model.resident_summary WHERE resident_id = $1', [resident]);
  expect(rows).toEqual([{ employer }]);
});

test('a value PostgreSQL refuses (a NUL in an employer’s name) quarantines that resident alone in a rebuild; the rest of its page is loaded', async () => {
  const poisoned = await appendLife(sealed, organisationId, permanentResidentWhoseTripLapses().events);
  const stream = residentStream(poisoned);
  await sealed.append(
    stream,
    [{ ...moved('x'), type: 'SupportStarted', data: { employer: 'POISONED\u0000EMPLOYER' } }],
    (await sealed.readStream(stream)).length,
  );
  const residents = (await pool.query('SELECT 1 FROM read_model.resident_summary')).rowCount!;
  // One page for everyone: the poisoned resident shares its COPY with the others.
  await rebuildReadModel(pool, sealed, undefined, 10_000);
  const { rows } = await pool.query<{ resident_id: string; error: string }>(
    'SELECT resident_id, error FROM read_model.projection_quarantine',
  );
  expect(rows).toEqual([{ resident_id: poisoned, error: expect.stringContaining('22021') }]);
  expect((await pool.query('SELECT 1 FROM read_model.resident_summary')).rowCount).toBe(residents);
  expect((await pool.query('SELECT 1 FROM read_model.resident_summary WHERE resident_id = $1', [poisoned])).rowCount).toBe(0);
});
