/**
 * The card registry keeps whose card a number is, and nothing else: a fresh database is made
 * without the unread columns, and one made before loses them with its rows kept.
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database.js';
import { openReadModel } from '../data-source.js';
import { CardRegistryNumbersOnly1764700000000 } from './1764700000000-card-registry-numbers-only.js';

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

const columns = async (): Promise<string[]> =>
  (
    await dataSource.query(
      `SELECT column_name FROM information_schema.columns
       WHERE table_schema = 'read_model' AND table_name = 'card_registry' ORDER BY ordinal_position`,
    )
  ).map((row: { column_name: string }) => row.column_name);

test('a fresh card registry holds the organisation, the card number and the resident only', async () => {
  expect(await columns()).toEqual(['organisation_id', 'card_number', 'resident_id']);
});

test('an older card registry loses kind, dates and invalidation; whose card each number is stays', async () => {
  // As a database made before the migration has it: the columns there and filled, the migration not run.
  const runner = dataSource.createQueryRunner();
  try {
    await new CardRegistryNumbersOnly1764700000000().down(runner);
  } finally {
    await runner.release();
  }
  const [organisationId, residentId] = [randomUUID(), randomUUID()];
  await dataSource.query(
    `INSERT INTO read_model.card_registry (organisation_id, card_number, resident_id, kind, issued_on, expires_on, invalidated_on, invalidation_reason)
     VALUES ($1, 'AB12345678CD', $2, 'residence_card', '2024-04-01', '2029-03-31', '2026-05-01', 'lost')`,
    [organisationId, residentId],
  );
  await dataSource.query('DELETE FROM read_model_migrations WHERE name = $1', ['CardRegistryNumbersOnly1764700000000']);

  await dataSource.runMigrations();

  expect(await columns()).toEqual(['organisation_id', 'card_number', 'resident_id']);
  expect(
    await dataSource.query('SELECT card_number, resident_id FROM read_model.card_registry WHERE organisation_id = $1', [organisationId]),
  ).toEqual([{ card_number: 'AB12345678CD', resident_id: residentId }]);
});
