/**
 * The isolation matrix of security.e2e-spec.ts again, with people signed in by session cookie
 * instead of API keys: an ended session is 401 everywhere, roles hold, and another
 * organisation's residents, events, deadlines, status, cards, users and security log are 404
 * exactly like missing ones — also when a session and a key of different organisations meet.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type { Test } from 'supertest';
import { Api, type Keys } from '../support/api-harness.js';
import { person } from '../support/people.js';

let api: Api;
let mineKeys: Keys;
let theirsKeys: Keys;
let myResident: string;
let theirResident: string;

/** Credentials put on a request: the session cookie and its CSRF token, or a bearer key. */
type Credential = (call: Test) => Test;

const bySession = async (keys: Keys, role: string): Promise<Credential> => {
  const signedIn = await person(api, keys.organisationId, keys.manager, role);
  const response = await signedIn.agent.get('/v1/me').expect(200);
  expect(response.body.role).toBe(role);
  const cookie = (await signedIn.agent.jar.getCookie('zairyu_session', { domain: '127.0.0.1', path: '/', secure: false, script: false }))!;
  return (call) => call.set('cookie', `zairyu_session=${cookie.value}`).set('x-csrf-token', signedIn.csrf);
};
const byKey =
  (key: string): Credential =>
  (call) =>
    call.auth(key, { type: 'bearer' });

const mine: Record<string, Credential> = {};
const theirs: Record<string, Credential> = {};

beforeAll(async () => {
  api = await Api.start();
  mineKeys = await api.organisation('Mine');
  theirsKeys = await api.organisation('Theirs');
  for (const role of ['viewer', 'caseworker', 'manager']) {
    mine[role] = await bySession(mineKeys, role);
    theirs[role] = await bySession(theirsKeys, role);
  }
  const register = async (as: Credential) =>
    (
      await as(api.http.post('/v1/residents'))
        .send({ fullName: 'NGUYEN VAN AN', dateOfBirth: '1998-07-21', nationality: 'VNM' })
        .expect(201)
    ).body.id as string;
  myResident = await register(mine['caseworker']!);
  theirResident = await register(theirs['caseworker']!);
  const landed = (number: string) => ({
    type: 'Landed',
    occurredOn: '2026-04-01',
    data: { status: 'student', periodExpiresOn: '2028-03-31', card: { number } },
  });
  await theirs['caseworker']!(api.http.post(`/v1/residents/${theirResident}/events`))
    .send(landed('TH12345678EM'))
    .expect(201);
  await mine['caseworker']!(api.http.post(`/v1/residents/${myResident}/events`))
    .send(landed('MI12345678NE'))
    .expect(201);
});
afterAll(() => api.close());

const expectProblem = (response: { status: number; headers: Record<string, string>; body: { status?: number } }, status: number) => {
  expect(response.status).toBe(status);
  expect(response.headers['content-type']).toContain('application/problem+json');
  expect(response.body).toMatchObject({ status, title: expect.any(String), type: expect.any(String), detail: expect.any(String) });
};

describe('authentication and roles, by session', () => {
  test('every endpoint is 401 with an ended or made-up session cookie', async () => {
    const id = randomUUID();
    const ended = await person(api, mineKeys.organisationId, mineKeys.manager, 'manager');
    const endedCookie = (await ended.agent.jar.getCookie('zairyu_session', {
      domain: '127.0.0.1',
      path: '/',
      secure: false,
      script: false,
    }))!;
    await ended.agent.delete('/v1/session').set('x-csrf-token', ended.csrf).expect(204);
    const cookies = [`zairyu_session=${endedCookie.value}`, 'zairyu_session=' + 'a'.repeat(43), 'zairyu_session=short'];
    const calls = [
      () => api.http.post(`/v1/organisations/${id}/api-keys`).send({}),
      () => api.http.get(`/v1/organisations/${mineKeys.organisationId}/users`),
      () => api.http.get(`/v1/organisations/${mineKeys.organisationId}/security-log`),
      () => api.http.post('/v1/residents').send({}),
      () => api.http.get('/v1/residents'),
      () => api.http.get(`/v1/residents/${myResident}`),
      () => api.http.get(`/v1/residents/${myResident}/status`),
      () => api.http.get(`/v1/residents/${myResident}/events`),
      () => api.http.post(`/v1/residents/${myResident}/events`).send({}),
      () => api.http.get(`/v1/residents/${myResident}/deadlines`),
      () => api.http.get('/v1/deadlines'),
      () => api.http.get('/v1/cards/MI12345678NE'),
      () => api.http.get('/v1/me'),
      () => api.http.get('/v1/me/sessions'),
    ];
    for (const call of calls) {
      for (const cookie of cookies) expectProblem(await call().set('cookie', cookie).set('x-csrf-token', ended.csrf), 401);
    }
  });

  test('a viewer reads but cannot write (403); a caseworker cannot issue keys; nothing is appended', async () => {
    const before = await api.eventCount();
    expectProblem(
      await mine['viewer']!(api.http.post('/v1/residents')).send({ fullName: 'A', dateOfBirth: '1990-01-01', nationality: 'VNM' }),
      403,
    );
    expectProblem(
      await mine['viewer']!(api.http.post(`/v1/residents/${myResident}/events`)).send({
        type: 'Moved',
        occurredOn: '2026-04-02',
        data: { address: 'Tokyo' },
      }),
      403,
    );
    expectProblem(await mine['caseworker']!(api.http.post(`/v1/organisations/${mineKeys.organisationId}/calendar-tokens`)), 403);
    expectProblem(
      await mine['caseworker']!(api.http.post(`/v1/organisations/${mineKeys.organisationId}/api-keys`)).send({
        label: 'x',
        role: 'viewer',
      }),
      403,
    );
    expect(await api.eventCount()).toBe(before);
    await mine['viewer']!(api.http.get(`/v1/residents/${myResident}`)).expect(200);
  });
});

