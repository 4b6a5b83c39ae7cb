/**
 * The PostgreSQL pool every part of the app uses. Dates come back as `YYYY-MM-DD` strings
 * (never `Date`: a time zone would shift them) and int8 as strings for the caller to read.
 * A session idle inside a transaction is cut off: it would hold back every log reader (see
 * postgres-event-store.ts).
 */
import pg from 'pg';

const DATE_OID = 1082;

const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === DATE_OID ? (value: string) => value : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

export interface PoolOptions {
  max?: number;
  applicationName?: string;
  idleInTransactionTimeoutMs?: number;
}

export function createPgPool(connectionString: string, options: PoolOptions = {}): pg.Pool {
  const pool = new pg.Pool({
    connectionString,
    max: options.max ?? 10,
    types,
    application_name: options.applicationName ?? 'zairyu-ledger',
    options: `-c idle_in_transaction_session_timeout=${options.idleInTransactionTimeoutMs ?? 15000}`,
  });
  // An idle client losing its connection must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  // Nor a client in use (a lease, a key made for sealing, a lock): its query in flight already
  // fails with the error, and the pool drops the broken client when it is released. Without a
  // listener of its own, a checked-out client's 'error' is thrown as an unhandled event.
  pool.on('connect', (client) => client.on('error', () => undefined));
  return pool;
}

/** Runs `work` in a transaction on one client, committing on success and rolling back on failure. */
export async function inTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  // A connection cut mid-transaction also emits 'error'; the failed query already reports it.
  const ignore = () => undefined;
  client.on('error', ignore);
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch((rollbackFailed: Error) => (broken = rollbackFailed));
    throw error;
  } finally {
    client.off('error', ignore);
    client.release(broken);
  }
}
