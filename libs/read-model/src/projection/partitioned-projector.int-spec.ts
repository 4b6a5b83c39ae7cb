/**
 * The projection split by organisation across processes (PROJECTOR_PARTITIONS > 1): each
 * "process" here has a pool of its own, as apps/projector has, and dies as one does (every
 * session cut off). The partitions are shared out, every event is projected by exactly one
 * partition's committed batch, a dead process's partitions are taken over, and a rebuild still
 * swaps in whole tables under live partitioned projectors.
 */
import { afterAll, afterEach, beforeAll, describe, expect, test } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { DataSource } from 'typeorm';
import { createPgPool, formatPosition, PostgresEventStore } from '@zairyu/event-store';
import { newDataKey, ResidentKeys, sealedEventStore, type SealedEventStore } from '@zairyu/resident-streams';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database.js';
import { specifiedSkilledWorker, studentToEngineer } from '../../../domain/src/testing/lives.js';
import { openReadModel } from '../data-source.js';
import { appendLife } from '../testing/append-life.js';
import { readModelRows } from '../testing/read-model-rows.js';
import { Projector } from './projector.js';
import { ProjectorLeader } from './projector-leader.js';
import { rebuildReadModel } from './rebuild.js';
import { checkpointName, partitionOf, partitionsOf } from './partitions.js';

const PARTITIONS = 4;
const lives = [specifiedSkilledWorker, studentToEngineer];

let database: TestDatabase;
let pool: pg.Pool;
let store: SealedEventStore;
let dataSource: DataSource;
const leaders: ProjectorLeader[] = [];
const pools: pg.Pool[] = [];
/** How many committed batches took each event, over every projector of every process. */
const projections = new Map<string, number>();

/** Two organisations in each partition: every partition has work. */
const organisations = partitionsOf(PARTITIONS).flatMap(({ index }) => [organisationIn(index), organisationIn(index)]);

function organisationIn(partition: number): string {
  for (;;) {
    const id = randomUUID();
    if (partitionOf(id, PARTITIONS) === partition) return id;
  }
}

beforeAll(async () => {
  database = await createTestDatabase();
  pool = createPgPool(database.url, { max: 20, applicationName: 'partition-test' });
  // Sealed, as in the API: the projectors seal their rows with the residents' keys.
  store = await sealedEventStore(await PostgresEventStore.open(pool), new ResidentKeys(pool, newDataKey()));
  dataSource = await openReadModel(database.url);
});
afterEach(async () => {
  await Promise.all(leaders.splice(0).map((leader) => leader.stop()));
  await Promise.all(pools.splice(0).map((p) => p.end().catch(() => undefined)));
});
afterAll(async () => {
  await dataSource.destroy();
  await pool.end();
  await database.drop();
});

/** A projector process: its own pool (named, so that it can be killed) and a leader over every partition. */
function startProcess(name: string, batchSize = 50): ProjectorLeader {
  const own = createPgPool(database.url, { max: 10, applicationName: name });
  pools.push(own);
  const projectors = partitionsOf(PARTITIONS).map((partition) => new Projector(own, store, { partition, batchSize }));
  for (const projector of projectors)
    projector.onProjected((_, taken) => {
      for (const event of taken) projections.set(event.eventId, (projections.get(event.eventId) ?? 0) + 1);
    });
  const leader = new ProjectorLeader(own, projectors, { pollIntervalMs: 10, rebalanceIntervalMs: 50 });
  leaders.push(leader);
  leader.start();
  return leader;
}

