/**
 * "Never 500 for anything a client sent" (docs/api-v1.md "General"), case by case from the attack
 * on a running server: prototype-member names, deep nesting, NUL and lone
 * surrogates, repeated query parameters, invalid UTF-8 and foreign charsets, and the
 * framework's own errors. Each answer is a 4xx application/problem+json and appends nothing.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { Api, ADMIN_TOKEN, type Keys } from '../support/api-harness.js';
import { portOf, rawRequest } from './raw-http.js';

let api: Api;
let org: Keys;
let resident: string;
let port: number;

beforeAll(async () => {
  api = await Api.start();
  org = await api.organisation('Hostile');
  resident = await api.register(org.caseworker);
  await api.record(org.caseworker, resident, 'Landed', '2026-04-01', { status: 'student', periodExpiresOn: '2028-03-31' }).expect(201);
  port = await portOf(api.app.getHttpServer());
});
afterAll(() => api.close());

type Answer = { status: number; headers: Record<string, string>; body: { status?: number; errors?: Array<{ field: string }> } };

function expectProblem(response: Answer, status: number, field?: string) {
  expect({ status: response.status, type: response.headers['content-type'] }).toEqual({
    status,
    type: expect.stringContaining('application/problem+json'),
  });
  expect(response.body).toMatchObject({ status, title: expect.any(String), type: expect.any(String), detail: expect.any(String) });
  if (field !== undefined) expect(response.body.errors?.map((e) => e.field)).toContain(field);
}

/** Every write below must leave the log as it was. */
async function appendsNothing<T>(work: () => Promise<T>): Promise<T> {
  const before = await api.eventCount();
  const result = await work();
  expect(await api.eventCount()).toBe(before);
  expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  return result;
}

const postEvent = (body: string, contentType = 'application/json') =>
  api.http.post(`/v1/residents/${resident}/events`).auth(org.caseworker, { type: 'bearer' }).set('content-type', contentType).send(body);

const moved = (address: unknown) => JSON.stringify({ type: 'Moved', occurredOn: '2026-04-02', data: { address } });

describe('names of Object.prototype members', () => {
  test.each(['toString', 'hasOwnProperty', '__proto__', 'constructor', 'valueOf', 'isPrototypeOf', '__defineGetter__'])(
    'an event type "%s" is a 400 on type',
    async (type) => {
      const response = await appendsNothing(() => postEvent(JSON.stringify({ type, occurredOn: '2026-04-02', data: {} })));
      expectProblem(response, 400, 'type');
    },
  );

  test.each(['constructor', 'toString', 'hasOwnProperty', 'prototype'])('a "%s" key in data is a 400 on that field', async (key) => {
    const body = `{"type":"Moved","occurredOn":"2026-04-02","data":{"address":"Tokyo","${key}":{"prototype":{"polluted":true}}}}`;
    expectProblem(await appendsNothing(() => postEvent(body)), 400, `data.${key}`);
  });

  test('a "__proto__" key anywhere is a 400 and pollutes nothing', async () => {
    expectProblem(
      await appendsNothing(() =>
        postEvent('{"type":"Moved","occurredOn":"2026-04-02","data":{"__proto__":{"address":"Tokyo","polluted":1}}}'),
      ),
      400,
      'data.__proto__',
    );
    expectProblem(
      await appendsNothing(() => postEvent('{"__proto__":{"polluted":1},"type":"Moved","occurredOn":"2026-04-02","data":{"address":"x"}}')),
      400,
      '__proto__',
    );
  });

  test('a "constructor" key in a registration, an organisation or a key request is a 400', async () => {
    const register = await appendsNothing(() =>
      api.http
        .post('/v1/residents')
        .auth(org.caseworker, { type: 'bearer' })
        .set('content-type', 'application/json')
        .send('{"fullName":"A","dateOfBirth":"1990-01-01","nationality":"VNM","constructor":{"prototype":{"polluted":1}}}'),
    );
    expectProblem(register, 400, 'constructor');
    const organisation = await api.http
      .post('/v1/organisations')
      .auth(ADMIN_TOKEN, { type: 'bearer' })
      .set('content-type', 'application/json')
      .send('{"name":"X","kind":"employer","constructor":1}');
    expectProblem(organisation, 400, 'constructor');
    const key = await api.http
      .post(`/v1/organisations/${org.organisationId}/api-keys`)
      .auth(org.manager, { type: 'bearer' })
      .set('content-type', 'application/json')
      .send('{"label":"x","role":"toString"}');
    expectProblem(key, 400, 'role');
  });
});

