import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { createPgPool, PostgresEventStore, type GlobalPosition } from '@zairyu/event-store';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database.js';
import { specifiedSkilledWorker, studentToEngineer } from '../../../domain/src/testing/lives.js';
import { openReadModel } from '../data-source.js';
import { appendLife } from '../testing/append-life.js';
import { CheckpointMovedError, Projector } from './projector.js';
import { rebuildReadModel } from './rebuild.js';
import { newDataKey, ResidentKeys, sealedEventStore, type SealedEventStore } from '@zairyu/resident-streams';

/** The two steps of a batch, driven one at a time so that two writers can be interleaved. */
interface BatchSteps {
  prepare(from: GlobalPosition): Promise<object | null>;
  write(prepared: object): Promise<void>;
}
const steps = (projector: Projector) => projector as unknown as BatchSteps;

const ORG = randomUUID();
let database: TestDatabase;
let pool: pg.Pool;
let store: SealedEventStore;

beforeAll(async () => {
  database = await createTestDatabase();
  await (await openReadModel(database.url)).destroy();
  pool = createPgPool(database.url, { max: 10, applicationName: 'checkpoint-race-test' });
  // Sealed, as in the API: the projector seals its rows with the residents' keys.
  store = await sealedEventStore(await PostgresEventStore.open(pool), new ResidentKeys(pool, newDataKey()));
});
afterAll(async () => {
  await pool.end();
  await database.drop();
});

async function checkpointRow(): Promise<string> {
  const { rows } = await pool.query(`SELECT position FROM read_model.projection_checkpoint WHERE name = 'residents'`);
  return rows[0].position;
}

describe('the projector checkpoint moves by compare-and-set', () => {
  test('two projectors on one schema prepare the same batch: the first commits, the second is refused and writes nothing', async () => {
    await new Projector(pool, store).catchUp();
    await appendLife(store, ORG, specifiedSkilledWorker().events);
    const [first, second] = [new Projector(pool, store), new Projector(pool, store)];
    const from = await first.checkpoint();
    const [batchOfFirst, batchOfSecond] = [await steps(first).prepare(from), await steps(second).prepare(from)];
    await steps(first).write(batchOfFirst!);
    const committed = await checkpointRow();
    await expect(steps(second).write(batchOfSecond!)).rejects.toBeInstanceOf(CheckpointMovedError);
    expect(await checkpointRow()).toBe(committed);
    // The loser carries on from the stored checkpoint: nothing left to do.
    expect(await second.catchUp()).toBe(0);
  });

  test('a projector racing a rebuild: its batch prepared before the swap is refused after it, and the rebuilt rows stand', async () => {
    await new Projector(pool, store).catchUp();
    await appendLife(store, ORG, studentToEngineer().events);
    const live = new Projector(pool, store);
    const prepared = await steps(live).prepare(await live.checkpoint());
    await rebuildReadModel(pool, store);
    const rebuilt = await checkpointRow();
    await expect(steps(live).write(prepared!)).rejects.toBeInstanceOf(CheckpointMovedError);
    expect(await checkpointRow()).toBe(rebuilt);
    expect(await live.catchUp()).toBe(0);
  });
});