/** Every session of the process is cut off, as when it is killed; it never connects again. */
async function kill(name: string, leader: ProjectorLeader): Promise<void> {
  const index = leaders.indexOf(leader);
  const own = pools[index]!;
  const ended = own.end().catch(() => undefined);
  await pool.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1`, [name]);
  await ended;
  await leader.stop().catch(() => undefined);
}

async function appendLives(count: number): Promise<void> {
  for (let i = 0; i < count; i++) await appendLife(store, organisations[i % organisations.length]!, lives[i % lives.length]!().events);
}

/** Every partition's checkpoint has reached the log's head. */
async function allProjected(): Promise<boolean> {
  const head = await store.headPosition();
  if (head === null) return true;
  const { rows } = await pool.query<{ name: string; position: string }>(
    `SELECT name, position FROM read_model.projection_checkpoint WHERE name = ANY($1::text[])`,
    [partitionsOf(PARTITIONS).map(checkpointName)],
  );
  return rows.length === PARTITIONS && rows.every((row) => row.position === formatPosition(head));
}

async function allEventIds(): Promise<string[]> {
  const { rows } = await pool.query<{ event_id: string }>('SELECT event_id FROM events ORDER BY event_id');
  return rows.map((row) => row.event_id);
}

/** Every event taken exactly once, by the partition of its organisation. */
async function expectEachEventProjectedOnce(): Promise<void> {
  const ids = await allEventIds();
  expect([...projections.keys()].sort()).toEqual(ids);
  expect([...projections.values()].filter((times) => times !== 1)).toEqual([]);
}

const snapshot = () => readModelRows(pool, ['resident_summary', 'deadline']);

const waitFor = async (condition: () => Promise<boolean> | boolean, ms = 30_000) => {
  const until = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

describe('partitioned projection', () => {
  test('two processes share the partitions, each event is projected exactly once, and a killed one’s partitions are taken over', async () => {
    await appendLives(16);
    const first = startProcess('projector-one');
    await waitFor(() => first.heldPartitions.length === PARTITIONS);
    const second = startProcess('projector-two');
    // The first gives back what is beyond its share; the second takes it.
    await waitFor(() => first.heldPartitions.length === 2 && second.heldPartitions.length === 2);
    expect([...first.heldPartitions, ...second.heldPartitions].sort()).toEqual([0, 1, 2, 3]);
    await appendLives(24);
    first.wake();
    second.wake();
    await waitFor(allProjected);
    await expectEachEventProjectedOnce();
    const taken = second.heldPartitions;

    await kill('projector-one', first);
    await waitFor(() => second.heldPartitions.length === PARTITIONS);
    expect(second.heldPartitions).toEqual(expect.arrayContaining(taken));
    await appendLives(16);
    second.wake();
    await waitFor(allProjected);
    await expectEachEventProjectedOnce();

    // Rows as one whole-log projector makes them.
    const partitioned = await snapshot();
    await rebuildReadModel(pool, store, undefined, 2000, undefined, PARTITIONS);
    expect(await snapshot()).toEqual(partitioned);
  }, 120_000);

  test('a process whose lock session is closed loses its partitions to the other, and nothing is projected twice', async () => {
    projections.clear();
    await pool.query('DELETE FROM read_model.projection_checkpoint');
    const first = startProcess('projector-three', 5);
    const second = startProcess('projector-four', 5);
    await waitFor(() => first.heldPartitions.length === 2 && second.heldPartitions.length === 2);
    await appendLives(24);
    // Only the first process's lock session is closed, mid-projection; its pool lives on.
    await pool.query(
      `SELECT pg_terminate_backend(l.pid) FROM pg_locks l JOIN pg_stat_activity a USING (pid)
        WHERE l.locktype = 'advisory' AND a.application_name = 'projector-three'`,
    );
    await waitFor(() => second.heldPartitions.length >= 2 && first.heldPartitions.length + second.heldPartitions.length === PARTITIONS);
    await waitFor(allProjected);
    await expectEachEventProjectedOnce();
  }, 120_000);

  test('a process that joins while another works through a long backlog gets its share before the backlog is done', async () => {
    projections.clear();
    await appendLives(24);
    await pool.query('DELETE FROM read_model.projection_checkpoint');
    const first = startProcess('projector-seven', 10);
    await waitFor(() => first.heldPartitions.length === PARTITIONS);
    const second = startProcess('projector-eight', 10);
    await waitFor(() => second.heldPartitions.length === 2);
    expect(await allProjected()).toBe(false);
    await waitFor(allProjected, 150_000);
    await expectEachEventProjectedOnce();
  }, 240_000);

  test('a rebuild with partitions swaps whole tables in under live partitioned projectors: readers never see them part-filled', async () => {
    const first = startProcess('projector-five', 20);
    const second = startProcess('projector-six', 20);
    await waitFor(() => first.heldPartitions.length === 2 && second.heldPartitions.length === 2);
    await waitFor(allProjected);
    // Every resident projected now is in the log before any rebuild's head: in the old tables and in each new one.
    const count = async () => Number((await pool.query<{ n: string }>('SELECT count(*) AS n FROM read_model.resident_summary')).rows[0]!.n);
    const before = await count();
    let writing = true;
    let lowest = Infinity;
    const reader = (async () => {
      while (writing) lowest = Math.min(lowest, await count());
    })();
    const writer = (async () => {
      while (writing) {
        await appendLives(1);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    })();
    try {
      for (let run = 0; run < 3; run++) await rebuildReadModel(pool, store, undefined, 2000, undefined, PARTITIONS);
    } finally {
      writing = false;
      await Promise.all([reader, writer]);
    }
    expect(lowest).toBeGreaterThanOrEqual(before);
    first.wake();
    second.wake();
    await waitFor(allProjected);
    const live = await snapshot();
    await rebuildReadModel(pool, store, undefined, 2000, undefined, PARTITIONS);
    expect(await snapshot()).toEqual(live);
  }, 120_000);

  test('a new partition count starts where a complete set of the old count’s checkpoints stands, never where only some do', async () => {
    await pool.query('DELETE FROM read_model.projection_checkpoint');
    await new Projector(pool, store).catchUp();
    const two = partitionsOf(2).map((partition) => new Projector(pool, store, { partition }));
    await pool.query(`DELETE FROM read_model.projection_checkpoint WHERE name LIKE 'residents#%/2'`);
    // The whole log's checkpoint is at the head: nothing left for the two.
    expect(await Promise.all(two.map((projector) => projector.catchUp()))).toEqual([0, 0]);

    await appendLives(2);
    await two[0]!.catchUp();
    await pool.query(`DELETE FROM read_model.projection_checkpoint WHERE name <> 'residents#0/2'`);
    // Partition 0 of 2 alone is no complete set: a count of 3 starts from the beginning.
    const three = new Projector(pool, store, { partition: { index: 0, count: 3 } });
    expect(formatPosition(await three.checkpoint())).toBe('0/0');
  }, 60_000);
});
