/**
 * Random requests to every endpoint of the OpenAPI document — bodies, query strings, headers
 * and path ids (test/security/fuzz-requests.ts, shared with the bench's fuzz figure) — must
 * never cause a 5xx, must answer errors as problem+json, and must append nothing when they fail.
 * The endpoints are read from /docs-json, so a new one is fuzzed too.
 *
 * Fixed seed and a short run in CI; `FUZZ_RUNS=5000 npm test -- test/security/fuzz` runs longer
 * (`FUZZ_SEED` picks another seed); `npm run bench` runs a larger one.
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { Api, type Keys } from '../support/api-harness.js';
import { endpointsOf, fuzzRequests, type FuzzTargets } from './fuzz-requests.js';

const RUNS = Number(process.env['FUZZ_RUNS'] ?? 120);
const SEED = Number(process.env['FUZZ_SEED'] ?? 20261201);

let api: Api;
let mine: Keys;
let targets: FuzzTargets;

beforeAll(async () => {
  // Unlimited, so that a long run (FUZZ_RUNS) reaches what is behind the rate limits (test/security/rate-limits).
  api = await Api.start({ rateLimits: { requestsPerMinute: 0, failedAuthentications: Number.MAX_SAFE_INTEGER } });
  mine = await api.organisation('Fuzzed');
  const theirs = await api.organisation('Other');
  const myResident = await api.register(mine.caseworker);
  const theirResident = await api.register(theirs.caseworker);
  await api.record(mine.caseworker, myResident, 'Landed', '2026-04-01', { status: 'student', periodExpiresOn: '2028-03-31' }).expect(201);
  const document = (await api.http.get('/docs-json').expect(200)).body as { paths: Record<string, Record<string, unknown>> };
  targets = {
    endpoints: endpointsOf(document),
    myResident,
    theirResident,
    organisationId: mine.organisationId,
    tokens: { manager: mine.manager, caseworker: mine.caseworker, viewer: mine.viewer, theirs: theirs.manager },
  };
});
afterAll(() => api.close());

test(`random requests to every endpoint: no 5xx, errors as problem+json, no partial write (seed ${SEED}, ${RUNS} runs)`, async () => {
  expect(targets.endpoints.length).toBeGreaterThan(10);
  await fc.assert(
    fc.asyncProperty(fuzzRequests(targets), async ({ method, url, headers, body }) => {
      const before = await api.eventCount();
      let call = api.http[method.toLowerCase() as 'get'](url);
      for (const [name, value] of Object.entries(headers)) call = call.set(name, value);
      if (body !== undefined) call = call.send(body);
      const response = await call;
      const where = `${method} ${url} → ${response.status} ${response.text.slice(0, 200)}`;
      expect([where, response.status < 500]).toEqual([where, true]);
      if (response.status >= 400) {
        expect([where, response.headers['content-type']]).toEqual([where, expect.stringContaining('application/problem+json')]);
        expect([where, await api.eventCount()]).toEqual([where, before]);
      }
    }),
    { numRuns: RUNS, seed: SEED, endOnFailure: true },
  );
}, 300_000);

test('a random uuid and a missing route are plain 404s', async () => {
  await api.http.get(`/v1/residents/${randomUUID()}`).auth(mine.viewer, { type: 'bearer' }).expect(404);
  await api.http.get('/v1/nowhere').auth(mine.viewer, { type: 'bearer' }).expect(404);
});
