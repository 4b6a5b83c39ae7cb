/**
 * Guesses sent all at once: each try at a password or a code is counted before it is checked,
 * so of a burst of parallel tries exactly the free ones are checked, and the right secret sent
 * in the burst after them is refused like the rest. The delay is long here, so that nothing is
 * released while a test runs.
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import * as OTPAuth from 'otpauth';
import { setTimeout as sleep } from 'node:timers/promises';
import { Api, type Keys } from '../support/api-harness.js';
import { PASSWORD, person, signIn, type SignedIn } from '../support/people.js';

const FREE_PER_ACCOUNT = 5;
const FREE_PER_ADDRESS = 20;
let api: Api;
let org: Keys;

beforeAll(async () => {
  api = await Api.start({
    trustProxy: 1,
    people: { freeFailuresPerAccount: FREE_PER_ACCOUNT, freeFailuresPerAddress: FREE_PER_ADDRESS, firstDelayMs: 60_000 },
  });
  org = await api.organisation();
});
afterAll(() => api.close());

let addressCounter = 0;
const freshAddress = () => `198.51.100.${++addressCounter}`;

/** Tries whose secret was checked: each one leaves a sign_in_failed or signed_in line; a refused try leaves none. */
const checkedSignIns = async (where: string, value: string) =>
  (
    await api.runtime.pool.query(
      `SELECT count(*)::int AS n FROM platform.security_event WHERE kind IN ('sign_in_failed', 'signed_in') AND ${where} = $1`,
      [value],
    )
  ).rows[0].n as number;

async function triesTaken(subject: string, count: number): Promise<void> {
  for (;;) {
    const { rows } = await api.runtime.pool.query('SELECT failures FROM platform.sign_in_throttle WHERE subject = $1', [subject]);
    if ((rows[0]?.failures ?? 0) >= count) return;
    await sleep(5);
  }
}

const codeAt = (secret: string, step: number) =>
  new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1' }).generate({
    timestamp: step * 30_000 + 1000,
  });
/** Six digits that are no code of the secret now (nor a step either side). */
function wrongCodes(secret: string, count: number): string[] {
  const step = Math.floor(Date.now() / 30_000);
  const current = new Set([-1, 0, 1, 2].map((delta) => codeAt(secret, step + delta)));
  const codes: string[] = [];
  for (let n = 100_000; codes.length < count; n += 7919) if (!current.has(String(n))) codes.push(String(n));
  return codes;
}

async function withTotp(someone: SignedIn): Promise<string> {
  const begun = await someone.agent.post('/v1/me/totp').set('x-csrf-token', someone.csrf).expect(201);
  const secret = begun.body.secret as string;
  await someone.agent
    .post('/v1/me/totp/confirm')
    .set('x-csrf-token', someone.csrf)
    .send({ code: codeAt(secret, Math.floor(Date.now() / 30_000) - 1) })
    .expect(200);
  return secret;
}

test(`40 parallel password guesses at one account: at most ${FREE_PER_ACCOUNT} are checked, and the right password sent with them is refused`, async () => {
  const someone = await person(api, org.organisationId, org.manager, 'caseworker');
  const address = freshAddress();
  const before = await checkedSignIns('subject', `user:${someone.userId}`);
  const guesses = Array.from({ length: 39 }, (_, n) => signIn(api, someone.email, `wrong password number ${n}`, {}, address));
  // The right password goes out while the guesses are still being answered, once the free tries are taken.
  const right = triesTaken(`account:${someone.email}`, FREE_PER_ACCOUNT).then(() => signIn(api, someone.email, PASSWORD, {}, address));
  const answers = await Promise.all([...guesses, right]);
  expect(answers.map((answer) => answer.response.status)).toEqual(answers.map(() => 401));
  // Exactly: the free tries are all checked (none refused for nothing), and no more.
  expect((await checkedSignIns('subject', `user:${someone.userId}`)) - before).toBe(FREE_PER_ACCOUNT);
  expect(Number((await right).response.headers['retry-after'])).toBeGreaterThan(1);
});

test(`40 parallel guesses from one address at 40 accounts: at most ${FREE_PER_ADDRESS} are checked`, async () => {
  const address = freshAddress();
  await Promise.all(
    Array.from({ length: 40 }, (_, n) => signIn(api, `guess${n}.${address}@example.org`, 'password guess 123', {}, address)),
  );
  expect(await checkedSignIns('address', address)).toBe(FREE_PER_ADDRESS);
});

test(`60 parallel TOTP codes with the right password: at most ${FREE_PER_ACCOUNT} are checked`, async () => {
  const someone = await person(api, org.organisationId, org.manager, 'caseworker');
  const secret = await withTotp(someone);
  const address = freshAddress();
  const before = await checkedSignIns('subject', `user:${someone.userId}`);
  const answers = await Promise.all(wrongCodes(secret, 60).map((totp) => signIn(api, someone.email, PASSWORD, { totp }, address)));
  expect(answers.filter((answer) => answer.response.status === 200)).toHaveLength(0);
  expect((await checkedSignIns('subject', `user:${someone.userId}`)) - before).toBe(FREE_PER_ACCOUNT);
});

test(`a signed-in session guessing codes to turn TOTP off: at most ${FREE_PER_ACCOUNT} are checked, the rest are 429, and TOTP stays on`, async () => {
  const someone = await person(api, org.organisationId, org.manager, 'caseworker');
  const secret = await withTotp(someone);
  const answers = await Promise.all(
    wrongCodes(secret, 30).map((code) => someone.agent.delete('/v1/me/totp').set('x-csrf-token', someone.csrf).send({ code })),
  );
  const checked = answers.filter((answer) => answer.status === 422);
  expect(checked).toHaveLength(FREE_PER_ACCOUNT);
  for (const answer of checked) expect(answer.body.code).toBe('TOTP_CODE_WRONG');
  const refused = answers.filter((answer) => answer.status === 429);
  expect(refused).toHaveLength(30 - checked.length);
  expect(Number(refused[0]!.headers['retry-after'])).toBeGreaterThan(1);
  // Even the right code waits now.
  const right = await someone.agent
    .delete('/v1/me/totp')
    .set('x-csrf-token', someone.csrf)
    .send({ code: codeAt(secret, Math.floor(Date.now() / 30_000)) });
  expect(right.status).toBe(429);
  expect((await someone.agent.get('/v1/me').expect(200)).body.totpEnabled).toBe(true);
});
