/**
 * After an erasure, nothing of the person is readable in the database's files: the tables, their
 * indexes and the WAL they were written through (after a CHECKPOINT, so that what the server
 * holds in memory is on disk too). The log keeps her sealed; the read models keep her sealed too,
 * and search on keyed hashes of her words; so destroying her key leaves ciphertext and hashes
 * only. Her name, passport number and phone are looked for byte by byte in every file of the
 * server's data directory (the test server's WAL holds everything written since it started).
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import pg from 'pg';
import { Api, type Keys } from '../support/api-harness.js';

/** Unique to this run, so that no other test's data can hold them. */
const tag = randomBytes(4)
  .toString('hex')
  .toUpperCase()
  .replace(/[0-9]/g, (d) => 'QRSTUVWXYZ'[Number(d)]!);
const PERSON = {
  fullName: `ZED ${tag} OKONKWO`,
  dateOfBirth: '1992-03-14',
  nationality: 'NGA',
  passportNumber: `P${tag}77`,
  phone: `+81 80-${String(Date.now()).slice(-4)}-${String(Date.now()).slice(-8, -4)}`,
  email: `zed.${tag.toLowerCase()}@example.com`,
  externalRef: `EMP-${tag}`,
};
const TRACES = [PERSON.fullName, tag, PERSON.passportNumber, PERSON.phone, PERSON.email];

let api: Api;
let org: Keys;
let id: string;

/** The superuser URL of the server this worker's databases live on (test/support/test-database.ts). */
const serverUrl = () => process.env[`ZAIRYU_TEST_SERVER_${process.env['JEST_WORKER_ID'] ?? 1}`] ?? process.env['DATABASE_URL']!;

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const nested = await Promise.all(
    entries.map((entry) => (entry.isDirectory() ? filesUnder(join(dir, entry.name)) : Promise.resolve([join(dir, entry.name)]))),
  );
  return nested.flat();
}

/** Every file of the data directory that holds `trace` as UTF-8 bytes. */
async function filesHolding(dataDir: string, traces: readonly string[]): Promise<Map<string, string[]>> {
  const found = new Map<string, string[]>();
  for (const file of await filesUnder(dataDir)) {
    const bytes = await readFile(file).catch(() => null);
    if (bytes === null) continue;
    for (const trace of traces) if (bytes.includes(Buffer.from(trace, 'utf8'))) found.set(trace, [...(found.get(trace) ?? []), file]);
  }
  return found;
}

async function checkpointAndFindDataDir(): Promise<string> {
  const admin = new pg.Client({ connectionString: serverUrl() });
  await admin.connect();
  try {
    await admin.query('CHECKPOINT');
    return (await admin.query<{ data_directory: string }>('SHOW data_directory')).rows[0]!.data_directory;
  } finally {
    await admin.end();
  }
}

beforeAll(async () => {
  api = await Api.start({ reminders: { jobs: false } });
  org = await api.organisation();
  id = await api.register(org.caseworker, PERSON);
  await api
    .record(org.caseworker, id, 'Landed', '2025-11-01', {
      status: 'engineer_humanities_international',
      periodExpiresOn: '2026-06-30',
      card: { number: 'ZD12345678NG' },
    })
    .expect(201);
  await api.record(org.caseworker, id, 'Moved', '2026-01-05', { address: '大阪府大阪市北区梅田3-1-1' }).expect(201);
});

afterAll(async () => {
  await api.close();
});

test('before the erasure she is found by her words, and the files already hold her name, passport and phone nowhere in clear', async () => {
  for (const query of [tag.toLowerCase().slice(0, 3), `zed ${tag}`, PERSON.externalRef, 'okon'])
    expect(
      (
        await api.http
          .get(`/v1/residents?query=${encodeURIComponent(query)}`)
          .auth(org.viewer, { type: 'bearer' })
          .expect(200)
      ).body.items,
    ).toMatchObject([{ id, fullName: PERSON.fullName, passportNumber: PERSON.passportNumber, phone: PERSON.phone }]);
  const found = await filesHolding(await checkpointAndFindDataDir(), TRACES);
  expect(Object.fromEntries(found)).toEqual({});
});

test('after the erasure and a CHECKPOINT, no file of the data directory (tables, indexes, pg_wal) holds her name, passport or phone', async () => {
  await api.http
    .post(`/v1/residents/${id}/erasure`)
    .auth(org.manager, { type: 'bearer' })
    .send({ reason: 'data_subject_request' })
    .expect(200);
  await api.http.get('/v1/residents').auth(org.viewer, { type: 'bearer' }).expect(200);
  const dataDir = await checkpointAndFindDataDir();
  const files = await filesUnder(dataDir);
  expect(files.some((file) => file.includes('pg_wal'))).toBe(true);
  // The search does find what is kept in clear (the organisation's name): it would find her.
  expect((await filesHolding(dataDir, ['Sakura Support'])).size).toBe(1);
  const found = await filesHolding(dataDir, TRACES);
  expect(Object.fromEntries(found)).toEqual({});
});
