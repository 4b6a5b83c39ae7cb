/**
 * Random requests to every endpoint of the OpenAPI document — bodies, query strings, headers
 * and path ids — must never cause a 5xx, must answer errors as problem+json, and must append
 * nothing when they fail. The endpoints are read from /docs-json, so a new one is fuzzed too.
 *
 * Fixed seed and a short run in CI; `FUZZ_RUNS=5000 npm test -- test/security/fuzz` runs longer
 * (`FUZZ_SEED` picks another seed).
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { Api, type Keys } from '../support/api-harness.js';

const RUNS = Number(process.env['FUZZ_RUNS'] ?? 120);
const SEED = Number(process.env['FUZZ_SEED'] ?? 20261201);

let api: Api;
let mine: Keys;
let theirs: Keys;
let myResident: string;
let theirResident: string;
let endpoints: Array<{ method: string; path: string }>;

beforeAll(async () => {
  api = await Api.start();
  mine = await api.organisation('Fuzzed');
  theirs = await api.organisation('Other');
  myResident = await api.register(mine.caseworker);
  theirResident = await api.register(theirs.caseworker);
  await api.record(mine.caseworker, myResident, 'Landed', '2026-04-01', { status: 'student', periodExpiresOn: '2028-03-31' }).expect(201);
  const document = (await api.http.get('/docs-json').expect(200)).body as { paths: Record<string, Record<string, unknown>> };
  endpoints = Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.keys(methods)
      .filter((method) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
      .map((method) => ({ method, path })),
  );
});
afterAll(() => api.close());

/** Text that has broken servers before: NUL, lone surrogates, prototype names, huge and odd numbers. */
const nasty = fc.constantFrom(
  '\u0000',
  '\ud800',
  'a\udc00',
  '__proto__',
  'constructor',
  'toString',
  '',
  ' ',
  '2026-02-30',
  '2026-04-02',
  'AB12345678CD',
  '9'.repeat(400),
  '%',
  '../../etc/passwd',
  '\r\nX-Injected: 1',
  'NGUYEN VAN AN',
  '東京都新宿区',
);
const text = fc.oneof(nasty, fc.string({ maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 20 }));
const scalar = fc.oneof(text, fc.integer(), fc.double(), fc.boolean(), fc.constant(null));
const json = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, scalar, tie('array'), tie('object')),
  array: fc.array(tie('value'), { maxLength: 4 }),
  object: fc.dictionary(fc.oneof(nasty, fc.string({ maxLength: 12 })), tie('value'), { maxKeys: 5 }),
})).value;

/** Percent-encoding of any string; a lone surrogate goes out as its three (invalid) UTF-8 bytes. */
function percent(value: string): string {
  return [...value]
    .map((char) => {
      const code = char.charCodeAt(0);
      if (char.length > 1 || code < 0xd800 || code > 0xdfff) return encodeURIComponent(char);
      return [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)]
        .map((byte) => `%${byte.toString(16).toUpperCase()}`)
        .join('');
    })
    .join('');
}

const pathId = fc.oneof(
  fc.constant('MINE'),
  fc.constant('THEIRS'),
  fc.constant('ORG'),
  fc.uuid().map(String),
  text.map(percent),
  fc.constantFrom('%00', '%ED%A0%80', '%FF', 'AB12345678CD', '..', '%2e%2e'),
);

/** A query string: known and unknown names, repeated names, raw escapes. */
const query = fc
  .array(
    fc.tuple(
      fc.oneof(fc.constantFrom('asOf', 'state', 'kind', 'page', 'pageSize', 'query', 'from', 'to', 'token', 'after', 'limit'), text),
      fc.oneof(text.map(percent), fc.constantFrom('%00', '%ED%A0%80', '%FF', '%', 'open', '1', '-1')),
    ),
    { maxLength: 4 },
  )
  .map((pairs) => pairs.map(([name, value]) => `${percent(name)}=${value}`).join('&'));

const visibleAscii = fc.string({ unit: 'binary-ascii', maxLength: 30 }).map((value) => value.replace(/[^\x20-\x7e]/g, ''));
const headers = fc.record(
  {
    'If-Match': fc.oneof(visibleAscii, fc.constantFrom('"1"', '"2"', 'W/"3"', '*')),
    'Idempotency-Key': visibleAscii,
    'Content-Type': fc.constantFrom(
      'application/json',
      'application/json; charset=utf-8',
      'application/json; charset=shift_jis',
      'text/plain',
      'application/merge-patch+json',
    ),
    'X-CSRF-Token': visibleAscii,
    Accept: fc.constantFrom('application/json', 'text/calendar', '*/*', 'text/html'),
  },
  { requiredKeys: [] },
);

const credentials = fc.constantFrom<'manager' | 'caseworker' | 'viewer' | 'none' | 'theirs'>(
  'manager',
  'caseworker',
  'viewer',
  'none',
  'theirs',
);

test(`random requests to every endpoint: no 5xx, errors as problem+json, no partial write (seed ${SEED}, ${RUNS} runs)`, async () => {
  expect(endpoints.length).toBeGreaterThan(10);
  const request = fc.record({
    endpoint: fc.constantFrom(...endpoints),
    ids: fc.array(pathId, { minLength: 3, maxLength: 3 }),
    query,
    headers,
    body: fc.oneof(json, fc.constantFrom('{"type":', '[]', '{}', 'null', '"x"')),
    who: credentials,
  });
  await fc.assert(
    fc.asyncProperty(request, async ({ endpoint, ids, query: search, headers: extra, body, who }) => {
      let index = 0;
      const path = endpoint.path.replace(/\{[^}]+\}/g, () => {
        const id = ids[index++ % ids.length]!;
        return id === 'MINE' ? myResident : id === 'THEIRS' ? theirResident : id === 'ORG' ? mine.organisationId : id;
      });
      const url = search ? `${path}?${search}` : path;
      const before = await api.eventCount();
      let call = api.http[endpoint.method as 'get'](url);
      for (const [name, value] of Object.entries(extra)) call = call.set(name, value);
      if (who === 'theirs') call = call.auth(theirs.manager, { type: 'bearer' });
      else if (who !== 'none') call = call.auth(mine[who], { type: 'bearer' });
      if (endpoint.method !== 'get' && endpoint.method !== 'delete')
        call = call.send(typeof body === 'string' ? body : JSON.stringify(body));
      const response = await call;
      const where = `${endpoint.method.toUpperCase()} ${url} → ${response.status} ${response.text.slice(0, 200)}`;
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
