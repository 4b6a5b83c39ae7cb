/**
 * Data integrity: writers of one resident take turns on the server. Without
 * If-Match every concurrent fact is recorded; with If-Match exactly one wins, the rest 412.
 * Two API processes on one database take turns as well.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { Api, type Keys } from '../support/api-harness.js';

let api: Api;
let other: Api;
let org: Keys;

beforeAll(async () => {
  api = await Api.start();
  other = await Api.start({}, api);
  org = await api.organisation();
});
afterAll(async () => {
  await other.close();
  await api.close();
});

async function landedResident(): Promise<string> {
  const id = await api.register(org.caseworker);
  await api.record(org.caseworker, id, 'Landed', '2026-04-01', { status: 'student', periodExpiresOn: '2028-03-31' }).expect(201);
  return id;
}

const move = (app: Api, id: string, n: number) => app.record(org.caseworker, id, 'Moved', '2026-05-01', { address: `Tokyo ${n}` });

describe('concurrent facts for one resident', () => {
  test('50 at once without If-Match: all 50 recorded, versions 3 to 52, none refused', async () => {
    const id = await landedResident();
    const responses = await Promise.all(Array.from({ length: 50 }, (_, n) => move(api, id, n)));
    expect(responses.map((response) => response.status)).toEqual(Array(50).fill(201));
    expect(responses.map((response) => response.body.version).sort((a: number, b: number) => a - b)).toEqual(
      Array.from({ length: 50 }, (_, n) => n + 3),
    );
    const events = await api.http.get(`/v1/residents/${id}/events`).auth(org.viewer, { type: 'bearer' }).expect(200);
    expect(events.body).toHaveLength(52);
  }, 60_000);

  test('40 at once through two API processes on one database: all recorded', async () => {
    const id = await landedResident();
    const responses = await Promise.all(Array.from({ length: 40 }, (_, n) => move(n % 2 === 0 ? api : other, id, n)));
    expect(responses.map((response) => response.status)).toEqual(Array(40).fill(201));
    expect(new Set(responses.map((response) => response.body.version)).size).toBe(40);
  }, 60_000);

  test('20 at once with If-Match on the current version: exactly one 201, the rest 412, one event appended', async () => {
    const id = await landedResident();
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, n) =>
        (n % 2 === 0 ? api : other).http
          .post(`/v1/residents/${id}/events`)
          .auth(org.caseworker, { type: 'bearer' })
          .set('If-Match', '"2"')
          .send({ type: 'Moved', occurredOn: '2026-05-01', data: { address: `Osaka ${n}` } }),
      ),
    );
    expect(responses.map((response) => response.status).sort()).toEqual([201, ...Array(19).fill(412)]);
    const events = await api.http.get(`/v1/residents/${id}/events`).auth(org.viewer, { type: 'bearer' }).expect(200);
    expect(events.body).toHaveLength(3);
  }, 60_000);
});
