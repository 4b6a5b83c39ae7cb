/**
 * The client's address behind our proxies (TRUST_PROXY = how many): X-Forwarded-For is read
 * from the right, past our own proxies, so the addresses a client writes to its left change
 * neither the limits per address nor what the security log records.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { Api } from '../support/api-harness.js';
import { signIn } from '../support/people.js';

const FAILURES = 3;
const WRONG_KEY = `zk_${'0'.repeat(16)}_${'B'.repeat(43)}`;

async function loggedAddressOfFailedSignIn(api: Api, email: string, forwardedFor: string): Promise<string | null> {
  expect((await signIn(api, email, 'not the password at all', {}, forwardedFor)).response.status).toBe(401);
  const { rows } = await api.runtime.pool.query(
    `SELECT address FROM platform.security_event WHERE kind = 'sign_in_failed' ORDER BY id DESC LIMIT 1`,
  );
  return rows[0]?.address ?? null;
}

describe('one proxy of ours in front (TRUST_PROXY=1)', () => {
  let api: Api;
  beforeAll(async () => {
    api = await Api.start({ trustProxy: 1, rateLimits: { failedAuthentications: FAILURES } });
  });
  afterAll(() => api.close());

  test('the security log records the address our proxy saw, not the one the client wrote before it', async () => {
    expect(await loggedAddressOfFailedSignIn(api, 'someone@example.org', '203.0.113.66, 198.51.100.20')).toBe('198.51.100.20');
    expect(await loggedAddressOfFailedSignIn(api, 'someone@example.org', '198.51.100.21')).toBe('198.51.100.21');
  });

  test('a client that writes a new address before ours each time is still refused once its own address failed too often', async () => {
    for (let i = 0; i < FAILURES; i++)
      await api.http
        .get('/v1/residents')
        .set('x-forwarded-for', `192.0.2.${i + 1}, 198.51.100.30`)
        .auth(WRONG_KEY, { type: 'bearer' })
        .expect(401);
    await api.http.get('/v1/residents').set('x-forwarded-for', '192.0.2.99, 198.51.100.30').expect(429);
    await api.http.get('/v1/residents').set('x-forwarded-for', '198.51.100.31').auth(WRONG_KEY, { type: 'bearer' }).expect(401);
  });
});

describe('two proxies of ours (TRUST_PROXY=2) and none', () => {
  let twoHops: Api;
  let direct: Api;
  beforeAll(async () => {
    twoHops = await Api.start({ trustProxy: 2 });
    direct = await twoHops.replica({ trustProxy: 0 });
  });
  afterAll(async () => {
    await direct.close();
    await twoHops.close();
  });

  test('two hops: the address left of our two proxies', async () => {
    expect(await loggedAddressOfFailedSignIn(twoHops, 'someone@example.org', '203.0.113.66, 198.51.100.40, 10.0.0.2')).toBe(
      '198.51.100.40',
    );
  });

  test('no proxy: X-Forwarded-For is not read at all', async () => {
    expect(await loggedAddressOfFailedSignIn(direct, 'someone@example.org', '198.51.100.50')).toMatch(/127\.0\.0\.1$/);
  });
});