describe('deep nesting', () => {
  const nested = (depth: number, open = '[', close = ']') => `${open.repeat(depth)}${close.repeat(depth)}`;

  test('JSON nested 1,500 deep in an event is a 400', async () => {
    expectProblem(
      await appendsNothing(() => postEvent(`{"type":"Moved","occurredOn":"2026-04-02","data":{"address":${nested(1500)}}}`)),
      400,
    );
  });

  test('objects nested 1,500 deep as the whole body of every write are a 400', async () => {
    const deepObject = `${'{"a":'.repeat(1500)}1${'}'.repeat(1500)}`;
    expectProblem(await appendsNothing(() => postEvent(deepObject)), 400);
    const register = await appendsNothing(() =>
      api.http.post('/v1/residents').auth(org.caseworker, { type: 'bearer' }).set('content-type', 'application/json').send(deepObject),
    );
    expectProblem(register, 400);
  });

  test('nesting within the limit still reaches validation (400 on the field)', async () => {
    expectProblem(
      await appendsNothing(() => postEvent(`{"type":"Moved","occurredOn":"2026-04-02","data":{"address":${nested(10)}}}`)),
      400,
      'data.address',
    );
  });
});

describe('NUL characters and lone surrogates are refused with the field named', () => {
  test.each([
    ['a NUL', 'Tokyo\u0000Shinjuku'],
    ['a lone high surrogate', 'Tokyo\ud800'],
    ['a lone low surrogate', '\udfffTokyo'],
    ['a reversed pair', '\udc00\ud800'],
  ])('%s in an event field', async (_, address) => {
    expectProblem(await appendsNothing(() => postEvent(moved(address))), 400, 'data.address');
  });

  test('a NUL in an optional field written after a card claim (Landed.port) appends nothing', async () => {
    const other = await api.register(org.caseworker);
    const response = await appendsNothing(() =>
      api.record(org.caseworker, other, 'Landed', '2026-04-01', {
        status: 'student',
        periodExpiresOn: '2028-03-31',
        port: 'Narita\u0000',
        card: { number: 'NU12345678LL' },
      }),
    );
    expectProblem(response, 400, 'data.port');
  });

  test('in a key, in a registration, in an organisation name and in a key label', async () => {
    expectProblem(await appendsNothing(() => postEvent('{"type":"Moved","occurredOn":"2026-04-02","data":{"a\\u0000b":1}}')), 400);
    const register = await appendsNothing(() =>
      api.http
        .post('/v1/residents')
        .auth(org.caseworker, { type: 'bearer' })
        .send({ fullName: 'NGUYEN\u0000', dateOfBirth: '1990-01-01', nationality: 'VNM', notes: '\ud83d' }),
    );
    expectProblem(register, 400, 'fullName');
    expect(register.body.errors?.map((e: { field: string }) => e.field)).toContain('notes');
    expectProblem(
      await api.http.post('/v1/organisations').auth(ADMIN_TOKEN, { type: 'bearer' }).send({ name: 'Sakura\u0000', kind: 'employer' }),
      400,
      'name',
    );
    expectProblem(
      await api.http
        .post(`/v1/organisations/${org.organisationId}/api-keys`)
        .auth(org.manager, { type: 'bearer' })
        .send({ label: '\udc00', role: 'viewer' }),
      400,
      'label',
    );
  });

  test('a whole surrogate pair (an emoji) is text like any other', async () => {
    const response = await postEvent(moved('Tokyo 🏠'));
    expect(response.status).toBe(201);
  });
});

describe('query strings', () => {
  const get = (path: string) => api.http.get(path).auth(org.viewer, { type: 'bearer' });

  test.each([
    ['/v1/deadlines?state=open&state=overdue', 'state'],
    ['/v1/deadlines?kind=card_renewal&kind=card_renewal', 'kind'],
    ['/v1/deadlines?page=1&page=2', 'page'],
    ['/v1/residents?query=a&query=b', 'query'],
    ['/v1/residents?asOf=2026-01-01&asOf=2026-01-02', 'asOf'],
    ['/v1/residents/RESIDENT/status?asOf=2026-01-01&asOf=2026-01-02', 'asOf'],
    ['/v1/cards/AB12345678CD?asOf=2026-01-01&asOf=2026-01-01', 'asOf'],
  ])('a repeated parameter %s is a 400 naming it', async (path, field) => {
    expectProblem(await get(path.replace('RESIDENT', resident)), 400, field);
  });

  test.each([
    ['a NUL', '/v1/residents?query=a%00b', 'query'],
    ['a lone surrogate (CESU-8 bytes)', '/v1/residents?query=%ED%A0%80', 'query'],
    ['bytes that are not UTF-8', '/v1/residents?query=%FF%FE', 'query'],
    ['a NUL in a date', '/v1/deadlines?from=2026-01-01%00', 'from'],
    ['a NUL in the feed token', '/v1/deadlines.ics?token=zc_%00', 'token'],
  ])('%s in a query value is a 400 naming it', async (_, path, field) => {
    expectProblem(await get(path), 400, field);
  });

  test('the feed token given twice is a 400', async () => {
    expectProblem(await api.http.get('/v1/deadlines.ics?token=a&token=b'), 400, 'token');
  });
});

