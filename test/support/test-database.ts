/**
 * A fresh database per test file on its worker's PostgreSQL server, owned by the app's role (not
 * a superuser: test-app-role.ts), which the returned URL connects as. Empty, or cloned from the
 * run's template that the first file to ask migrated once (`CREATE DATABASE … TEMPLATE`).
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { TEST_APP_ROLE } from './test-app-role.js';

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/** An empty database. */
export async function createTestDatabase(): Promise<TestDatabase> {
  return createDatabase('');
}

/**
 * A database with every migration applied: a copy of the run's template, which `migrate` makes
 * on first use (one file at a time, under a lock, so concurrent workers wait rather than race).
 */
export async function createMigratedTestDatabase(migrate: (url: string) => Promise<void>): Promise<TestDatabase> {
  const template = templateName();
  await withClient(serverUrl(), async (client) => {
    await client.query('SELECT pg_advisory_lock(hashtext($1))', [template]);
    try {
      const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [template]);
      if (found.rowCount) return;
      const building = `${template}_building`;
      await client.query(`DROP DATABASE IF EXISTS ${building} WITH (FORCE)`);
      await client.query(`CREATE DATABASE ${building} OWNER ${TEST_APP_ROLE.role}`);
      try {
        await migrate(appUrl(building));
        await client.query(`ALTER DATABASE ${building} RENAME TO ${template}`);
      } catch (error) {
        await client.query(`DROP DATABASE IF EXISTS ${building} WITH (FORCE)`);
        throw error;
      }
    } finally {
      await client.query('SELECT pg_advisory_unlock(hashtext($1))', [template]);
    }
  });
  return createDatabase(`TEMPLATE ${template}`);
}

/** One connection for `work`, closed whatever happens. */
export async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function createDatabase(from: string): Promise<TestDatabase> {
  const name = `test_${randomBytes(6).toString('hex')}`;
  await withClient(serverUrl(), (client) => client.query(`CREATE DATABASE ${name} ${from} OWNER ${TEST_APP_ROLE.role}`));
  return {
    url: appUrl(name),
    drop: () => withClient(serverUrl(), (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}

/** This worker's own server (global-setup.ts says why), else the one at DATABASE_URL. */
function serverUrl(): string {
  const url = process.env[`ZAIRYU_TEST_SERVER_${process.env['JEST_WORKER_ID'] ?? 1}`] ?? process.env['DATABASE_URL'];
  if (!url) throw new Error('DATABASE_URL is not set: is the Jest global setup configured?');
  return url;
}

/** One template per run (global-teardown.ts drops it): a server at DATABASE_URL may hold an older run's, with older migrations. */
function templateName(): string {
  const run = process.env['ZAIRYU_TEST_RUN'];
  if (!run) throw new Error('ZAIRYU_TEST_RUN is not set: is the Jest global setup configured?');
  return `test_template_${run}`;
}

function appUrl(database: string): string {
  const url = new URL(serverUrl());
  url.username = TEST_APP_ROLE.role;
  url.password = TEST_APP_ROLE.password;
  url.pathname = `/${database}`;
  return url.toString();
}
