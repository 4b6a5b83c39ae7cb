/**
 * Credentials: keys and calendar tokens are listed (never their secrets) and
 * revoked; a revoked key is refused at once by every API process on the database: the one that
 * revoked it forgets it, the others hear a PostgreSQL NOTIFY (a key read is otherwise trusted for
 * API_KEY_RECHECK_MS, so a busy key is not read on every request, and a process that is not
 * listening trusts nothing); the last use is kept; `Bearer` is matched without regard to case
 * (RFC 7235 §2.1).
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { ADMIN_TOKEN, Api, type Keys } from '../support/api-harness.js';
import { secretOf } from '../support/secret-of.js';
import { sentStatements } from '../support/sent-statements.js';

let api: Api;
let other: Api;
/** A process that would trust a key it read for the longest time allowed. */
let slow: Api;
let org: Keys;
let theirs: Keys;
/** How long `other` trusts a key it has read. */
const OTHER_RECHECK_MS = 400;

beforeAll(async () => {
  api = await Api.start();
  other = await Api.start({ keyRecheckMs: OTHER_RECHECK_MS }, api);
  slow = await Api.start({ keyRecheckMs: 5_000 }, api);
  org = await api.organisation('Sakura');
  theirs = await api.organisation('Momiji');
});
afterAll(async () => {
  await slow.close();
  await other.close();
  await api.close();
});

const keyIdOf = (key: string) => key.split('_')[1]!;

