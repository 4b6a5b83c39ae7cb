/**
 * A fresh, empty database per test file on the run's PostgreSQL server, owned by the app's
 * role (not a superuser: test-app-role.ts), which the returned URL connects as.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { TEST_APP_ROLE } from './test-app-role.js';

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env['DATABASE_URL'];
  if (!serverUrl) throw new Error('DATABASE_URL is not set: is the Jest global setup configured?');
  const name = `test_${randomBytes(6).toString('hex')}`;
  await withClient(serverUrl, (client) => client.query(`CREATE DATABASE ${name} OWNER ${TEST_APP_ROLE.role}`));
  const url = new URL(serverUrl);
  url.username = TEST_APP_ROLE.role;
  url.password = TEST_APP_ROLE.password;
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => withClient(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
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
