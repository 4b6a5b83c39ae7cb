/**
 * The app connects to PostgreSQL as a role that owns its database and nothing else —
 * in the tests (every test file's app), with ensureAppRole on any server, and in the embedded
 * default of `npm start`. Such a role cannot create databases or roles, run programs on the
 * server (COPY … PROGRAM) or read another database.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { ensureAppRole } from '../../libs/event-store/src/postgres/app-role.js';
import { embeddedAppUrl } from '../../libs/event-store/src/postgres/embedded-app-database.js';
import { startEmbeddedPostgres } from '../../libs/event-store/src/postgres/embedded-postgres-server.js';
import { Api } from '../support/api-harness.js';
import { withClient } from '../support/test-database.js';

const attributes = (client: pg.Client) =>
  client
    .query(
      `SELECT rolsuper, rolcreatedb, rolcreaterole, rolreplication, rolbypassrls,
              pg_get_userbyid((SELECT datdba FROM pg_database WHERE datname = current_database())) = current_user AS owns_database
         FROM pg_roles WHERE rolname = current_user`,
    )
    .then((result) => result.rows[0]);

const LEAST = {
  rolsuper: false,
  rolcreatedb: false,
  rolcreaterole: false,
  rolreplication: false,
  rolbypassrls: false,
  owns_database: true,
};

async function refused(client: pg.Client, sql: string): Promise<string> {
  const error = await client.query(sql).then(
    () => null,
    (caught: { code?: string }) => caught,
  );
  return error?.code ?? 'not refused';
}

describe('the app in the tests', () => {
  let api: Api;
  beforeAll(async () => {
    api = await Api.start();
  }, 120_000);
  afterAll(() => api.close());

  test('connects as a role that owns its database and is no superuser, and the API works so', async () => {
    const client = await api.runtime.pool.connect();
    try {
      expect(await attributes(client as unknown as pg.Client)).toEqual(LEAST);
      // 42501: insufficient privilege.
      expect(await refused(client as unknown as pg.Client, 'CREATE DATABASE not_allowed')).toBe('42501');
      expect(await refused(client as unknown as pg.Client, "COPY (SELECT 1) TO PROGRAM 'true'")).toBe('42501');
      expect(await refused(client as unknown as pg.Client, 'CREATE ROLE not_allowed')).toBe('42501');
    } finally {
      client.release();
    }
    const org = await api.organisation();
    await api.register(org.caseworker);
  });
});

describe('ensureAppRole', () => {
  test('makes the role and its database once, sets the password again on a second call, and grants nothing more', async () => {
    const admin = process.env['DATABASE_URL']!;
    const made = { role: 'ledger_role_test', password: 'first-password', database: 'ledger_role_test' };
    const url = await ensureAppRole(admin, made);
    expect(await withClient(url, attributes)).toEqual(LEAST);
    const again = await ensureAppRole(admin, { ...made, password: 'second-password' });
    expect(await withClient(again, (client) => client.query('SELECT current_user AS who').then((result) => result.rows[0].who))).toBe(
      'ledger_role_test',
    );
    await expect(withClient(url, async () => undefined)).rejects.toThrow(/password/);
    // The catalogue of password hashes is the superuser's alone.
    expect(await withClient(again, (client) => refused(client, 'SELECT rolpassword FROM pg_authid'))).toBe('42501');
  });
});

describe('the embedded default (npm start)', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'zairyu-role-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  test('connects as zairyu, the owner of the database zairyu, no superuser', async () => {
    const server = await startEmbeddedPostgres({ dataDir: join(dir, 'postgres'), persistent: false });
    try {
      const url = new URL(await embeddedAppUrl(server));
      expect([url.username, url.pathname]).toEqual(['zairyu', '/zairyu']);
      expect(await withClient(url.toString(), attributes)).toEqual(LEAST);
    } finally {
      await server.stop();
    }
  }, 180_000);
});
