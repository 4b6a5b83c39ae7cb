/**
 * The caseload list's index carries `created_on`, so the list's count reads the index alone: a
 * fresh database is made with it, and one made before gets it while its rows stay, even after a
 * build of it failed half-way.
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database.js';
import { openReadModel } from '../data-source.js';
import { DeadlineDueIndex1765200000000 } from './1765200000000-deadline-due-index.js';

let database: TestDatabase;
let dataSource: DataSource;

beforeAll(async () => {
  database = await createTestDatabase();
  dataSource = await openReadModel(database.url);
});
afterAll(async () => {
  await dataSource.destroy();
  await database.drop();
});

const DUE_INDEX = 'CREATE INDEX deadline_due ON read_model.deadline USING btree (organisation_id, due_on, id) INCLUDE (created_on)';

/** The deadline table's indexes other than its primary key, and whether each is valid. */
const indexes = async (): Promise<Array<{ indexdef: string; valid: boolean }>> =>
  dataSource.query(
    `SELECT i.indexdef, x.indisvalid AS valid FROM pg_indexes i
     JOIN pg_class c ON c.relname = i.indexname JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = i.schemaname
     JOIN pg_index x ON x.indexrelid = c.oid
     WHERE i.schemaname = 'read_model' AND i.tablename = 'deadline' AND i.indexname <> 'deadline_pkey' ORDER BY i.indexname`,
  );

async function asBeforeTheMigration(): Promise<void> {
  const runner = dataSource.createQueryRunner();
  try {
    await new DeadlineDueIndex1765200000000().down(runner);
  } finally {
    await runner.release();
  }
  await dataSource.query('DELETE FROM read_model_migrations WHERE name = $1', ['DeadlineDueIndex1765200000000']);
}

async function deadlineRows(organisationId: string): Promise<void> {
  for (const id of ['a', 'b'])
    await dataSource.query(
      `INSERT INTO read_model.deadline (organisation_id, id, resident_id, kind, created_on, statutory_due_on, due_on, source_event_id)
       VALUES ($1, $2, $3, 'residence_card_renewal', '2026-01-05', '2026-04-01', '2026-04-01', 'e1')`,
      [organisationId, id, randomUUID()],
    );
}

test('a fresh database has the due-order index with created_on included, and not the one before it', async () => {
  expect(await indexes()).toEqual([
    { indexdef: DUE_INDEX, valid: true },
    {
      indexdef: 'CREATE INDEX deadline_organisation_id_resident_id_idx ON read_model.deadline USING btree (organisation_id, resident_id)',
      valid: true,
    },
  ]);
});

test('a database made before gets the index in place of the old one, its rows kept', async () => {
  const organisationId = randomUUID();
  await deadlineRows(organisationId);
  await asBeforeTheMigration();
  expect((await indexes()).map((index) => index.indexdef)).toContain(
    'CREATE INDEX deadline_organisation_id_due_on_id_idx ON read_model.deadline USING btree (organisation_id, due_on, id)',
  );

  await dataSource.runMigrations();

  expect((await indexes()).map((index) => index.indexdef)).toEqual([DUE_INDEX, expect.stringContaining('(organisation_id, resident_id)')]);
  expect(await dataSource.query('SELECT count(*)::int AS n FROM read_model.deadline WHERE organisation_id = $1', [organisationId])).toEqual(
    [{ n: 2 }],
  );
});

test('a build that failed half-way is dropped and built again', async () => {
  await asBeforeTheMigration();
  // A concurrent build that fails leaves an invalid index of its name behind: two deadlines of one
  // organisation break this unique one.
  const organisationId = randomUUID();
  await deadlineRows(organisationId);
  await expect(
    dataSource.query('CREATE UNIQUE INDEX CONCURRENTLY deadline_due ON read_model.deadline (organisation_id)'),
  ).rejects.toThrow();
  expect(await indexes()).toContainEqual({ indexdef: expect.stringContaining('UNIQUE INDEX deadline_due'), valid: false });

  await dataSource.runMigrations();

  expect(await indexes()).toContainEqual({ indexdef: DUE_INDEX, valid: true });
  expect((await indexes()).every((index) => index.valid)).toBe(true);
});
