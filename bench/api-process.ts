/** The real API process (`node apps/api/dist/main.js`, projector in process) on a free port, for the HTTP figures. */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { freePort } from '@zairyu/event-store';

export const BENCH_ADMIN = 'bench-admin-token-0123456789abcdef';
/**
 * The master key of every API process of one bench run: they seal residents' personal values,
 * and the rebuild figure opens them with it (bench/figures/rebuild.ts), as a rebuild must.
 */
export const BENCH_MASTER_KEY = randomBytes(32).toString('base64');

/**
 * The flags package.json's `start`, `start:api` and `start:projector` give Node, and those of
 * `projections:rebuild`, read from there, so the bench runs the processes as they run (README.md,
 * "Memory"). The rebuild's young generation is smaller: it runs two threads, each with its own.
 */
export const APP_NODE_FLAGS = nodeFlagsOfScripts(['start', 'start:api', 'start:projector']);
export const REBUILD_NODE_FLAGS = nodeFlagsOfScripts(['projections:rebuild']);

function nodeFlagsOfScripts(names: readonly string[]): string[] {
  const { scripts } = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> };
  const flags = names.map((name) => /\bnode ((?:--\S+ )*)apps\//.exec(scripts[name] ?? '')?.[1]?.trim() ?? null);
  if (flags.some((each) => each === null || each !== flags[0]))
    throw new Error(`package.json's ${names.join(', ')} should run node with the same flags: ${JSON.stringify(flags)}`);
  return flags[0]!.split(' ').filter(Boolean);
}

export interface ApiProcess {
  base: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

export async function startApi(databaseUrl: string, env: Record<string, string> = {}): Promise<ApiProcess> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  // BENCH_API_CPU_PROF=<dir> profiles the API process (node --cpu-prof) for finding where time goes.
  const profile = process.env['BENCH_API_CPU_PROF'] ? ['--cpu-prof', `--cpu-prof-dir=${process.env['BENCH_API_CPU_PROF']}`] : [];
  const api = spawn(process.execPath, [...APP_NODE_FLAGS, ...profile, 'apps/api/dist/main.js'], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      ZAIRYU_ADMIN_TOKEN: BENCH_ADMIN,
      ZAIRYU_MASTER_KEY: BENCH_MASTER_KEY,
      PROJECTOR: 'inline',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const stop = async () => {
    api.kill('SIGTERM');
    await new Promise((resolve) => api.once('exit', resolve));
  };
  for (let i = 0; ; i++) {
    if ((await fetch(`${base}/health`).catch(() => null))?.ok) break;
    if (i > 300) {
      await stop();
      throw new Error('the API did not start');
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { base, process: api, stop };
}

export async function call(
  base: string,
  token: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ id: string; key: string }> {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as { id: string; key: string };
}

/** A new organisation and `count` keys of `role` in it. */
export async function organisationKeys(base: string, name: string, count: number, role = 'caseworker'): Promise<string[]> {
  const org = await call(base, BENCH_ADMIN, 'POST', '/v1/organisations', { name, kind: 'support_organisation' });
  const keys: string[] = [];
  for (let i = 0; i < count; i++)
    keys.push((await call(base, BENCH_ADMIN, 'POST', `/v1/organisations/${org.id}/api-keys`, { label: `bench ${i}`, role })).key);
  return keys;
}

/** A new organisation and one key of `role` in it. */
export async function organisationKey(base: string, name: string, role = 'caseworker'): Promise<string> {
  return (await organisationKeys(base, name, 1, role))[0]!;
}
