/**
 * A connection cut while its client is in use (a projector's lease, a key being made, a lock):
 * the query fails, and nothing is thrown past it as an unhandled 'error' event (which would take
 * the process down; Jest fails the test on it).
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database.js';
import { createPgPool } from './pg-pool.js';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.drop());

test('a client in use whose connection is cut fails its query and is dropped, without an unhandled error', async () => {
  const pool = createPgPool(database.url, { applicationName: 'cut-in-use' });
  const admin = createPgPool(database.url);
  try {
    const client = await pool.connect();
    const pid = (await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid;
    await admin.query('SELECT pg_terminate_backend($1)', [pid]);
    // Cut while it sits checked out between two queries, as a lease or a transaction does.
    await new Promise((resolve) => setTimeout(resolve, 200));
    await expect(client.query('SELECT pg_sleep(0.2)')).rejects.toThrow();
    client.release(true);
    // The pool goes on with a new connection.
    expect((await pool.query<{ one: number }>('SELECT 1 AS one')).rows[0]!.one).toBe(1);
  } finally {
    await pool.end();
    await admin.end();
  }
});
