/**
 * The read models keep nothing of the person in clear: a fresh database is made without the
 * personal columns, and one made before loses them, its rows removed whole (TRUNCATE: their
 * files go) and the projection set to start over, so every resident is projected again sealed.
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database.js';
import { openReadModel } from '../data-source.js';

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

const columns = async (table: string): Promise<string[]> =>
  (
    await dataSource.query(
      `SELECT column_name FROM information_schema.columns WHERE table_schema = 'read_model' AND table_name = $1 ORDER BY column_name`,
      [table],
    )
  ).map((row: { column_name: string }) => row.column_name);

const PERSONAL = ['full_name', 'date_of_birth', 'gender', 'external_ref', 'notes', 'card_number', 'profile', 'name_key'];

test('a fresh summary keeps the person as one sealed value, and a deadline does not repeat the name', async () => {
  const summary = await columns('resident_summary');
  expect(summary).toEqual(expect.arrayContaining(['sealed', 'name_sort', 'person_key', 'employer_key']));
  for (const column of PERSONAL) expect(summary).not.toContain(column);
  expect(await columns('deadline')).not.toContain('resident_name');
});

test('an older read model loses its personal columns and rows, and the projection starts over from the beginning of the log', async () => {
  // As a database made before the migration has it: the columns there and filled, the migration not run.
  await dataSource.query(`
    ALTER TABLE read_model.resident_summary
      ADD COLUMN full_name text, ADD COLUMN date_of_birth date, ADD COLUMN gender text, ADD COLUMN external_ref text,
      ADD COLUMN notes text, ADD COLUMN card_number text, ADD COLUMN profile jsonb, ADD COLUMN name_key text;
    ALTER TABLE read_model.deadline ADD COLUMN resident_name text;`);
  const [organisationId, residentId] = [randomUUID(), randomUUID()];
  await dataSource.query(
    `INSERT INTO read_model.resident_summary (organisation_id, resident_id, nationality, version, status_timeline, registered_at, full_name, profile)
     VALUES ($1, $2, 'VNM', 1, '[]', now(), 'HOANG THI MAI', '{"phone": "+81 90-1234-5678"}')`,
    [organisationId, residentId],
  );
  await dataSource.query(`INSERT INTO read_model.resident_search_token (organisation_id, token, resident_id) VALUES ($1, 'hoang', $2)`, [
    organisationId,
    residentId,
  ]);
  await dataSource.query(`INSERT INTO read_model.projection_checkpoint (name, position) VALUES ('residents', '42/1')`);
  await dataSource.query('DELETE FROM read_model_migrations WHERE name = $1', ['SealedReadModel1764900000000']);

  await dataSource.runMigrations();

  for (const column of PERSONAL) expect(await columns('resident_summary')).not.toContain(column);
  expect(await columns('deadline')).not.toContain('resident_name');
  for (const table of ['resident_summary', 'resident_search_token', 'projection_checkpoint'])
    expect([table, await dataSource.query(`SELECT * FROM read_model.${table}`)]).toEqual([table, []]);
});