describe('isolation between organisations, by session (and session against key)', () => {
  const readers = () =>
    [
      ['a session', mine['manager']!],
      ['a manager key', byKey(mineKeys.manager)],
    ] as const;

  test("another organisation's resident, events, deadlines, status and card are 404, exactly like missing ones", async () => {
    const missing = randomUUID();
    for (const path of ['', '/status', '/events', '/deadlines']) {
      const theirsAnswer = await mine['manager']!(api.http.get(`/v1/residents/${theirResident}${path}`));
      const none = await mine['manager']!(api.http.get(`/v1/residents/${missing}${path}`));
      expectProblem(theirsAnswer, 404);
      expect(theirsAnswer.body).toEqual(none.body);
    }
    const card = await mine['manager']!(api.http.get('/v1/cards/TH12345678EM'));
    const noCard = await mine['manager']!(api.http.get('/v1/cards/ZZ99999999ZZ'));
    expectProblem(card, 404);
    expect(card.body).toEqual(noCard.body);
    const before = await api.eventCount();
    expectProblem(
      await mine['caseworker']!(api.http.post(`/v1/residents/${theirResident}/events`)).send({
        type: 'Moved',
        occurredOn: '2026-04-02',
        data: { address: 'Tokyo' },
      }),
      404,
    );
    expect(await api.eventCount()).toBe(before);
  });

  test("another organisation's users, sessions, security log, keys and policy are 404 for a session and for a key alike", async () => {
    const theirUsers = await theirs['manager']!(api.http.get(`/v1/organisations/${theirsKeys.organisationId}/users`)).expect(200);
    const theirUser = theirUsers.body[0].id as string;
    const missingOrg = randomUUID();
    for (const [, as] of readers()) {
      for (const path of ['users', 'security-log', 'sign-in-policy', `users/${theirUser}/sessions`]) {
        const other = await as(api.http.get(`/v1/organisations/${theirsKeys.organisationId}/${path}`));
        const none = await as(api.http.get(`/v1/organisations/${missingOrg}/${path}`));
        expectProblem(other, 404);
        expect(other.body).toEqual(none.body);
      }
      expectProblem(
        await as(api.http.post(`/v1/organisations/${theirsKeys.organisationId}/api-keys`)).send({ label: 'x', role: 'viewer' }),
        404,
      );
      expectProblem(
        await as(api.http.patch(`/v1/organisations/${mineKeys.organisationId}/users/${theirUser}`)).send({ disabled: true }),
        404,
      );
    }
    // Their people were not touched.
    await theirs['manager']!(api.http.get('/v1/me')).expect(200);
  });

  test("lists and searches never show another organisation's residents or deadlines", async () => {
    const list = await mine['viewer']!(api.http.get('/v1/residents?query=TH12345678EM')).expect(200);
    expect(list.body).toEqual({ items: [], total: 0 });
    const all = await mine['viewer']!(api.http.get('/v1/residents')).expect(200);
    expect(all.body.items.map((resident: { id: string }) => resident.id)).toEqual([myResident]);
    const deadlines = await mine['viewer']!(api.http.get('/v1/deadlines?asOf=2026-04-02')).expect(200);
    expect(deadlines.body.items.every((d: { residentId: string }) => d.residentId === myResident)).toBe(true);
    expect(deadlines.body.total).toBeGreaterThan(0);
  });

  test('a bearer key wins over a cookie of another organisation sent alongside, and needs no CSRF token', async () => {
    const both = await mine['manager']!(api.http.get(`/v1/residents/${theirResident}`)).auth(theirsKeys.viewer, { type: 'bearer' });
    expect(both.status).toBe(200);
    await api.http
      .post(`/v1/residents/${theirResident}/events`)
      .set('cookie', 'zairyu_session=' + 'b'.repeat(43))
      .auth(theirsKeys.caseworker, { type: 'bearer' })
      .send({ type: 'Moved', occurredOn: '2026-04-02', data: { address: 'Osaka' } })
      .expect(201);
  });
});