describe('invalid UTF-8 and other charsets', () => {
  const bytes = (...parts: Array<string | number[]>) =>
    Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'utf8') : Buffer.from(part))));

  test.each([
    ['a stray 0xFF', [0xff]],
    ['an overlong "/"', [0xc0, 0xaf]],
    ['an encoded surrogate', [0xed, 0xa0, 0x80]],
    ['a truncated sequence', [0xe6, 0x9d]],
  ])('%s in a string is a 400, never stored as U+FFFD', async (_, invalid) => {
    const body = bytes('{"type":"Moved","occurredOn":"2026-04-02","data":{"address":"Tokyo', invalid, '"}}');
    const response = await appendsNothing(() =>
      rawRequest(
        port,
        Buffer.concat([
          Buffer.from(
            `POST /v1/residents/${resident}/events HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${org.caseworker}\r\n` +
              `Content-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`,
          ),
          body,
        ]),
      ),
    );
    expectProblem({ ...response, body: JSON.parse(response.body) }, 400, '(body)');
  });

  test.each(['shift_jis', 'iso-8859-1', 'utf-16', 'euc-jp'])('a body declared as charset=%s is a 415', async (charset) => {
    const response = await appendsNothing(() => postEvent(moved('Tokyo'), `application/json; charset=${charset}`));
    expectProblem(response, 415);
  });

  test('charset=utf-8 (any case, quoted or not) is accepted', async () => {
    expect((await postEvent(moved('Osaka'), 'application/json; charset=UTF-8')).status).toBe(201);
    expect((await postEvent(moved('Kyoto'), 'application/json; charset="utf-8"')).status).toBe(201);
  });
});

describe("the framework's own errors are problem+json too", () => {
  const auth = () => `Authorization: Bearer ${org.viewer}\r\n`;

  test('a URL with a broken percent-escape is a 400', async () => {
    const response = await rawRequest(port, `GET /v1/residents/%E0%A4%A HTTP/1.1\r\nHost: x\r\n${auth()}\r\n`);
    expectProblem({ ...response, body: JSON.parse(response.body) }, 400);
  });

  test('a URL longer than 8,192 characters is a 414', async () => {
    const response = await rawRequest(port, `GET /v1/residents?query=${'a'.repeat(9000)} HTTP/1.1\r\nHost: x\r\n${auth()}\r\n`);
    expectProblem({ ...response, body: JSON.parse(response.body) }, 414);
  });

  test('headers larger than the server takes are a 431', async () => {
    const response = await rawRequest(port, `GET /v1/residents HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n${auth()}\r\n`);
    expectProblem({ ...response, body: JSON.parse(response.body) }, 431);
  });

  test('a Content-Length longer than the body is a 400, and nothing is appended', async () => {
    const body = moved('Tokyo');
    const response = await appendsNothing(() =>
      rawRequest(
        port,
        `POST /v1/residents/${resident}/events HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${org.caseworker}\r\n` +
          `Content-Type: application/json\r\nContent-Length: ${body.length + 50}\r\n\r\n${body}`,
      ),
    );
    expectProblem({ ...response, body: JSON.parse(response.body) }, 400);
  });

  test('a Content-Length that is not a number is a 400', async () => {
    const response = await rawRequest(port, `POST /v1/residents HTTP/1.1\r\nHost: x\r\n${auth()}Content-Length: ten\r\n\r\n{}`);
    expectProblem({ ...response, body: JSON.parse(response.body) }, 400);
  });

  test('Content-Length together with Transfer-Encoding is a 400', async () => {
    const response = await rawRequest(
      port,
      `POST /v1/residents HTTP/1.1\r\nHost: x\r\n${auth()}Content-Type: application/json\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n`,
    );
    expectProblem({ ...response, body: JSON.parse(response.body) }, 400);
  });

  test('a request line that is not HTTP is a 400', async () => {
    const response = await rawRequest(port, `HELLO\r\n\r\n`);
    expectProblem({ ...response, body: JSON.parse(response.body) }, 400);
  });
});
