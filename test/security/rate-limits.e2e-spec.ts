/**
 * Tenants stay apart in time: each credential has its own budget of requests a
 * minute, so one tenant's burst is refused (429 problem+json, Retry-After) while another's
 * requests go on being answered; a wrong secret cannot spend a real key's budget; and an
 * address that fails authentication too often is refused for a while, whatever it sends.
 * Small budgets so the test stays short; the defaults are in apps/api/src/http/rate-limit-config.ts.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { Api, type Keys } from '../support/api-harness.js';

const BUDGET = 20;
const FAILURES = 5;

let api: Api;
let sakura: Keys;
let momiji: Keys;

beforeAll(async () => {
  // TRUST_PROXY, so that X-Forwarded-For stands for the client's address in the tests.
  api = await Api.start({ trustProxy: 1, rateLimits: { requestsPerMinute: BUDGET, failedAuthentications: FAILURES } });
  sakura = await api.organisation('Sakura');
  momiji = await api.organisation('Momiji');
});
afterAll(() => api.close());

const from = (address: string) => ({ 'x-forwarded-for': address });

describe('per credential', () => {
  test('one key past its budget gets 429 with Retry-After; another tenant’s key, sending meanwhile, is answered every time', async () => {
    const neighbour: number[] = [];
    const [burst] = await Promise.all([
      Promise.all(
        Array.from({ length: BUDGET + 10 }, () =>
          api.http.get('/v1/residents').set(from('192.0.2.10')).auth(sakura.viewer, { type: 'bearer' }),
        ),
      ),
      (async () => {
        for (let i = 0; i < BUDGET; i++)
          neighbour.push((await api.http.get('/v1/residents').set(from('192.0.2.10')).auth(momiji.viewer, { type: 'bearer' })).status);
      })(),
    ]);

    expect(burst.filter((response) => response.status === 200)).toHaveLength(BUDGET);
    const refused = burst.filter((response) => response.status === 429);
    expect(refused).toHaveLength(10);
    expect(refused[0]!.headers['content-type']).toContain('application/problem+json');
    expect(refused[0]!.body).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
    const retryAfter = Number(refused[0]!.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(neighbour).toEqual(Array.from({ length: BUDGET }, () => 200));
  });

  test('each refusal is held back a second: a client that ignores Retry-After and asks again at once gets one 429 a second per connection, not thousands', async () => {
    const { viewer } = await api.organisation('Kaede');
    for (let i = 0; i < BUDGET; i++)
      await api.http.get('/v1/residents').set(from('192.0.2.13')).auth(viewer, { type: 'bearer' }).expect(200);
    for (let i = 0; i < 2; i++) {
      const started = performance.now();
      await api.http.get('/v1/residents').set(from('192.0.2.13')).auth(viewer, { type: 'bearer' }).expect(429);
      // A timer fires no earlier than asked; the margin is for the clock's rounding only.
      expect(performance.now() - started).toBeGreaterThanOrEqual(990);
    }
  });

  test('requests with a key’s id and a wrong secret spend nothing of that key’s budget', async () => {
    const [, id] = sakura.caseworker.split('_');
    const forged = `zk_${id}_${'A'.repeat(43)}`;
    for (let i = 0; i < BUDGET; i++)
      await api.http
        .get('/v1/residents')
        .set(from(`198.51.100.${i + 1}`))
        .auth(forged, { type: 'bearer' })
        .expect(401);
    for (let i = 0; i < BUDGET; i++)
      await api.http.get('/v1/residents').set(from('192.0.2.11')).auth(sakura.caseworker, { type: 'bearer' }).expect(200);
  });

  test('outside /v1 (health, the web UI, the OpenAPI document) nothing is counted', async () => {
    for (let i = 0; i < BUDGET + 5; i++) await api.http.get('/health').set(from('192.0.2.12')).expect(200);
  });
});

describe('failed authentications per address', () => {
  test(`after ${FAILURES} failures an address is refused (429, Retry-After) even with a good key; another address is not`, async () => {
    const attacker = from('203.0.113.7');
    for (let i = 0; i < FAILURES; i++)
      await api.http
        .get('/v1/residents')
        .set(attacker)
        .auth(`zk_${'0'.repeat(16)}_${'B'.repeat(43)}`, { type: 'bearer' })
        .expect(401);
    const refused = await api.http.get('/v1/residents').set(attacker).auth(momiji.manager, { type: 'bearer' });
    expect(refused.status).toBe(429);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(60);
    await api.http.get('/v1/residents').set(attacker).expect(429);
    await api.http.get('/v1/residents').set(from('203.0.113.8')).auth(momiji.manager, { type: 'bearer' }).expect(200);
  });

  test('a wrong session cookie counts as a failure; a request with no credential at all (a signed-out browser) does not', async () => {
    const browser = from('203.0.113.9');
    for (let i = 0; i < FAILURES + 5; i++) await api.http.get('/v1/me').set(browser).expect(401);
    await api.http.get('/v1/residents').set(browser).auth(momiji.caseworker, { type: 'bearer' }).expect(200);
    for (let i = 0; i < FAILURES; i++)
      await api.http
        .get('/v1/me')
        .set(browser)
        .set('cookie', `zairyu_session=${'C'.repeat(43)}`)
        .expect(401);
    const refused = await api.http.get('/v1/residents').set(browser).auth(momiji.caseworker, { type: 'bearer' }).expect(429);
    expect(refused.body.detail).toMatch(/failed authentications/);
  });
});
