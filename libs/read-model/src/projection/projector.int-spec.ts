import { afterAll, afterEach, beforeAll, describe, expect, test } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { DataSource } from 'typeorm';
import { END_OF_TIME, foldResident, statusTimeline } from '@zairyu/domain';
import { createPgPool, PostgresEventStore } from '@zairyu/event-store';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database.js';
import { permanentResidentWhoseTripLapses, specifiedSkilledWorker, studentToEngineer } from '../../../domain/src/testing/lives.js';
import { openReadModel } from '../data-source.js';
import {
  newDataKey,
  ResidentKeys,
  residentStream,
  sealedEventStore,
  type SealedEventStore,
  toRecordedEvents,
} from '@zairyu/resident-streams';
import { appendLife } from '../testing/append-life.js';
import { readModelRows } from '../testing/read-model-rows.js';
import { ReadModelSeal } from '../sealing/read-model-seal.js';
import { Projector } from './projector.js';
import { ProjectorLeader } from './projector-leader.js';
import { progressBar, rebuildReadModel } from './rebuild.js';

const lives = [specifiedSkilledWorker, studentToEngineer, permanentResidentWhoseTripLapses];
const ORG_A = randomUUID();
const ORG_B = randomUUID();

let database: TestDatabase;
let pool: pg.Pool;
let store: SealedEventStore;
let dataSource: DataSource;
const leaders: ProjectorLeader[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  pool = createPgPool(database.url, { max: 20, applicationName: 'projector-test' });
  // Sealed, as in the API: the projector seals its rows with the residents' keys.
  store = await sealedEventStore(await PostgresEventStore.open(pool), new ResidentKeys(pool, newDataKey()));
  dataSource = await openReadModel(database.url);
});
afterEach(async () => {
  await Promise.all(leaders.splice(0).map((leader) => leader.stop()));
});
afterAll(async () => {
  await dataSource.destroy();
  await pool.end();
  await database.drop();
});

async function appendLives(count: number, organisationId = ORG_A): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) ids.push(await appendLife(store, organisationId, lives[i % lives.length]!().events));
  return ids;
}

/** Every read-model row, in key order, as text: what "byte-identical" compares. */
const snapshot = () => readModelRows(pool);

/** A resident's summary row, its sealed columns opened, or undefined. */
async function summaryRow(residentId: string) {
  const { rows } = await pool.query<{
    resident_id: string;
    organisation_id: string;
    version: number;
    status_timeline: unknown;
    sealed: Buffer;
  }>(`SELECT resident_id, organisation_id, version, status_timeline, sealed FROM read_model.resident_summary WHERE resident_id = $1`, [
    residentId,
  ]);
  if (rows[0] === undefined) return undefined;
  const { sealed: _sealed, ...row } = rows[0];
  const personal = (await new ReadModelSeal(store.keys).open(rows)).get(residentId)!;
  return { ...row, full_name: personal.fullName, card_number: personal.cardNumber };
}

