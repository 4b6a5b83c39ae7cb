/**
 * The fuzz figure: many random requests (test/security/fuzz-requests.ts) to every endpoint of
 * the API, in this process over real HTTP, on its own fresh database of the bench's server.
 * Counts 5xx answers, errors not in problem+json, and failed requests that appended events
 * (all three should be 0), and the requests per second it managed.
 */
import fc from 'fast-check';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { createApp } from '../../apps/api/src/bootstrap/create-app.js';
import { openRuntime } from '../../apps/api/src/bootstrap/runtime.js';
import { endpointsOf, fuzzRequests } from '../../test/security/fuzz-requests.js';
import { progress, report } from '../report.js';

const ADMIN = 'bench-fuzz-admin-token-0123456789abcdef';

async function freshDatabase(serverUrl: string): Promise<string> {
  const name = `bench_fuzz_${Date.now()}`;
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function fuzzFigure(serverUrl: string, runs: number, seed = 20261201): Promise<void> {
  const runtime = await openRuntime({
    databaseUrl: await freshDatabase(serverUrl),
    eventStore: 'postgres',
    inlineProjector: true,
    masterKey: randomBytes(32),
  });
  const app = await createApp(
    runtime,
    {
      port: 0,
      host: '127.0.0.1',
      adminToken: ADMIN,
      bodyLimit: 64 * 1024,
      // Unlimited, so that every random request reaches what is behind the limits.
      rateLimits: { requestsPerMinute: 0, failedAuthentications: Number.MAX_SAFE_INTEGER },
    },
    { log: () => undefined },
  );
  await app.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  const send = async (token: string, method: string, path: string, body?: unknown) => {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status}`);
    return (await response.json()) as { id: string; key: string };
  };
  const eventCount = async () =>
    (await runtime.pool.query("SELECT count(*)::int AS n FROM events WHERE stream_id LIKE 'resident-%'")).rows[0].n as number;
  try {
    const organisation = async (name: string) => {
      const org = await send(ADMIN, 'POST', '/v1/organisations', { name, kind: 'support_organisation' });
      const key = async (role: string) => (await send(ADMIN, 'POST', `/v1/organisations/${org.id}/api-keys`, { label: role, role })).key;
      return { id: org.id, manager: await key('manager'), caseworker: await key('caseworker'), viewer: await key('viewer') };
    };
    const mine = await organisation('Fuzzed');
    const theirs = await organisation('Other');
    const resident = (token: string) =>
      send(token, 'POST', '/v1/residents', { fullName: 'NGUYEN VAN AN', dateOfBirth: '1998-07-21', nationality: 'VNM' });
    const myResident = (await resident(mine.caseworker)).id;
    const theirResident = (await resident(theirs.caseworker)).id;
    const endpoints = endpointsOf((await (await fetch(`${base}/docs-json`)).json()) as { paths: Record<string, Record<string, unknown>> });
    const requests = fc.sample(
      fuzzRequests({
        endpoints,
        myResident,
        theirResident,
        organisationId: mine.id,
        tokens: { manager: mine.manager, caseworker: mine.caseworker, viewer: mine.viewer, theirs: theirs.manager },
      }),
      { numRuns: runs, seed },
    );
    progress(`fuzz: ${runs} random requests to ${endpoints.length} endpoints`);
    let serverErrors = 0;
    let notProblems = 0;
    let partialWrites = 0;
    const started = performance.now();
    for (const request of requests) {
      const before = await eventCount();
      const response = await fetch(`${base}${request.url}`, { method: request.method, headers: request.headers, body: request.body }).catch(
        (error: unknown) => ({ status: 0, headers: new Headers(), error }),
      );
      if (response.status === 0) continue; // refused by fetch itself (a header it will not send)
      if (response.status >= 500) {
        serverErrors++;
        progress(`fuzz: ${request.method} ${request.url} → ${response.status}`);
      }
      if (response.status >= 400) {
        if (!(response.headers.get('content-type') ?? '').includes('application/problem+json')) notProblems++;
        if ((await eventCount()) !== before) partialWrites++;
      }
      if ('body' in response) await response.body?.cancel();
    }
    const seconds = (performance.now() - started) / 1000;
    report('fuzz: 5xx answers', serverErrors, 'count', runs);
    report('fuzz: errors not problem+json', notProblems, 'count', runs);
    report('fuzz: failed requests that appended', partialWrites, 'count', runs);
    report('fuzz: requests per second (sequential)', runs / seconds, 'req/s', runs);
  } finally {
    await app.close();
    await runtime.close();
  }
}
