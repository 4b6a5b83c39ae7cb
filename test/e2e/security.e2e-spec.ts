/**
 * docs/api-v1.md "Security and bad input": no token is 401 everywhere, a viewer cannot write,
 * another organisation's data is a 404 indistinguishable from a missing one, and bad input is
 * always a 4xx problem+json with nothing appended.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { RECORDABLE_EVENT_TYPES } from '@zairyu/domain';
import { Api, type Keys } from '../support/api-harness.js';

let api: Api;
let mine: Keys;
let theirs: Keys;
let theirResident: string;
let myResident: string;

beforeAll(async () => {
  api = await Api.start();
  mine = await api.organisation('Mine');
  theirs = await api.organisation('Theirs');
  myResident = await api.register(mine.caseworker);
  theirResident = await api.register(theirs.caseworker);
  await api
    .record(theirs.caseworker, theirResident, 'Landed', '2026-04-01', {
      status: 'student',
      periodExpiresOn: '2028-03-31',
      card: { number: 'TH12345678EM' },
    })
    .expect(201);
  await api
    .record(mine.caseworker, myResident, 'Landed', '2026-04-01', {
      status: 'student',
      periodExpiresOn: '2028-03-31',
      card: { number: 'MI12345678NE' },
    })
    .expect(201);
});
afterAll(() => api.close());

const expectProblem = (
  response: { status: number; headers: Record<string, string>; body: { status?: number; title?: string } },
  status: number,
) => {
  expect(response.status).toBe(status);
  expect(response.headers['content-type']).toContain('application/problem+json');
  expect(response.body).toMatchObject({ status, title: expect.any(String), type: expect.any(String), detail: expect.any(String) });
};

describe('authentication and roles', () => {
  test('every endpoint but /health is 401 without a token, and with an unknown one', async () => {
    const id = randomUUID();
    const calls = [
      () => api.http.post('/v1/organisations').send({}),
      () => api.http.post(`/v1/organisations/${id}/api-keys`).send({}),
      () => api.http.post(`/v1/organisations/${id}/calendar-tokens`).send({}),
      () => api.http.post('/v1/residents').send({}),
      () => api.http.get('/v1/residents'),
      () => api.http.get(`/v1/residents/${id}`),
      () => api.http.get(`/v1/residents/${id}/status`),
      () => api.http.get(`/v1/residents/${id}/events`),
      () => api.http.post(`/v1/residents/${id}/events`).send({}),
      () => api.http.get(`/v1/residents/${id}/deadlines`),
      () => api.http.get('/v1/deadlines'),
      () => api.http.get('/v1/deadlines.ics'),
      () => api.http.get('/v1/cards/AB12345678CD'),
    ];
    for (const call of calls) expectProblem(await call(), 401);
    for (const call of calls.slice(0, -3))
      expectProblem(await call().auth('zk_0000000000000000_' + 'a'.repeat(43), { type: 'bearer' }), 401);
  });

  test('a viewer reads but cannot write (403), and nothing is appended', async () => {
    const before = await api.eventCount();
    expectProblem(
      await api.http
        .post('/v1/residents')
        .auth(mine.viewer, { type: 'bearer' })
        .send({ fullName: 'A', dateOfBirth: '1990-01-01', nationality: 'VNM' }),
      403,
    );
    expectProblem(await api.record(mine.viewer, myResident, 'Moved', '2026-04-02', { address: 'Tokyo' }), 403);
    expectProblem(
      await api.http.post(`/v1/organisations/${mine.organisationId}/calendar-tokens`).auth(mine.caseworker, { type: 'bearer' }),
      403,
    );
    expect(await api.eventCount()).toBe(before);
    await api.http.get(`/v1/residents/${myResident}`).auth(mine.viewer, { type: 'bearer' }).expect(200);
  });
});

describe('isolation between organisations', () => {
  test("another organisation's resident, events, deadlines, status and card are 404, exactly like missing ones", async () => {
    const missing = randomUUID();
    for (const path of ['', '/status', '/events', '/deadlines']) {
      const theirs = await api.http.get(`/v1/residents/${theirResident}${path}`).auth(mine.manager, { type: 'bearer' });
      const none = await api.http.get(`/v1/residents/${missing}${path}`).auth(mine.manager, { type: 'bearer' });
      expectProblem(theirs, 404);
      expect(theirs.body).toEqual(none.body);
    }
    const card = await api.http.get('/v1/cards/TH12345678EM').auth(mine.manager, { type: 'bearer' });
    const noCard = await api.http.get('/v1/cards/ZZ99999999ZZ').auth(mine.manager, { type: 'bearer' });
    expectProblem(card, 404);
    expect(card.body).toEqual(noCard.body);
    const before = await api.eventCount();
    expectProblem(await api.record(mine.caseworker, theirResident, 'Moved', '2026-04-02', { address: 'Tokyo' }), 404);
    expect(await api.eventCount()).toBe(before);
  });

  test("lists and searches never show another organisation's residents or deadlines", async () => {
    const list = await api.http.get('/v1/residents?query=TH12345678EM').auth(mine.viewer, { type: 'bearer' }).expect(200);
    expect(list.body).toEqual({ items: [], total: 0 });
    const deadlines = await api.http.get('/v1/deadlines?asOf=2026-04-02').auth(mine.viewer, { type: 'bearer' }).expect(200);
    expect(deadlines.body.items.every((d: { residentId: string }) => d.residentId === myResident)).toBe(true);
    expect(deadlines.body.total).toBeGreaterThan(0);
  });
});

describe('bad input: always a 4xx problem+json, never a 500, nothing appended', () => {
  const post = (body: string | object, type = 'application/json') =>
    api.http
      .post(`/v1/residents/${myResident}/events`)
      .auth(mine.caseworker, { type: 'bearer' })
      .set('content-type', type)
      .send(typeof body === 'string' ? body : JSON.stringify(body));

  test.each([
    ['malformed JSON', '{"type": "Moved", ', 400],
    ['a JSON array', '[]', 400],
    ['unknown top-level field', { type: 'Moved', occurredOn: '2026-04-02', data: { address: 'x' }, extra: 1 }, 400],
    ['unknown data field', { type: 'Moved', occurredOn: '2026-04-02', data: { address: 'x', floor: 3 } }, 400],
    ['wrong types', { type: 'Moved', occurredOn: 20260402, data: { address: 42 } }, 400],
    ['an impossible date', { type: 'Moved', occurredOn: '2026-02-30', data: { address: 'x' } }, 400],
    ['an unknown event type', { type: 'Teleported', occurredOn: '2026-04-02', data: {} }, 400],
    [
      'a bad card number (one letter short, however it is typed)',
      { type: 'CardIssued', occurredOn: '2026-04-02', data: { card: { number: 'ab 1234-5678 c' }, reason: 'exchange' } },
      400,
    ],
    ['a huge string', { type: 'Moved', occurredOn: '2026-04-02', data: { address: 'x'.repeat(10_000) } }, 400],
    ['a huge body', { type: 'Moved', occurredOn: '2026-04-02', data: { address: 'x'.repeat(100_000) } }, 413],
    ['text instead of JSON', 'type=Moved', 415],
  ])('%s', async (_, body, status) => {
    const before = await api.eventCount();
    const response = await post(body, body === 'type=Moved' ? 'text/plain' : 'application/json');
    expectProblem(response, status as number);
    expect(await api.eventCount()).toBe(before);
  });

  test('every field at fault is listed', async () => {
    const response = await post({
      type: 'ExtensionGranted',
      occurredOn: '2026-13-01',
      data: { periodExpiresOn: 'soon', card: { number: 'X' }, extra: true },
    });
    expectProblem(response, 400);
    expect(response.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'data.card.number',
      'data.extra',
      'data.periodExpiresOn',
      'occurredOn',
    ]);
  });

  test('bad query parameters and ids are 4xx', async () => {
    expectProblem(await api.http.get(`/v1/residents/${myResident}/status?asOf=2026-02-30`).auth(mine.viewer, { type: 'bearer' }), 400);
    expectProblem(await api.http.get('/v1/residents/not-a-uuid').auth(mine.viewer, { type: 'bearer' }), 404);
    expectProblem(await api.http.get('/v1/cards/abc').auth(mine.viewer, { type: 'bearer' }), 400);
    expectProblem(await api.http.get('/v1/deadlines?state=late').auth(mine.viewer, { type: 'bearer' }), 400);
    expectProblem(await api.http.get('/v1/deadlines?pageSize=100000').auth(mine.viewer, { type: 'bearer' }), 400);
    expectProblem(
      await api.http
        .post(`/v1/residents/${myResident}/events`)
        .auth(mine.caseworker, { type: 'bearer' })
        .set('If-Match', 'yesterday')
        .send({ type: 'Moved', occurredOn: '2026-04-02', data: { address: 'x' } }),
      400,
    );
  });

  test('random bodies never cause a 5xx or a partial write (property)', async () => {
    const date = fc.oneof(fc.constantFrom('2026-04-02', '2026-02-30', '1990-01-01', '2999-01-01', ''), fc.string());
    const value = fc.oneof(
      fc.string({ maxLength: 30 }),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      date,
      fc.constantFrom('AB12345678CD', 'student', 'deemed'),
    );
    const data = fc.dictionary(
      fc.constantFrom('address', 'status', 'periodExpiresOn', 'card', 'reason', 'reentry', 'eventId', 'number', 'result', 'x'),
      fc.oneof(value, fc.record({ number: value })),
    );
    const body = fc.oneof(
      fc.record({ type: fc.constantFrom(...RECORDABLE_EVENT_TYPES), occurredOn: date, data }, { requiredKeys: [] }),
      fc.jsonValue(),
    );
    await fc.assert(
      fc.asyncProperty(body, async (candidate) => {
        const before = await api.eventCount();
        const response = await post(JSON.stringify(candidate));
        expect(response.status).toBeLessThan(500);
        if (response.status !== 201) {
          expect(response.headers['content-type']).toContain('application/problem+json');
          expect(await api.eventCount()).toBe(before);
        } else {
          expect(await api.eventCount()).toBe(before + 1);
        }
      }),
      { numRuns: 150 },
    );
  }, 120_000);
});
