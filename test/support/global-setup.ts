/**
 * Starts real PostgreSQL servers for the run (embedded, in a temporary directory), one per Jest
 * worker, unless DATABASE_URL points at one. Each test file then makes its own database on its
 * worker's server (test/support/test-database.ts), so files never see each other's rows.
 *
 * One server per worker, not one for all: the event store reads the log only below the oldest
 * transaction still running (`pg_snapshot_xmin`), and that horizon is the whole server's. On a
 * shared server one file's open transaction held back the other file's projection (a
 * read-your-writes wait, or a catch-up that stopped short).
 */
import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureAppRole } from '../../libs/event-store/src/postgres/app-role.ts';
import { startEmbeddedPostgres, type RunningPostgres } from '../../libs/event-store/src/postgres/embedded-postgres-server.ts';
import { TEST_APP_ROLE } from './test-app-role.ts';

declare global {
  var __ZAIRYU_POSTGRES__: RunningPostgres[] | undefined;
}

/**
 * A test database is thrown away, so nothing needs to survive a crash: without the flushes a
 * file's writes cost a fraction. The app and the bench keep PostgreSQL's safe defaults.
 */
const THROWAWAY = { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off' } as const;

export default async function globalSetup(globalConfig: { maxWorkers: number }): Promise<void> {
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
  const workers = Array.from({ length: Math.max(1, globalConfig.maxWorkers) }, (_, i) => i + 1);
  const servers = await Promise.all(
    workers.map((worker) => startEmbeddedPostgres({ dataDir: join(root, `postgres-${worker}`), persistent: false, settings: THROWAWAY })),
  );
  globalThis.__ZAIRYU_POSTGRES__ = servers;
  process.env['DATABASE_URL'] = servers[0]!.url;
  servers.forEach((server, i) => (process.env[`ZAIRYU_TEST_SERVER_${i + 1}`] = server.url));
  await Promise.all(servers.map((server) => makeAppRole(server.url)));
  const ports = servers.map((server) => server.port).join(', ');
  process.stdout.write(`\nEmbedded PostgreSQL for the tests, one per worker, on ports ${ports} (${Date.now() - started} ms).\n`);
}

/** The role every test database is owned by and the app connects as: not a superuser (app-role.ts). */
async function makeAppRole(serverUrl: string): Promise<void> {
  await ensureAppRole(serverUrl, TEST_APP_ROLE);
}
