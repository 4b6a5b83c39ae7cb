/**
 * Signing in: wrong passwords, the lock-out with growing delays and its release (in
 * real time, with short configured delays), the same answer for an unknown e-mail, the limit per
 * address, and TOTP with recovery codes.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import * as OTPAuth from 'otpauth';
import { setTimeout as sleep } from 'node:timers/promises';
import { Api, type Keys } from '../support/api-harness.js';
import { PASSWORD, person, signIn } from '../support/people.js';

// Long enough for a busy machine to check a password and try again within it: the lock-out is
// asserted in real time, and it starts when the try is counted, before its password is checked.
const FIRST_DELAY_MS = 2000;
let api: Api;
let sakura: Keys;

beforeAll(async () => {
  api = await Api.start({
    trustProxy: 1,
    people: { freeFailuresPerAccount: 3, freeFailuresPerAddress: 8, firstDelayMs: FIRST_DELAY_MS },
  });
  sakura = await api.organisation('Sakura Support');
});
afterAll(() => api.close());

let addressCounter = 0;
const freshAddress = () => `198.51.100.${++addressCounter}`;

const blockedForMs = async (subject: string) => {
  const { rows } = await api.runtime.pool.query(
    'SELECT extract(epoch FROM blocked_until - last_failure_at) * 1000 AS ms FROM platform.sign_in_throttle WHERE subject = $1',
    [subject],
  );
  return Math.round(Number(rows[0]?.ms ?? 0));
};

describe('wrong passwords and the lock-out', () => {
  test('after the free failures each further one doubles the wait; while it lasts even the right password is refused; then it is released', async () => {
    const someone = await person(api, sakura.organisationId, sakura.manager, 'caseworker');
    const address = freshAddress();
    for (let i = 0; i < 2; i++) {
      const wrong = await signIn(api, someone.email, 'not the password at all', {}, address);
      expect(wrong.response.status).toBe(401);
      expect(wrong.response.headers['retry-after']).toBeUndefined();
    }
    expect(await blockedForMs(`account:${someone.email}`)).toBe(0);
    // The third of the three free tries is answered at once; the one after it waits.
    const third = await signIn(api, someone.email, 'not the password at all', {}, address);
    expect(third.response.status).toBe(401);
    expect(third.response.headers['retry-after']).toBeUndefined();
    expect(await blockedForMs(`account:${someone.email}`)).toBe(FIRST_DELAY_MS);

    const locked = await signIn(api, someone.email, PASSWORD, {}, address);
    expect(locked.response.status).toBe(401);
    const retryAfter = Number(locked.response.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(FIRST_DELAY_MS / 1000);
    expect(locked.response.headers['set-cookie']).toBeUndefined();

    await sleep(FIRST_DELAY_MS + 50);
    expect((await signIn(api, someone.email, 'still not the password', {}, address)).response.status).toBe(401);
    expect(await blockedForMs(`account:${someone.email}`)).toBe(2 * FIRST_DELAY_MS);

    await sleep(2 * FIRST_DELAY_MS + 50);
    const released = await signIn(api, someone.email, PASSWORD, {}, address);
    expect(released.response.status).toBe(200);
    // A success clears the account's count: the next mistake is a free one again.
    expect((await signIn(api, someone.email, 'a slip of the finger', {}, address)).response.status).toBe(401);
    expect(await blockedForMs(`account:${someone.email}`)).toBe(0);
  });

  test('an unknown e-mail gets exactly the answer of a known one with a wrong password, and is throttled alike', async () => {
    const someone = await person(api, sakura.organisationId, sakura.manager, 'viewer');
    const known = await signIn(api, someone.email, 'wrong password here', {}, freshAddress());
    const unknown = await signIn(api, 'nobody.at.all@example.org', 'wrong password here', {}, freshAddress());
    expect(unknown.response.status).toBe(401);
    expect(unknown.response.body).toEqual(known.response.body);
    expect(unknown.response.headers['content-type']).toBe(known.response.headers['content-type']);
    for (let i = 0; i < 2; i++) await signIn(api, 'nobody.at.all@example.org', 'wrong password here', {}, freshAddress());
    expect(await blockedForMs('account:nobody.at.all@example.org')).toBe(FIRST_DELAY_MS);
  });

  test('one address trying many accounts is slowed down, while other addresses are not', async () => {
    const someone = await person(api, sakura.organisationId, sakura.manager, 'viewer');
    const attacker = freshAddress();
    for (let i = 0; i < 8; i++) await signIn(api, `guess${i}@example.org`, 'password guess 123', {}, attacker);
    expect((await signIn(api, someone.email, PASSWORD, {}, attacker)).response.status).toBe(401);
    expect((await signIn(api, someone.email, PASSWORD, {}, freshAddress())).response.status).toBe(200);
  });
});

describe('TOTP', () => {
  const STEP_MS = 30_000;
  const codeAt = (secret: string, step: number) =>
    new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1' }).generate({
      timestamp: step * STEP_MS + 1000,
    });
  /** The current time step, waiting out the last 3 seconds of one so that a test does not straddle two. */
  const currentStep = async () => {
    const intoStep = Date.now() % STEP_MS;
    if (intoStep > STEP_MS - 3000) await sleep(STEP_MS - intoStep + 50);
    return Math.floor(Date.now() / STEP_MS);
  };

  test('on with a code; sign-in then needs it; a code is taken once; a recovery code works once', async () => {
    const someone = await person(api, sakura.organisationId, sakura.manager, 'caseworker');
    const begun = await someone.agent.post('/v1/me/totp').set('x-csrf-token', someone.csrf).expect(201);
    expect(begun.body.otpauthUrl).toMatch(/^otpauth:\/\/totp\/Zairyu%20Ledger:.*secret=/);
    const secret = begun.body.secret as string;
    const step = await currentStep();
    const wrong = await someone.agent
      .post('/v1/me/totp/confirm')
      .set('x-csrf-token', someone.csrf)
      .send({ code: '000000' === codeAt(secret, step) ? '111111' : '000000' });
    expect(wrong.status).toBe(422);
    const confirmed = await someone.agent
      .post('/v1/me/totp/confirm')
      .set('x-csrf-token', someone.csrf)
      .send({ code: codeAt(secret, step - 1) })
      .expect(200);
    const recoveryCodes = confirmed.body.recoveryCodes as string[];
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    expect((await someone.agent.get('/v1/me').expect(200)).body).toMatchObject({ totpEnabled: true, recoveryCodesLeft: 10 });
    const stored = await api.runtime.pool.query('SELECT code_hash FROM platform.recovery_code WHERE user_id = $1', [someone.userId]);
    expect(JSON.stringify(stored.rows)).not.toContain(recoveryCodes[0]!.replaceAll('-', ''));

    const address = freshAddress();
    const withoutCode = await signIn(api, someone.email, PASSWORD, {}, address);
    expect(withoutCode.response.status).toBe(401);
    expect(withoutCode.response.body.code).toBe('TOTP_REQUIRED');
    expect(withoutCode.response.headers['set-cookie']).toBeUndefined();
    // The password still has to be right before the code is even asked for.
    expect((await signIn(api, someone.email, 'wrong password here', {}, address)).response.body.code).toBe('SIGN_IN_FAILED');

    const withCode = await signIn(api, someone.email, PASSWORD, { totp: codeAt(secret, step) }, address);
    expect(withCode.response.status).toBe(200);
    await withCode.agent.get('/v1/residents').expect(200);
    const replayed = await signIn(api, someone.email, PASSWORD, { totp: codeAt(secret, step) }, address);
    expect(replayed.response.status).toBe(401);
    expect(replayed.response.body.code).toBe('SIGN_IN_FAILED');

    const recovered = await signIn(api, someone.email, PASSWORD, { recoveryCode: recoveryCodes[3]!.toLowerCase() }, freshAddress());
    expect(recovered.response.status).toBe(200);
    const again = await signIn(api, someone.email, PASSWORD, { recoveryCode: recoveryCodes[3]! }, freshAddress());
    expect(again.response.status).toBe(401);
    expect((await recovered.agent.get('/v1/me').expect(200)).body.recoveryCodesLeft).toBe(9);

    const log = await api.http
      .get(`/v1/organisations/${sakura.organisationId}/security-log?pageSize=200`)
      .auth(sakura.manager, { type: 'bearer' })
      .expect(200);
    const mine = log.body.items.filter((entry: { subject: string }) => entry.subject === `user:${someone.userId}`);
    expect(mine.map((entry: { kind: string }) => entry.kind)).toEqual(
      expect.arrayContaining(['totp_enabled', 'recovery_code_used', 'sign_in_failed', 'signed_in']),
    );
    expect(JSON.stringify(log.body)).not.toContain(secret);
    expect(JSON.stringify(api.logs)).not.toContain(secret);
    // The secret is never shown again.
    expect(JSON.stringify((await recovered.agent.get('/v1/me')).body)).not.toContain(secret);
    const again409 = await recovered.agent.post('/v1/me/totp').set('x-csrf-token', recovered.csrf).expect(409);
    expect(JSON.stringify(again409.body)).not.toContain(secret);
  });

  test('a manager requires TOTP org-wide: a person without it may only set it up, then works as before', async () => {
    const fresh = await api.organisation('Kaede Office');
    const someone = await person(api, fresh.organisationId, fresh.manager, 'caseworker');
    await api.http
      .patch(`/v1/organisations/${fresh.organisationId}/sign-in-policy`)
      .auth(fresh.manager, { type: 'bearer' })
      .send({ requireTotp: true })
      .expect(200);
    const blocked = await someone.agent.get('/v1/residents').expect(403);
    expect(blocked.body.code).toBe('TOTP_ENROLMENT_REQUIRED');
    expect((await someone.agent.get('/v1/me').expect(200)).body).toMatchObject({ totpEnabled: false, totpRequired: true });
    const begun = await someone.agent.post('/v1/me/totp').set('x-csrf-token', someone.csrf).expect(201);
    const step = await currentStep();
    await someone.agent
      .post('/v1/me/totp/confirm')
      .set('x-csrf-token', someone.csrf)
      .send({ code: codeAt(begun.body.secret, step) })
      .expect(200);
    await someone.agent.get('/v1/residents').expect(200);
    const off = await someone.agent
      .delete('/v1/me/totp')
      .set('x-csrf-token', someone.csrf)
      .send({ code: codeAt(begun.body.secret, step + 1) })
      .expect(422);
    expect(off.body.code).toBe('TOTP_REQUIRED_BY_ORGANISATION');
  });
});
