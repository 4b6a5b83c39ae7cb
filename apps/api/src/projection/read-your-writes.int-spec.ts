/**
 * Read-your-writes waits for the caller's own organisation's writes only: a tenant
 * whose events the projection has not reached yet holds up its own reads, never another's.
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { DataSource } from 'typeorm';
import { createPgPool, PostgresEventStore } from '@zairyu/event-store';
import { openReadModel, partitionOf, partitionsOf, Projector } from '@zairyu/read-model';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database.js';
import { studentToEngineer } from '../../../../libs/domain/src/testing/lives.js';
import { appendLife } from '../../../../libs/read-model/src/testing/append-life.js';
import { ProjectionHandle } from './read-your-writes.js';
import { newDataKey, ResidentKeys, sealedEventStore, type SealedEventStore } from '@zairyu/resident-streams';

let database: TestDatabase;
let pool: pg.Pool;
let store: SealedEventStore;
let dataSource: DataSource;

beforeAll(async () => {
  database = await createTestDatabase();
  pool = createPgPool(database.url, { max: 10 });
  // Sealed, as in the API: the projector seals its rows with the residents' keys.
  store = await sealedEventStore(await PostgresEventStore.open(pool), new ResidentKeys(pool, newDataKey()));
  dataSource = await openReadModel(database.url);
});
afterAll(async () => {
  await dataSource.destroy();
  await pool.end();
  await database.drop();
});

test("a read of one organisation does not wait for another organisation's writes the projection has not reached", async () => {
  const [quiet, busy] = [randomUUID(), randomUUID()];
  const projector = new Projector(pool, store);
  // No leader: the projection moves only when this test makes it.
  const projection = new ProjectionHandle(store, projector, null, 300);
  await appendLife(store, quiet, studentToEngineer().events);
  await projector.catchUp();
  await appendLife(store, busy, studentToEngineer().events);

  expect(await projection.caughtUp(quiet)).toBe(true);
  expect(await projection.caughtUp(randomUUID())).toBe(true);
  // The busy organisation's own read waits for its write, and gives up after 300 ms here.
  expect(await projection.caughtUp(busy)).toBe(false);
  await projector.catchUp();
  expect(await projection.caughtUp(busy)).toBe(true);
});

test("with partitions a read waits for its own organisation's partition, not for a checkpoint another partition moved past its write", async () => {
  const organisationIn = (partition: number) => {
    for (;;) {
      const id = randomUUID();
      if (partitionOf(id, 2) === partition) return id;
    }
  };
  const [early, late] = [organisationIn(0), organisationIn(1)];
  const projectors = partitionsOf(2).map((partition) => new Projector(pool, store, { partition }));
  const projection = new ProjectionHandle(store, projectors, null, 300);
  await Promise.all(projectors.map((projector) => projector.catchUp()));
  await appendLife(store, early, studentToEngineer().events);
  await appendLife(store, late, studentToEngineer().events);
  // Partition 1 is projected past both writes; partition 0, which holds the early one, is not.
  await projectors[1]!.catchUp();

  expect(await projection.caughtUp(late)).toBe(true);
  expect(await projection.caughtUp(early)).toBe(false);
  await projectors[0]!.catchUp();
  expect(await projection.caughtUp(early)).toBe(true);
});