const waitFor = async (condition: () => Promise<boolean>, ms = 10_000) => {
  const until = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

describe('the residents projection', () => {
  test('re-folds each affected resident into summary, card registry and deadlines, per organisation', async () => {
    const [ssw] = await appendLives(3);
    await appendLives(1, ORG_B);
    const projector = new Projector(pool, store, { batchSize: 7 });
    expect(await projector.catchUp()).toBeGreaterThan(0);
    expect(await projector.lag()).toBe(0);

    const summary = (await summaryRow(ssw!))!;
    const events = toRecordedEvents(await store.readStream(residentStream(ssw!)));
    expect(summary).toMatchObject({
      organisation_id: ORG_A,
      full_name: 'NGUYEN VAN AN',
      version: events.length,
      card_number: expect.stringMatching(/^SW\d{8}AA$/),
    });
    expect(summary.status_timeline).toEqual(JSON.parse(JSON.stringify(statusTimeline(events))));

    const cards = await pool.query('SELECT card_number FROM read_model.card_registry WHERE resident_id = $1 ORDER BY card_number', [ssw]);
    expect(cards.rows).toHaveLength(3);
    const deadlines = await pool.query('SELECT count(*)::int AS n FROM read_model.deadline WHERE resident_id = $1', [ssw]);
    expect(deadlines.rows[0].n).toBe(foldResident(events, END_OF_TIME).deadlines.length);
    const perOrg = await pool.query('SELECT organisation_id, count(*)::int AS n FROM read_model.resident_summary GROUP BY 1');
    expect(Object.fromEntries(perOrg.rows.map((r) => [r.organisation_id, r.n]))).toMatchObject({ [ORG_A]: 3, [ORG_B]: 1 });
  });

  test('a later write changes only the rows it changed: a new deadline is added, a retracted one removed, a corrected name rewrites the summary alone (a deadline does not repeat it), and untouched rows keep their tuple', async () => {
    const projector = new Projector(pool, store, { batchSize: 1 });
    await projector.catchUp();
    const [resident] = await appendLives(1);
    await projector.catchUp();
    const stream = residentStream(resident!);
    const deadlinesOf = async () =>
      (
        await pool.query<{ id: string; xmin: string }>(
          'SELECT id, xmin::text FROM read_model.deadline WHERE resident_id = $1 ORDER BY id',
          [resident],
        )
      ).rows;
    const fact = (type: string, occurredOn: string, data: Record<string, unknown>) => ({
      eventId: randomUUID(),
      type,
      occurredOn,
      data,
      metadata: { recordedBy: 'test', organisationId: ORG_A, correlationId: randomUUID(), causationId: null },
    });
    const append = async (event: ReturnType<typeof fact>) => {
      await store.append(stream, [event], (await store.readStream(stream)).length);
      await projector.catchUp();
    };
    const before = await deadlinesOf();
    expect(before.length).toBeGreaterThan(0);

    // 住居地の届出 (14 days) for a new address: one row more, the others untouched.
    const moved = fact('Moved', '2026-09-01', { address: 'Osaka' });
    await append(moved);
    const afterMove = await deadlinesOf();
    expect(afterMove).toHaveLength(before.length + 1);
    const added = afterMove.find((row) => !before.some((old) => old.id === row.id))!;
    expect(afterMove.filter((row) => row.id !== added.id)).toEqual(before);

    await append(fact('EventRetracted', '2026-09-02', { eventId: moved.eventId, reason: 'recorded for the wrong resident' }));
    expect(await deadlinesOf()).toEqual(before);

    await append(fact('DetailsCorrected', '2026-09-03', { fields: { fullName: 'NGUYEN VAN BINH' }, reason: 'typo' }));
    expect(await deadlinesOf()).toEqual(before);
    expect((await summaryRow(resident!))!.full_name).toBe('NGUYEN VAN BINH');
    const live = await snapshot();
    await rebuildReadModel(pool, store);
    expect(await snapshot()).toEqual(live);
  });

  test("a touched resident whose fold is kept is folded on with the batch's own events: its stream is not read again", async () => {
    const reads: string[] = [];
    const counting = new Proxy(store, {
      get(target, name, receiver) {
        const value: unknown = Reflect.get(target, name, receiver);
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          if (name === 'readStream' || name === 'readStreams') reads.push(String(name));
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    });
    const projector = new Projector(pool, counting, { seal: new ReadModelSeal(store.keys) });
    await projector.catchUp();
    const [resident] = await appendLives(1);
    await projector.catchUp();
    const stream = residentStream(resident!);
    reads.length = 0;
    const metadata = { recordedBy: 'test', organisationId: ORG_A, correlationId: randomUUID(), causationId: null };
    for (const [i, address] of ['Osaka', 'Kobe'].entries())
      await store.append(
        stream,
        [{ eventId: randomUUID(), type: 'Moved', occurredOn: `2026-09-0${i + 1}`, data: { address }, metadata }],
        'any',
      );
    await projector.catchUp();
    expect(reads).toEqual([]);
    const live = await snapshot();
    await rebuildReadModel(pool, store);
    expect(await snapshot()).toEqual(live);
  });

  test('rows another projector wrote since are not trusted: after a checkpoint this projector did not write, its residents are written whole', async () => {
    const projector = new Projector(pool, store);
    await projector.catchUp();
    const [resident] = await appendLives(1);
    await projector.catchUp();
    // Changed behind its back (as another process's projection of later events would have).
    await pool.query(`UPDATE read_model.resident_summary SET name_sort = 'zz' WHERE resident_id = $1`, [resident]);
    await pool.query(`DELETE FROM read_model.resident_search_token WHERE resident_id = $1`, [resident]);
    await appendLives(1);
    await new Projector(pool, store).catchUp();
    const stream = residentStream(resident!);
    const metadata = { recordedBy: 'test', organisationId: ORG_A, correlationId: randomUUID(), causationId: null };
    await store.append(
      stream,
      [{ eventId: randomUUID(), type: 'Moved', occurredOn: '2026-09-01', data: { address: 'Osaka' }, metadata }],
      'any',
    );
    await projector.catchUp();
    const live = await snapshot();
    await rebuildReadModel(pool, store);
    expect(await snapshot()).toEqual(live);
  });

  test('a crash in the middle of a batch loses and duplicates nothing after a restart', async () => {
    await new Projector(pool, store).catchUp();
    const victims = await appendLives(6);
    // Hold a row lock the projector will need, so its batch hangs half-written; then kill its session.
    const blocker = await pool.connect();
    await blocker.query('BEGIN');
    await appendLife(store, ORG_A, lives[0]!().events);
    const crashing = new Projector(pool, store, { batchSize: 1000 });
    await crashing.catchUp();
    const ids = victims.slice(0, 3);
    await store.append(
      residentStream(ids[0]!),
      [
        {
          eventId: randomUUID(),
          type: 'Moved',
          occurredOn: '2026-10-01',
          data: { address: 'Kobe' },
          metadata: { recordedBy: 't', organisationId: ORG_A, correlationId: randomUUID(), causationId: null },
        },
      ],
      'any',
    );
    await blocker.query('SELECT 1 FROM read_model.resident_summary WHERE resident_id = $1 FOR UPDATE', [ids[0]]);
    const batch = crashing.projectNextBatch();
    await waitFor(async () => {
      const { rows } = await pool.query(`SELECT pid FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()`);
      if (rows.length === 0) return false;
      await pool.query('SELECT pg_terminate_backend($1)', [rows[0].pid]);
      return true;
    });
    await expect(batch).rejects.toThrow();
    await blocker.query('ROLLBACK');
    blocker.release();

    await new Projector(pool, store).catchUp();
    const restarted = await snapshot();
    await rebuildReadModel(pool, store);
    expect(await snapshot()).toEqual(restarted);
    const moved = (await summaryRow(ids[0]!))!;
    expect(moved.version).toBe((await store.readStream(residentStream(ids[0]!))).length);
  });

  test('one projector leads; a second waits and takes over when the first dies', async () => {
    // The first projector is a process of its own: its own pool, which dies with it.
    const firstPool = createPgPool(database.url, { applicationName: 'projector-first' });
    const first = new ProjectorLeader(firstPool, new Projector(firstPool, store), { pollIntervalMs: 10 });
    const second = new ProjectorLeader(pool, new Projector(pool, store), { pollIntervalMs: 10 });
    leaders.push(first, second);
    first.start();
    await waitFor(async () => first.isLeader);
    second.start();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(second.isLeader).toBe(false);

    // The leader dies: every session of its process is cut off and it never connects again.
    const ended = firstPool.end();
    await pool.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'projector-first'`);
    await ended;
    await waitFor(async () => second.isLeader);
    const [late] = await appendLives(1);
    await waitFor(async () => (await summaryRow(late!)) !== undefined);
  });

  test("writes nudging the leader within its delay are projected in one batch, long before the next poll; a waiting read's wake needs no nudge", async () => {
    await new Projector(pool, store).catchUp();
    const projector = new Projector(pool, store);
    // Batches of 15 and 30 events, twice (with delays of 1 s and 5 s): the leader's first catch-up,
    // still reading when the test wrote, took the first life. The test now waits for that read to
    // find the end of the log (caughtUp was true before any read).
    const leader = new ProjectorLeader(pool, projector, { pollIntervalMs: 600_000, nudgeDelayMs: 2_000 });
    leaders.push(leader);
    const batches: number[] = [];
    projector.onProjected((_position, taken) => batches.push(taken.length));
    leader.start();
    await waitFor(async () => leader.isLeader && projector.caughtUp);
    batches.length = 0;

    const written: string[] = [];
    for (let i = 0; i < 3; i++) {
      written.push(...(await appendLives(1)));
      leader.nudge();
    }
    await waitFor(async () => (await Promise.all(written.map(summaryRow))).every((row) => row !== undefined), 15_000);
    const events = (await Promise.all(written.map((id) => store.readStream(residentStream(id))))).flat().length;
    expect(batches).toEqual([events]);

    const [read] = await appendLives(1);
    leader.wake();
    await waitFor(async () => (await summaryRow(read!)) !== undefined);
    expect(batches).toHaveLength(2);
  });

  test('a rebuild gives exactly the rows of the live projection, with progress shown', async () => {
    await new Projector(pool, store).catchUp();
    await appendLives(5);
    await new Projector(pool, store).catchUp();
    const live = await snapshot();
    const progress: string[] = [];
    const result = await rebuildReadModel(pool, store, (p) => progress.push(progressBar(p)), 10);
    expect(await snapshot()).toEqual(live);
    expect(result.events).toBe(await store.countAfter(null));
    expect(progress.at(-1)).toMatch(/^\[#+\] [\d,]+\/[\d,]+ events, [\d,]+ events\/s$/);
  });

  test('rebuilds during a live write loop all finish (the live projector and the swap lock in one order), and the rows agree', async () => {
    // Small live batches: many live transactions, each a chance to meet the rebuild's swap.
    const live = new ProjectorLeader(pool, new Projector(pool, store, { batchSize: 20, maxBatchSize: 20 }), { pollIntervalMs: 5 });
    leaders.push(live);
    live.start();
    let writing = true;
    const written: string[] = [];
    const loop = (async () => {
      while (writing) {
        written.push(...(await appendLives(1)));
        live.wake();
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    })();
    try {
      for (let run = 0; run < 4; run++) await rebuildReadModel(pool, store);
    } finally {
      writing = false;
      await loop;
    }
    await waitFor(async () => (await summaryRow(written.at(-1)!)) !== undefined);
    const afterLoop = await snapshot();
    await rebuildReadModel(pool, store);
    expect(await snapshot()).toEqual(afterLoop);
  }, 120_000);

  test('a stream the domain cannot fold is quarantined, live and in a rebuild: both finish, and both hold everyone else', async () => {
    const projector = new Projector(pool, store, { batchSize: 50 });
    await projector.catchUp();
    const [poisoned] = await appendLives(1);
    const stream = residentStream(poisoned!);
    // A status that is no status (42): what only a row written past the validators can hold.
    await store.append(
      stream,
      [
        {
          eventId: randomUUID(),
          type: 'Landed',
          occurredOn: '2026-04-01',
          data: { status: 42, periodExpiresOn: '2027-01-01' },
          metadata: { recordedBy: 'test', organisationId: ORG_A, correlationId: randomUUID(), causationId: null },
        },
      ],
      (await store.readStream(stream)).length,
    );
    const [after] = await appendLives(1, ORG_B);
    await projector.catchUp();
    expect(await projector.lag()).toBe(0);
    expect(await summaryRow(after!)).toMatchObject({ organisation_id: ORG_B });
    const quarantined = () => pool.query('SELECT resident_id, organisation_id, error FROM read_model.projection_quarantine');
    expect((await quarantined()).rows).toEqual([
      { resident_id: poisoned, organisation_id: ORG_A, error: expect.stringContaining('UnreadableEventError') },
    ]);
    const live = await snapshot();
    await rebuildReadModel(pool, store);
    expect(await snapshot()).toEqual(live);
    expect((await quarantined()).rows).toEqual([expect.objectContaining({ resident_id: poisoned })]);
  });
});
