/**
 * The embedded server after a crash: a child process starts it and is killed (kill -9), which
 * leaves PostgreSQL running and holding the data directory; the next start stops that orphan
 * and comes up. A server whose owner still runs is used as it is, and left running.
 */
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { transformFile } from '@swc/core';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { serverInDataDir, startEmbeddedPostgres, type RunningPostgres } from './embedded-postgres-server.js';

let root: string;
let childDir: string;
const started: RunningPostgres[] = [];

/** The server's module compiled for a plain node child (under node_modules, so that its packages resolve). */
async function childScript(): Promise<string> {
  childDir = await mkdtemp(join(resolve('node_modules'), '.cache-embedded-restart-'));
  const { code } = await transformFile(join(import.meta.dirname, 'embedded-postgres-server.ts'), {
    jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
    module: { type: 'es6' },
  });
  await writeFile(join(childDir, 'embedded-postgres-server.mjs'), code);
  const script = join(childDir, 'child.mjs');
  await writeFile(
    script,
    `import { startEmbeddedPostgres } from './embedded-postgres-server.mjs';
     const server = await startEmbeddedPostgres({ dataDir: process.argv[2], persistent: true });
     process.stdout.write('ready ' + server.port + '\\n');
     setInterval(() => undefined, 1000);`,
  );
  return script;
}

const ready = (child: ChildProcess) =>
  new Promise<number>((done, fail) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const port = /ready (\d+)/.exec(out)?.[1];
      if (port) done(Number(port));
    });
    child.once('exit', (code) => fail(new Error(`the child ended (${code}) before its server was ready`)));
  });

async function answers(server: RunningPostgres): Promise<number> {
  const client = new pg.Client({ connectionString: server.url });
  await client.connect();
  try {
    return (await client.query<{ one: number }>('SELECT 1 AS one')).rows[0]!.one;
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'zairyu-restart-'));
  await mkdir(root, { recursive: true });
});

afterAll(async () => {
  for (const server of started.reverse()) await server.stop().catch(() => undefined);
  await rm(root, { recursive: true, force: true });
  if (childDir) await rm(childDir, { recursive: true, force: true });
});

test('after kill -9 of the process that started it, the next start stops the orphaned server and comes up', async () => {
  const dataDir = join(root, 'postgres');
  const child = spawn(process.execPath, [await childScript(), dataDir], { stdio: ['ignore', 'pipe', 'inherit'] });
  const childPort = await ready(child);
  const exited = new Promise((done) => child.once('exit', done));
  child.kill('SIGKILL');
  await exited;

  const orphan = await serverInDataDir(dataDir);
  expect(orphan).toEqual({ pid: expect.any(Number), port: childPort, socketDir: expect.stringContaining('zairyu-pg-'), owner: null });

  const server = await startEmbeddedPostgres({ dataDir, persistent: true });
  started.push(server);
  expect(await answers(server)).toBe(1);
  const now = await serverInDataDir(dataDir);
  expect(now?.pid).not.toBe(orphan!.pid);
  expect(now?.owner).toBe(process.pid);
  // Connected through the server's own socket; the orphan's socket directory is gone with it.
  expect(new URL(server.url).searchParams.get('host')).toBe(now?.socketDir);
  expect(existsSync(orphan!.socketDir!)).toBe(false);

  // A second start while this process runs the server (projections:rebuild beside the API) uses it.
  const beside = await startEmbeddedPostgres({ dataDir, persistent: true });
  expect(beside.port).toBe(server.port);
  expect(beside.url).toBe(server.url);
  expect(await answers(beside)).toBe(1);
  await beside.stop();
  expect(await answers(server)).toBe(1);
}, 120_000);
