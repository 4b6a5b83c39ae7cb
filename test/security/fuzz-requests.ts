/**
 * Random requests to every endpoint of the OpenAPI document: bodies, query strings, headers and
 * path ids, seasoned with what has broken servers before (NUL, lone surrogates, prototype
 * names, broken escapes, repeated parameters). Shared by the fuzz test (fixed seed, short) and
 * the benchmark's fuzz figure (longer).
 */
import fc from 'fast-check';

export interface Endpoint {
  method: string;
  path: string;
}

export interface FuzzTargets {
  endpoints: readonly Endpoint[];
  /** Ids a path may name: one of ours, one of another organisation, our organisation. */
  myResident: string;
  theirResident: string;
  organisationId: string;
  /** Bearer tokens by who is calling; `none` sends no Authorization. */
  tokens: { manager: string; caseworker: string; viewer: string; theirs: string };
}

export interface FuzzRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  /** The body as sent (POST, PUT, PATCH only). */
  body: string | undefined;
}

/** Every operation of an OpenAPI document. */
export function endpointsOf(document: { paths: Record<string, Record<string, unknown>> }): Endpoint[] {
  return Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.keys(methods)
      .filter((method) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
      .map((method) => ({ method, path })),
  );
}

/** Percent-encoding of any string; a lone surrogate goes out as its three (invalid) UTF-8 bytes. */
export function percent(value: string): string {
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

const pathId = fc.oneof(
  fc.constantFrom('MINE', 'THEIRS', 'ORG'),
  fc.uuid().map(String),
  text.map(percent),
  fc.constantFrom('%00', '%ED%A0%80', '%FF', 'AB12345678CD', '..', '%2e%2e'),
);

const query = fc
  .array(
    fc.tuple(
      fc.oneof(fc.constantFrom('asOf', 'state', 'kind', 'page', 'pageSize', 'query', 'from', 'to', 'token', 'after', 'limit'), text),
      fc.oneof(text.map(percent), fc.constantFrom('%00', '%ED%A0%80', '%FF', '%', 'open', '1', '-1')),
    ),
    { maxLength: 4 },
  )
  .map((pairs) => pairs.map(([name, value]) => `${percent(name)}=${value}`).join('&'));

const visibleAscii = fc.string({ unit: 'binary-ascii', maxLength: 30 }).map((value) => value.replace(/[^\x20-\x7e]/g, '').trim());
const headers = fc.record(
  {
    'if-match': fc.oneof(visibleAscii, fc.constantFrom('"1"', '"2"', 'W/"3"', '*')),
    'idempotency-key': visibleAscii,
    'content-type': fc.constantFrom(
      'application/json',
      'application/json; charset=utf-8',
      'application/json; charset=shift_jis',
      'text/plain',
      'application/merge-patch+json',
    ),
    'x-csrf-token': visibleAscii,
    accept: fc.constantFrom('application/json', 'text/calendar', '*/*', 'text/html'),
  },
  { requiredKeys: [] },
);

export function fuzzRequests(targets: FuzzTargets): fc.Arbitrary<FuzzRequest> {
  return fc
    .record({
      endpoint: fc.constantFrom(...targets.endpoints),
      ids: fc.array(pathId, { minLength: 3, maxLength: 3 }),
      query,
      headers,
      body: fc.oneof(
        json.map((value) => JSON.stringify(value)),
        fc.constantFrom('{"type":', '[]', '{}', 'null', '"x"'),
      ),
      who: fc.constantFrom('manager', 'caseworker', 'viewer', 'theirs', 'none'),
    })
    .map(({ endpoint, ids, query: search, headers: extra, body, who }) => {
      let index = 0;
      const path = endpoint.path.replace(/\{[^}]+\}/g, () => {
        const id = ids[index++ % ids.length]!;
        return id === 'MINE' ? targets.myResident : id === 'THEIRS' ? targets.theirResident : id === 'ORG' ? targets.organisationId : id;
      });
      const auth: Record<string, string> = who === 'none' ? {} : { authorization: `Bearer ${targets.tokens[who as 'manager']}` };
      const hasBody = ['post', 'put', 'patch'].includes(endpoint.method);
      return {
        method: endpoint.method.toUpperCase(),
        url: search ? `${path}?${search}` : path,
        headers: { ...extra, ...auth, ...(hasBody && !extra['content-type'] ? { 'content-type': 'application/json' } : {}) },
        body: hasBody ? body : undefined,
      };
    });
}