describe('API keys have a life', () => {
  test('a manager lists the keys: id, label, role, createdAt, lastUsedAt, never the key or its hash', async () => {
    await api.http.get('/v1/residents').auth(org.viewer, { type: 'bearer' }).expect(200);
    let listed: Array<Record<string, unknown>> = [];
    for (let i = 0; i < 100; i++) {
      listed = (await api.http.get(`/v1/organisations/${org.organisationId}/api-keys`).auth(org.manager, { type: 'bearer' }).expect(200))
        .body;
      if (listed.find((key) => key['id'] === keyIdOf(org.viewer))?.['lastUsedAt']) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(listed.map((key) => key['role']).sort()).toEqual(['caseworker', 'manager', 'viewer']);
    const viewer = listed.find((key) => key['id'] === keyIdOf(org.viewer))!;
    expect(viewer).toEqual({
      id: keyIdOf(org.viewer),
      label: 'viewer',
      role: 'viewer',
      createdAt: expect.any(String),
      lastUsedAt: expect.any(String),
    });
    expect(JSON.stringify(listed)).not.toContain(secretOf(org.viewer));
    expect(JSON.stringify(listed)).not.toMatch(/secret|hash/i);
    // The admin may list too; a caseworker may not; another organisation's manager sees a 404.
    await api.http.get(`/v1/organisations/${org.organisationId}/api-keys`).auth(ADMIN_TOKEN, { type: 'bearer' }).expect(200);
    await api.http.get(`/v1/organisations/${org.organisationId}/api-keys`).auth(org.caseworker, { type: 'bearer' }).expect(403);
    await api.http.get(`/v1/organisations/${org.organisationId}/api-keys`).auth(theirs.manager, { type: 'bearer' }).expect(404);
  });

  /** How long after `since` the process refuses the key (polling), or null if it still takes it after `withinMs`. */
  async function refusedAfter(process: Api, key: string, since: number, withinMs: number): Promise<number | null> {
    for (;;) {
      const answer = await process.http.get('/v1/residents').auth(key, { type: 'bearer' });
      if (answer.status === 401) return Date.now() - since;
      expect(answer.status).toBe(200);
      if (Date.now() - since > withinMs) return null;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  async function issue(): Promise<{ id: string; key: string }> {
    const issued = await api.http
      .post(`/v1/organisations/${org.organisationId}/api-keys`)
      .auth(org.manager, { type: 'bearer' })
      .send({ label: 'integration', role: 'caseworker' })
      .expect(201);
    return { id: issued.body.id, key: issued.body.key };
  }

  test('another process that trusts a key for 5 s refuses it as soon as it hears of the revocation', async () => {
    const { id, key } = await issue();
    await slow.http.get('/v1/residents').auth(key, { type: 'bearer' }).expect(200);
    await api.http.delete(`/v1/organisations/${org.organisationId}/api-keys/${id}`).auth(org.manager, { type: 'bearer' }).expect(204);
    const after = await refusedAfter(slow, key, Date.now(), 4_000);
    expect(after).not.toBeNull();
    // Its recheck time (5 s) did not do it: the NOTIFY did.
    expect(after!).toBeLessThan(1_000);
  });

  test('a process whose listening connection is cut trusts no key it read before, until it listens again', async () => {
    const { id, key } = await issue();
    await slow.http.get('/v1/residents').auth(key, { type: 'bearer' }).expect(200);
    // Every process's listening connection is cut; a revocation sent now reaches no one.
    await api.runtime.pool.query(
      "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'zairyu-revocations' AND pid <> pg_backend_pid()",
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    await api.http.delete(`/v1/organisations/${org.organisationId}/api-keys/${id}`).auth(org.manager, { type: 'bearer' }).expect(204);
    await slow.http.get('/v1/residents').auth(key, { type: 'bearer' }).expect(401);
    // Listening again, a process hears the next revocation.
    const next = await issue();
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await slow.http.get('/v1/residents').auth(next.key, { type: 'bearer' }).expect(200);
    await api.http.delete(`/v1/organisations/${org.organisationId}/api-keys/${next.id}`).auth(org.manager, { type: 'bearer' }).expect(204);
    expect(await refusedAfter(slow, next.key, Date.now(), 4_000)).toBeLessThan(1_000);
  });

  test('a revoked key is refused at once by the process that revoked it, by the others within their recheck time; it leaves the list; revoking twice is 404', async () => {
    const issued = await api.http
      .post(`/v1/organisations/${org.organisationId}/api-keys`)
      .auth(org.manager, { type: 'bearer' })
      .send({ label: 'integration', role: 'caseworker' })
      .expect(201);
    const key = issued.body.key as string;
    // Both processes have just accepted it (and trust it for a while).
    await api.http.get('/v1/residents').auth(key, { type: 'bearer' }).expect(200);
    await other.http.get('/v1/residents').auth(key, { type: 'bearer' }).expect(200);
    await api.http
      .delete(`/v1/organisations/${org.organisationId}/api-keys/${issued.body.id}`)
      .auth(org.manager, { type: 'bearer' })
      .expect(204);
    const revokedAt = Date.now();
    await api.http.get('/v1/residents').auth(key, { type: 'bearer' }).expect(401);
    let refused = await other.http.get('/v1/residents').auth(key, { type: 'bearer' });
    while (refused.status === 200 && Date.now() - revokedAt < 10 * OTHER_RECHECK_MS) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      refused = await other.http.get('/v1/residents').auth(key, { type: 'bearer' });
    }
    expect(refused.status).toBe(401);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    // Read last at most OTHER_RECHECK_MS before the revocation, it is refused at most that long after it (and a request's time).
    expect(Date.now() - revokedAt).toBeLessThan(OTHER_RECHECK_MS + 500);
    const listed = await api.http.get(`/v1/organisations/${org.organisationId}/api-keys`).auth(org.manager, { type: 'bearer' }).expect(200);
    expect(listed.body.map((row: { id: string }) => row.id)).not.toContain(issued.body.id);
    await api.http
      .delete(`/v1/organisations/${org.organisationId}/api-keys/${issued.body.id}`)
      .auth(org.manager, { type: 'bearer' })
      .expect(404);
  });

  test('a busy key is read from the database once per recheck time, not on every request; its secret is checked on every one', async () => {
    await api.http.get('/v1/residents').auth(org.viewer, { type: 'bearer' }).expect(200);
    const reads = await sentStatements(/SELECT .*api_key/, async () => {
      for (let n = 0; n < 20; n++) await api.http.get('/v1/residents').auth(org.viewer, { type: 'bearer' }).expect(200);
      // The same key id with another secret is no key.
      const forged = org.viewer.slice(0, -4) + (org.viewer.endsWith('AAAA') ? 'BBBB' : 'AAAA');
      await api.http.get('/v1/residents').auth(forged, { type: 'bearer' }).expect(401);
    });
    // The default recheck time is 2 s: at most one read in case it ran out during the requests.
    expect(reads.length).toBeLessThanOrEqual(1);
  });

  test('requests that arrive together once the key’s recheck time has run out share one read of it', async () => {
    await other.http.get('/v1/residents').auth(org.viewer, { type: 'bearer' }).expect(200);
    await new Promise((resolve) => setTimeout(resolve, OTHER_RECHECK_MS + 50));
    const reads = await sentStatements(/SELECT .*api_key/, () =>
      Promise.all(Array.from({ length: 10 }, () => other.http.get('/v1/residents').auth(org.viewer, { type: 'bearer' }).expect(200))),
    );
    expect(reads).toHaveLength(1);
  });

  test("another organisation's key cannot be revoked (404) and keeps working", async () => {
    await api.http
      .delete(`/v1/organisations/${org.organisationId}/api-keys/${keyIdOf(theirs.viewer)}`)
      .auth(org.manager, { type: 'bearer' })
      .expect(404);
    await api.http
      .delete(`/v1/organisations/${theirs.organisationId}/api-keys/${keyIdOf(theirs.viewer)}`)
      .auth(org.manager, { type: 'bearer' })
      .expect(404);
    await api.http.get('/v1/residents').auth(theirs.viewer, { type: 'bearer' }).expect(200);
  });
});

describe('calendar tokens have a life', () => {
  test('listed without secrets, revoked, and the feed then refuses the token', async () => {
    const made = await api.http
      .post(`/v1/organisations/${org.organisationId}/calendar-tokens`)
      .auth(org.manager, { type: 'bearer' })
      .expect(201);
    await other.http.get(`/v1/deadlines.ics?token=${made.body.token}`).expect(200);
    const listed = await api.http
      .get(`/v1/organisations/${org.organisationId}/calendar-tokens`)
      .auth(org.manager, { type: 'bearer' })
      .expect(200);
    expect(listed.body).toHaveLength(1);
    expect(listed.body[0]).toMatchObject({ id: made.body.id, createdAt: expect.any(String) });
    expect(Object.keys(listed.body[0]).sort()).toEqual(['createdAt', 'id', 'lastUsedAt']);
    expect(JSON.stringify(listed.body)).not.toContain(secretOf(made.body.token));
    await api.http
      .delete(`/v1/organisations/${org.organisationId}/calendar-tokens/${made.body.id}`)
      .auth(org.manager, { type: 'bearer' })
      .expect(204);
    await other.http.get(`/v1/deadlines.ics?token=${made.body.token}`).expect(401);
    await api.http.get(`/v1/organisations/${org.organisationId}/calendar-tokens`).auth(org.manager, { type: 'bearer' }).expect(200, []);
  });
});

describe('the Authorization header', () => {
  test('the scheme is matched without regard to case (RFC 7235 §2.1)', async () => {
    for (const scheme of ['Bearer', 'bearer', 'BEARER', 'bEaReR']) {
      await api.http.get('/v1/residents').set('Authorization', `${scheme} ${org.viewer}`).expect(200);
    }
    await api.http.get('/v1/residents').set('Authorization', `Basic ${org.viewer}`).expect(401);
  });
});
