/**
 * The embedded server's database for the app: `zairyu`, owned by the role `zairyu`, which owns
 * nothing else and is no superuser (app-role.ts); its password is kept beside the data directory
 * (mode 600). A data directory from before that role, whose ledger is in the database
 * `postgres`, keeps being used as it is (as the superuser), and says so.
 */
import pg from 'pg';
import { ensureAppRole } from './app-role.js';
import { passwordFor, type RunningPostgres } from './embedded-postgres-server.js';

export async function embeddedAppUrl(server: RunningPostgres): Promise<string> {
  if (await holdsLedger(server.url)) {
    process.stderr.write('zairyu: this data directory keeps the ledger in the database "postgres": the app connects as the superuser\n');
    return server.url;
  }
  const password = await passwordFor(`${server.dataDir}.zairyu-password`, server.persistent);
  return ensureAppRole(server.url, { role: 'zairyu', database: 'zairyu', password });
}

/** Whether the `postgres` database already holds the event store (a data directory made before). */
async function holdsLedger(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<{ held: boolean }>("SELECT to_regclass('public.events') IS NOT NULL AS held")).rows[0]!.held;
  } finally {
    await client.end();
  }
}
