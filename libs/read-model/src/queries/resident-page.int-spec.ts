/**
 * The caseload list by name, with the names sealed: SQL orders by the first two letters only,
 * and a page is ordered by the whole name after opening. A common surname puts a large part of
 * a caseload in one bucket; the page must still come out in name order, and read whole only
 * the rows it shows.
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { DataSource } from 'typeorm';
import type { LocalDate } from '@zairyu/domain';
import { createPgPool } from '@zairyu/event-store';
import { newDataKey, ResidentKeys } from '@zairyu/resident-streams';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database.js';
import { openReadModel } from '../data-source.js';
import { ResidentRowsWriter } from '../projection/resident-rows-writer.js';
import type { ResidentRows } from '../projection/resident-rows.js';
import { residentProfile } from '../projection/resident-profile.js';
import { byName, ReadModelSeal } from '../sealing/read-model-seal.js';
import { nameKey, searchTokens } from '../search/search-text.js';
import { residentPage } from './resident-page.js';

const ORG = randomUUID();
const TODAY = '2026-11-23' as LocalDate;

let database: TestDatabase;
let pool: pg.Pool;
let dataSource: DataSource;
let seal: ReadModelSeal;
const names: Array<{ residentId: string; fullName: string }> = [];

function rowsOf(residentId: string, fullName: string): ResidentRows {
  return {
    summary: {
      organisationId: ORG,
      residentId,
      fullName,
      dateOfBirth: '1995-03-01',
      nationality: 'VNM',
      gender: null,
      externalRef: null,
      notes: null,
      version: 1,
      cardNumber: null,
      statusTimeline: [],
      registeredAt: '2026-11-01T00:00:00Z',
      profile: residentProfile({}),
      assignedTo: null,
      nameKey: nameKey(fullName),
      closed: false,
      pendingApplication: null,
      employer: null,
      sswPanel: null,
    },
    searchTokens: searchTokens({ fullName }),
    cardNumbers: [],
    deadlines: [],
  };
}

beforeAll(async () => {
  database = await createTestDatabase();
  pool = createPgPool(database.url, { max: 4, applicationName: 'resident-page-test' });
  dataSource = await openReadModel(database.url);
  const keys = new ResidentKeys(pool, newDataKey());
  await keys.ensureTable();
  seal = new ReadModelSeal(keys);
  // 30 PHAMs (one bucket, "ph") between a LE and a TRAN; given names out of order, two alike.
  const given = ['THI LAN', 'MINH KHOA', 'VAN AN', 'DUC ANH', 'THU HA', 'QUOC BAO'];
  for (let i = 0; i < 30; i++) names.push({ residentId: randomUUID(), fullName: `PHAM ${given[(i * 7) % 6]} ${i % 5}` });
  names.push({ residentId: randomUUID(), fullName: 'LE VAN TAM' }, { residentId: randomUUID(), fullName: 'TRAN THI MAI' });
  const client = await pool.connect();
  try {
    await new ResidentRowsWriter('read_model', seal).insertFresh(
      client,
      names.map(({ residentId, fullName }) => rowsOf(residentId, fullName)),
    );
  } finally {
    client.release();
  }
  names.sort(byName);
});

afterAll(async () => {
  await dataSource.destroy();
  await pool.end();
  await database.drop();
});

test('pages of 7 through a bucket of 30 PHAMs give the whole caseload once, in name order', async () => {
  const listed: string[] = [];
  for (let page = 1; page <= 5; page++) {
    const { rows, total } = await residentPage(dataSource, seal, ORG, {}, TODAY, page, 7);
    expect(total).toBe(32);
    listed.push(...rows.map((row) => row.resident_id));
  }
  expect(listed).toEqual(names.map((name) => name.residentId));
  const pham = await residentPage(dataSource, seal, ORG, { query: 'pham' }, TODAY, 2, 7);
  expect(pham.total).toBe(30);
  expect(pham.rows.map((row) => row.full_name)).toEqual(names.slice(8, 15).map((name) => name.fullName));
});

test('a page within a bucket larger than the page reads whole (status timeline and all) only its own rows', async () => {
  const wholeRows: number[] = [];
  const recording = {
    query: async (sql: string, params: unknown[]) => {
      const rows: Array<Record<string, unknown>> = await dataSource.query(sql, params);
      wholeRows.push(rows.filter((row) => 'status_timeline' in row).length);
      return rows;
    },
  } as unknown as DataSource;
  const { rows } = await residentPage(recording, seal, ORG, { query: 'pham' }, TODAY, 3, 7);
  expect(rows).toHaveLength(7);
  expect(rows[0]).toMatchObject({ status_timeline: [], full_name: names[15]!.fullName });
  expect(wholeRows.reduce((sum, n) => sum + n, 0)).toBe(7);
});
