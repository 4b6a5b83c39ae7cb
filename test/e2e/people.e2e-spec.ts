/**
 * People sign in: the invitation → password → sign-in → record → sign-out story,
 * one-time links, passwords, roles, disabling, CSRF, and another organisation's people as 404.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { Api, ADMIN_TOKEN, type Keys } from '../support/api-harness.js';
import { invite, PASSWORD, person, signIn, tokenOf } from '../support/people.js';

let api: Api;
let sakura: Keys;
let fuji: Keys;

beforeAll(async () => {
  api = await Api.start({ trustProxy: 1, people: { freeFailuresPerAddress: 1000 } });
  sakura = await api.organisation('Sakura Support');
  fuji = await api.organisation('Fuji Gyosei');
});
afterAll(() => api.close());

const cookieOf = (response: { headers: Record<string, unknown> }) => {
  const cookies = response.headers['set-cookie'] as string[] | undefined;
  return cookies?.find((cookie) => cookie.startsWith('zairyu_session=')) ?? '';
};

describe('the first story: invitation → password → sign-in → record an event → sign-out', () => {
  test('a caseworker joins, records a fact under their own name, and signs out', async () => {
    const created = await api.http
      .post(`/v1/organisations/${sakura.organisationId}/users`)
      .auth(sakura.manager, { type: 'bearer' })
      .send({ name: 'Tanaka Yuki', email: 'Yuki.Tanaka@Sakura.example', role: 'caseworker' })
      .expect(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      inviteUrl: expect.stringMatching(/#\/invitations\/[A-Za-z0-9_-]{43}$/),
      expiresAt: expect.any(String),
      mailed: false,
    });
    const hours = (Date.parse(created.body.expiresAt) - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(71.9);
    expect(hours).toBeLessThanOrEqual(72);
    const token = tokenOf(created.body.inviteUrl);

    const link = await api.http.get(`/v1/invitations/${token}`).expect(200);
    expect(link.body).toMatchObject({ name: 'Tanaka Yuki', email: 'yuki.tanaka@sakura.example', organisationName: 'Sakura Support' });

    const short = await api.http.post(`/v1/invitations/${token}`).send({ password: 'short' }).expect(400);
    expect(short.body.errors).toEqual([{ field: 'password', message: 'must be at least 12 characters' }]);
    const common = await api.http.post(`/v1/invitations/${token}`).send({ password: 'Password1234' }).expect(400);
    expect(common.body.errors).toEqual([{ field: 'password', message: 'is a commonly used password' }]);
    for (const password of ['Yuki.Tanaka@Sakura.example', 'yuki.tanaka-2026-spring'])
      expect((await api.http.post(`/v1/invitations/${token}`).send({ password }).expect(400)).body.errors).toEqual([
        { field: 'password', message: 'must not contain your e-mail address or its name part' },
      ]);
    await api.http.post(`/v1/invitations/${token}`).send({ password: PASSWORD }).expect(204);

    const { agent, response, csrf } = await signIn(api, 'yuki.tanaka@SAKURA.example');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ csrfToken: expect.any(String) });
    const cookie = cookieOf(response);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/); // plain HTTP here; see the TLS test

    const me = await agent.get('/v1/me').expect(200);
    expect(me.body).toMatchObject({
      id: created.body.id,
      name: 'Tanaka Yuki',
      email: 'yuki.tanaka@sakura.example',
      role: 'caseworker',
      organisationId: sakura.organisationId,
      csrfToken: csrf,
    });

    const resident = await agent
      .post('/v1/residents')
      .set('x-csrf-token', csrf)
      .send({ fullName: 'NGUYEN VAN AN', dateOfBirth: '1998-07-21', nationality: 'VNM' })
      .expect(201);
    await agent
      .post(`/v1/residents/${resident.body.id}/events`)
      .set('x-csrf-token', csrf)
      .send({ type: 'Landed', occurredOn: '2026-04-01', data: { status: 'student', periodExpiresOn: '2028-03-31' } })
      .expect(201);
    const history = await agent.get(`/v1/residents/${resident.body.id}/events`).expect(200);
    expect(history.body.map((event: { recordedBy: string }) => event.recordedBy)).toEqual([
      `user:${created.body.id}`,
      `user:${created.body.id}`,
    ]);
    expect(history.body[1].recordedByName).toBe('Tanaka Yuki');

    await agent.delete('/v1/session').set('x-csrf-token', csrf).expect(204);
    await agent.get('/v1/me').expect(401);
    await agent.get('/v1/residents').expect(401);

    const log = await api.http
      .get(`/v1/organisations/${sakura.organisationId}/security-log`)
      .auth(sakura.manager, { type: 'bearer' })
      .expect(200);
    const kinds = log.body.items.map((entry: { kind: string }) => entry.kind);
    expect(kinds).toEqual(expect.arrayContaining(['user_invited', 'password_set', 'signed_in', 'signed_out']));
    const signedIn = log.body.items.find((entry: { kind: string }) => entry.kind === 'signed_in');
    expect(signedIn).toMatchObject({
      actor: `user:${created.body.id}`,
      actorName: 'Tanaka Yuki',
      address: '127.0.0.1',
      at: expect.any(String),
    });
  });

  test('nothing secret is ever returned or logged: no password, session id or link token', async () => {
    const invited = await invite(api, sakura.organisationId, sakura.manager, 'viewer');
    await api.http.post(`/v1/invitations/${invited.token}`).send({ password: PASSWORD }).expect(204);
    const { agent, response } = await signIn(api, invited.email);
    const secret = cookieOf(response).split(';')[0]!.split('=')[1]!;
    const users = await api.http
      .get(`/v1/organisations/${sakura.organisationId}/users`)
      .auth(sakura.manager, { type: 'bearer' })
      .expect(200);
    const sessions = await agent.get('/v1/me/sessions').expect(200);
    const everything = JSON.stringify([users.body, sessions.body, api.logs]);
    for (const secretValue of [PASSWORD, secret, invited.token]) expect(everything).not.toContain(secretValue);
    const { rows } = await api.runtime.pool.query('SELECT * FROM platform.user_session');
    expect(JSON.stringify(rows)).not.toContain(secret);
    const stored = await api.runtime.pool.query('SELECT password_hash FROM platform.app_user WHERE id = $1', [invited.userId]);
    // argon2id at the configured cost (the tests' is cheap; passwords.spec.ts holds the OWASP default).
    expect(stored.rows[0].password_hash).toMatch(/^\$argon2id\$v=19\$m=1024,p=1,t=1\$/);
  });

  test('Secure is set on the cookie when the request came over TLS (X-Forwarded-Proto behind a trusted proxy)', async () => {
    const invited = await invite(api, sakura.organisationId, sakura.manager, 'viewer');
    await api.http.post(`/v1/invitations/${invited.token}`).send({ password: PASSWORD }).expect(204);
    const response = await api.http
      .post('/v1/session')
      .set('x-forwarded-proto', 'https')
      .send({ email: invited.email, password: PASSWORD })
      .expect(200);
    expect(cookieOf(response)).toMatch(/; Secure/);
  });
});

describe('one-time links', () => {
  test('a used link is refused (410) and cannot set a second password', async () => {
    const invited = await invite(api, sakura.organisationId, sakura.manager, 'caseworker');
    await api.http.post(`/v1/invitations/${invited.token}`).send({ password: PASSWORD }).expect(204);
    const again = await api.http.post(`/v1/invitations/${invited.token}`).send({ password: 'another long passphrase 42' }).expect(410);
    expect(again.body.code).toBe('LINK_USED');
    expect((await signIn(api, invited.email, 'another long passphrase 42')).response.status).toBe(401);
    expect((await signIn(api, invited.email)).response.status).toBe(200);
  });

  test('a link older than 72 hours is refused (410 LINK_EXPIRED); an unknown one is 404', async () => {
    const invited = await invite(api, sakura.organisationId, sakura.manager, 'caseworker');
    // The link was made 72 hours and a second ago: moved back in the database, not by a fake clock.
    await api.runtime.pool.query(
      `UPDATE platform.access_link SET created_at = now() - interval '72 hours 1 second', expires_at = now() - interval '1 second' WHERE user_id = $1`,
      [invited.userId],
    );
    const expired = await api.http.post(`/v1/invitations/${invited.token}`).send({ password: PASSWORD }).expect(410);
    expect(expired.body.code).toBe('LINK_EXPIRED');
    await api.http.get(`/v1/invitations/${invited.token}`).expect(410);
    await api.http
      .post(`/v1/invitations/${'x'.repeat(43)}`)
      .send({ password: PASSWORD })
      .expect(404);
    await api.http.post('/v1/invitations/short').send({ password: PASSWORD }).expect(404);
  });

  test('resetting access gives a new link, ends the sessions and stops the old password and the old link', async () => {
    const someone = await person(api, sakura.organisationId, sakura.manager, 'caseworker');
    const firstLink = await api.http
      .post(`/v1/organisations/${sakura.organisationId}/users/${someone.userId}/reset-access`)
      .auth(sakura.manager, { type: 'bearer' })
      .expect(201);
    await someone.agent.get('/v1/me').expect(401);
    expect((await signIn(api, someone.email)).response.status).toBe(401);
    const secondLink = await api.http
      .post(`/v1/organisations/${sakura.organisationId}/users/${someone.userId}/reset-access`)
      .auth(sakura.manager, { type: 'bearer' })
      .expect(201);
    const replaced = await api.http
      .post(`/v1/invitations/${tokenOf(firstLink.body.inviteUrl)}`)
      .send({ password: PASSWORD })
      .expect(410);
    expect(replaced.body.code).toBe('LINK_REPLACED');
    await api.http
      .post(`/v1/invitations/${tokenOf(secondLink.body.inviteUrl)}`)
      .send({ password: 'a brand new passphrase!' })
      .expect(204);
    expect((await signIn(api, someone.email, 'a brand new passphrase!')).response.status).toBe(200);
  });
});

describe('an e-mail address is one account on the server (docs/architecture.md)', () => {
  test('inviting an address used in another organisation is 409 EMAIL_IN_USE, word for word the answer for one used here, naming no organisation', async () => {
    const theirs = await invite(api, fuji.organisationId, fuji.manager, 'viewer');
    const ours = await invite(api, sakura.organisationId, sakura.manager, 'viewer');
    const again = (email: string) =>
      api.http
        .post(`/v1/organisations/${sakura.organisationId}/users`)
        .auth(sakura.manager, { type: 'bearer' })
        .send({ name: 'Someone', email: email.toUpperCase(), role: 'viewer' })
        .expect(409);
    const elsewhere = await again(theirs.email);
    expect(elsewhere.body.code).toBe('EMAIL_IN_USE');
    expect(elsewhere.body).toEqual((await again(ours.email)).body);
    expect(JSON.stringify(elsewhere.body)).not.toMatch(new RegExp(`Fuji|${fuji.organisationId}`));
  });
});

describe('another manager’s reset of access', () => {
  test('with no mail to send it by, a manager cannot reset another manager (422 RESET_NEEDS_MAIL, nothing changes); the admin can', async () => {
    const office = await api.organisation('Reset Office');
    const resetting = await person(api, office.organisationId, office.manager, 'manager');
    const peer = await person(api, office.organisationId, office.manager, 'manager');
    const refused = await resetting.agent
      .post(`/v1/organisations/${office.organisationId}/users/${peer.userId}/reset-access`)
      .set('x-csrf-token', resetting.csrf)
      .expect(422);
    expect(refused.body.code).toBe('RESET_NEEDS_MAIL');
    await peer.agent.get('/v1/me').expect(200);
    expect((await signIn(api, peer.email)).response.status).toBe(200);
    const byAdmin = await api.http
      .post(`/v1/organisations/${office.organisationId}/users/${peer.userId}/reset-access`)
      .auth(ADMIN_TOKEN, { type: 'bearer' })
      .expect(201);
    expect(byAdmin.body.inviteUrl).toMatch(/#\/invitations\//);
  });
});

describe('roles, disabling, and the admin', () => {
  test('the admin creates an organisation with its first manager, who then runs its people without the admin token', async () => {
    const created = await api.http
      .post('/v1/organisations')
      .auth(ADMIN_TOKEN, { type: 'bearer' })
      .send({ name: 'Kaede Office', kind: 'scrivener_office', firstManager: { name: 'Sato Hana', email: 'hana@kaede.example' } })
      .expect(201);
    expect(created.body.firstManager).toEqual({
      id: expect.any(String),
      inviteUrl: expect.any(String),
      expiresAt: expect.any(String),
      mailed: false,
    });
    await api.http
      .post(`/v1/invitations/${tokenOf(created.body.firstManager.inviteUrl)}`)
      .send({ password: PASSWORD })
      .expect(204);
    const { agent, csrf } = await signIn(api, 'hana@kaede.example');
    const me = await agent.get('/v1/me').expect(200);
    expect(me.body).toMatchObject({ role: 'manager', organisationId: created.body.id });
    const invited = await agent
      .post(`/v1/organisations/${created.body.id}/users`)
      .set('x-csrf-token', csrf)
      .send({ name: 'Ito Ken', email: 'ken@kaede.example', role: 'viewer' })
      .expect(201);
    await agent
      .patch(`/v1/organisations/${created.body.id}/users/${invited.body.id}`)
      .set('x-csrf-token', csrf)
      .send({ role: 'caseworker' })
      .expect(200);
    const key = await agent
      .post(`/v1/organisations/${created.body.id}/api-keys`)
      .set('x-csrf-token', csrf)
      .send({ label: 'import', role: 'caseworker' })
      .expect(201);
    const users = await agent.get(`/v1/organisations/${created.body.id}/users`).expect(200);
    expect(users.body.map((user: { email: string; role: string }) => [user.email, user.role])).toEqual([
      ['ken@kaede.example', 'caseworker'],
      ['hana@kaede.example', 'manager'],
    ]);
    const log = await agent.get(`/v1/organisations/${created.body.id}/security-log`).expect(200);
    expect(log.body.items.map((entry: { kind: string }) => entry.kind)).toEqual([
      'key_created',
      'role_changed',
      'user_invited',
      'signed_in',
      'password_set',
      'user_invited',
    ]);
    expect(log.body.items[0]).toMatchObject({ actorName: 'Sato Hana', subject: `key:${key.body.id}` });
    expect(log.body.items[1].detail).toEqual({ from: 'viewer', to: 'caseworker' });
    // The last enabled manager cannot step down.
    const last = await agent
      .patch(`/v1/organisations/${created.body.id}/users/${me.body.id}`)
      .set('x-csrf-token', csrf)
      .send({ disabled: true })
      .expect(422);
    expect(last.body.code).toBe('LAST_MANAGER');
  });

  test('a creation with a first manager whose e-mail is taken creates nothing', async () => {
    const before = await api.runtime.pool.query('SELECT count(*)::int AS n FROM platform.organisation');
    const refused = await api.http
      .post('/v1/organisations')
      .auth(ADMIN_TOKEN, { type: 'bearer' })
      .send({ name: 'Twice', kind: 'employer', firstManager: { name: 'Sato Hana', email: 'HANA@kaede.example' } })
      .expect(409);
    expect(refused.body.code).toBe('EMAIL_IN_USE');
    const after = await api.runtime.pool.query('SELECT count(*)::int AS n FROM platform.organisation');
    expect(after.rows[0].n).toBe(before.rows[0].n);
  });

  test('a viewer cannot write and a caseworker cannot manage people (403)', async () => {
    const viewer = await person(api, sakura.organisationId, sakura.manager, 'viewer');
    await viewer.agent
      .post('/v1/residents')
      .set('x-csrf-token', viewer.csrf)
      .send({ fullName: 'A B', dateOfBirth: '1990-01-01', nationality: 'VNM' })
      .expect(403);
    await viewer.agent.get('/v1/residents').expect(200);
    const caseworker = await person(api, sakura.organisationId, sakura.manager, 'caseworker');
    await caseworker.agent.get(`/v1/organisations/${sakura.organisationId}/users`).expect(403);
    await caseworker.agent.get(`/v1/organisations/${sakura.organisationId}/security-log`).expect(403);
  });

  test('disabling a user ends their live session on the very next request; enabling does not revive it', async () => {
    const caseworker = await person(api, sakura.organisationId, sakura.manager, 'caseworker');
    await caseworker.agent.get('/v1/residents').expect(200);
    await api.http
      .patch(`/v1/organisations/${sakura.organisationId}/users/${caseworker.userId}`)
      .auth(sakura.manager, { type: 'bearer' })
      .send({ disabled: true })
      .expect(200);
    await caseworker.agent.get('/v1/residents').expect(401);
    expect((await signIn(api, caseworker.email)).response.status).toBe(401);
    await api.http
      .patch(`/v1/organisations/${sakura.organisationId}/users/${caseworker.userId}`)
      .auth(sakura.manager, { type: 'bearer' })
      .send({ disabled: false })
      .expect(200);
    await caseworker.agent.get('/v1/residents').expect(401);
    expect((await signIn(api, caseworker.email)).response.status).toBe(200);
  });
});

describe('sessions', () => {
  test('a person lists their sessions and ends another one of them', async () => {
    const someone = await person(api, sakura.organisationId, sakura.manager, 'viewer');
    const phone = await signIn(api, someone.email);
    const listed = await someone.agent.get('/v1/me/sessions').expect(200);
    expect(listed.body).toHaveLength(2);
    const other = listed.body.find((session: { current: boolean }) => !session.current);
    await someone.agent.delete(`/v1/me/sessions/${other.id}`).set('x-csrf-token', someone.csrf).expect(204);
    await phone.agent.get('/v1/me').expect(401);
    await someone.agent.get('/v1/me').expect(200);
    await someone.agent.delete(`/v1/me/sessions/${other.id}`).set('x-csrf-token', someone.csrf).expect(404);
  });

  test('a session idle for 30 minutes, or 12 hours old, has ended', async () => {
    const idle = await person(api, sakura.organisationId, sakura.manager, 'viewer');
    await api.runtime.pool.query(
      "UPDATE platform.user_session SET last_seen_at = now() - interval '30 minutes 1 second' WHERE user_id = $1",
      [idle.userId],
    );
    await idle.agent.get('/v1/me').expect(401);
    const old = await person(api, sakura.organisationId, sakura.manager, 'viewer');
    await api.runtime.pool.query("UPDATE platform.user_session SET last_seen_at = now() - interval '29 minutes' WHERE user_id = $1", [
      old.userId,
    ]);
    await old.agent.get('/v1/me').expect(200); // the request above kept it alive
    await api.runtime.pool.query(
      "UPDATE platform.user_session SET created_at = now() - interval '12 hours', expires_at = now() - interval '1 second' WHERE user_id = $1",
      [old.userId],
    );
    await old.agent.get('/v1/me').expect(401);
  });

  test('a write with the cookie but without the CSRF token is refused (403), and nothing is written', async () => {
    const caseworker = await person(api, sakura.organisationId, sakura.manager, 'caseworker');
    const before = await api.eventCount();
    const missing = await caseworker.agent
      .post('/v1/residents')
      .send({ fullName: 'A B', dateOfBirth: '1990-01-01', nationality: 'VNM' })
      .expect(403);
    expect(missing.body.code).toBe('CSRF_TOKEN_MISSING');
    await caseworker.agent
      .post('/v1/residents')
      .set('x-csrf-token', 'forged')
      .send({ fullName: 'A B', dateOfBirth: '1990-01-01', nationality: 'VNM' })
      .expect(403);
    const other = await person(api, sakura.organisationId, sakura.manager, 'caseworker');
    await caseworker.agent
      .post('/v1/residents')
      .set('x-csrf-token', other.csrf)
      .send({ fullName: 'A B', dateOfBirth: '1990-01-01', nationality: 'VNM' })
      .expect(403);
    await caseworker.agent.delete('/v1/session').expect(403);
    expect(await api.eventCount()).toBe(before);
    await caseworker.agent.get('/v1/me').expect(200);
  });
});

describe("another organisation's people are 404", () => {
  test('users, their sessions, the security log and the sign-in policy of another organisation are 404, like missing ones', async () => {
    const manager = await person(api, sakura.organisationId, sakura.manager, 'manager');
    const theirs = await invite(api, fuji.organisationId, fuji.manager, 'caseworker');
    const missingOrg = randomUUID();
    for (const path of ['users', 'security-log', 'sign-in-policy', `users/${theirs.userId}/sessions`]) {
      const other = await manager.agent.get(`/v1/organisations/${fuji.organisationId}/${path}`);
      const none = await manager.agent.get(`/v1/organisations/${missingOrg}/${path}`);
      expect(other.status).toBe(404);
      expect(other.body).toEqual(none.body);
      await api.http.get(`/v1/organisations/${fuji.organisationId}/${path}`).auth(sakura.manager, { type: 'bearer' }).expect(404);
    }
    // Their user through my organisation's path: 404 like a missing user.
    const viaMine = await manager.agent
      .patch(`/v1/organisations/${sakura.organisationId}/users/${theirs.userId}`)
      .set('x-csrf-token', manager.csrf)
      .send({ disabled: true });
    const missingUser = await manager.agent
      .patch(`/v1/organisations/${sakura.organisationId}/users/${randomUUID()}`)
      .set('x-csrf-token', manager.csrf)
      .send({ disabled: true });
    expect(viaMine.status).toBe(404);
    expect(viaMine.body).toEqual(missingUser.body);
    await manager.agent
      .post(`/v1/organisations/${sakura.organisationId}/users/${theirs.userId}/reset-access`)
      .set('x-csrf-token', manager.csrf)
      .expect(404);
    await manager.agent
      .post(`/v1/organisations/${fuji.organisationId}/users`)
      .set('x-csrf-token', manager.csrf)
      .send({ name: 'X', email: 'x@example.org', role: 'viewer' })
      .expect(404);
    // And another person's session id is not mine to end.
    const fujiPerson = await person(api, fuji.organisationId, fuji.manager, 'viewer');
    const theirSessions = await fujiPerson.agent.get('/v1/me/sessions').expect(200);
    await manager.agent.delete(`/v1/me/sessions/${theirSessions.body[0].id}`).set('x-csrf-token', manager.csrf).expect(404);
    await fujiPerson.agent.get('/v1/me').expect(200);
  });

  test('the security log is append-only in the database itself', async () => {
    await expect(api.runtime.pool.query("UPDATE platform.security_event SET kind = 'x'")).rejects.toThrow(/append-only/);
    await expect(api.runtime.pool.query('DELETE FROM platform.security_event')).rejects.toThrow(/append-only/);
    await expect(api.runtime.pool.query('TRUNCATE platform.security_event')).rejects.toThrow(/append-only/);
  });
});

describe('OpenAPI', () => {
  test('documents both the bearer key and the session cookie, and the people endpoints', async () => {
    const document = (await api.http.get('/docs-json').expect(200)).body;
    expect(document.components.securitySchemes).toMatchObject({
      bearer: { type: 'http', scheme: 'bearer' },
      cookie: { type: 'apiKey', in: 'cookie', name: 'zairyu_session' },
    });
    expect(document.security).toEqual(expect.arrayContaining([{ bearer: [] }, { cookie: [] }]));
    for (const path of [
      '/v1/session',
      '/v1/me',
      '/v1/me/sessions',
      '/v1/me/totp',
      '/v1/invitations/{token}',
      '/v1/organisations/{orgId}/users',
      '/v1/organisations/{orgId}/users/{userId}',
      '/v1/organisations/{orgId}/security-log',
    ])
      expect(document.paths).toHaveProperty([path]);
  });
});
