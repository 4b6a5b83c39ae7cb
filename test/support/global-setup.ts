/**
 * Starts one real PostgreSQL for the whole run (embedded, in a temporary directory) unless
 * DATABASE_URL points at one. Each test file then makes its own database on it
 * (test/support/test-database.ts), so files never see each other's rows.
 */
import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureAppRole } from '../../libs/event-store/src/postgres/app-role.ts';
import { startEmbeddedPostgres, type RunningPostgres } from '../../libs/event-store/src/postgres/embedded-postgres-server.ts';
import { TEST_APP_ROLE } from './test-app-role.ts';

declare global {
  var __ZAIRYU_POSTGRES__: RunningPostgres | undefined;
}

/**
 * A test database is thrown away, so nothing needs to survive a crash: without the flushes a
 * file's writes cost a fraction. The app and the bench keep PostgreSQL's safe defaults.
 */
const THROWAWAY = { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off' } as const;

export default async function globalSetup(): Promise<void> {
  // The db and web projects both name this set-up; the run needs one server and one template.
  if (process.env['ZAIRYU_TEST_RUN']) return;
  process.env['ZAIRYU_TEST_RUN'] = randomBytes(4).toString('hex');
  if (process.env['DATABASE_URL']) {
    process.stdout.write(`\nTests use the PostgreSQL at DATABASE_URL.\n`);
    await makeAppRole(process.env['DATABASE_URL']);
    return;
  }
  const root = await mkdtemp(join(tmpdir(), 'zairyu-test-'));
  await chmod(root, 0o755);
  const started = Date.now();
  const server = await startEmbeddedPostgres({ dataDir: join(root, 'postgres'), persistent: false, settings: THROWAWAY });
  globalThis.__ZAIRYU_POSTGRES__ = server;
  process.env['DATABASE_URL'] = server.url;
  await makeAppRole(server.url);
  process.stdout.write(`\nEmbedded PostgreSQL for the tests on port ${server.port} (${Date.now() - started} ms).\n`);
}

/** The role every test database is owned by and the app connects as: not a superuser (app-role.ts). */
async function makeAppRole(serverUrl: string): Promise<void> {
  await ensureAppRole(serverUrl, TEST_APP_ROLE);
}
