/**
 * With SMTP_URL set, the one-time link is mailed (nodemailer) to a real SMTP server started
 * here (smtp-server), and the mailed link sets the password. The link never reaches a log.
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { Api, ADMIN_TOKEN } from '../support/api-harness.js';
import { PASSWORD, person, signIn, tokenOf } from '../support/people.js';
import { startSmtpMailbox, type SmtpMailbox } from '../support/smtp-mailbox.js';

let api: Api;
let smtp: SmtpMailbox;
let mailbox: SmtpMailbox['mails'];

beforeAll(async () => {
  smtp = await startSmtpMailbox();
  mailbox = smtp.mails;
  api = await Api.start({
    people: {
      smtpUrl: smtp.url,
      mailFrom: 'Zairyu Ledger <ledger@sakura.example>',
      publicUrl: 'https://ledger.sakura.example',
    },
  });
});
afterAll(async () => {
  await api.close();
  await smtp.close();
});

/** The body of a text/plain mail, with quoted-printable soft line breaks undone. */
const textOf = (raw: string) =>
  raw
    .slice(raw.indexOf('\r\n\r\n') + 4)
    .replace(/=\r\n/g, '')
    .replace(/=3D/g, '=');

test('the first manager of a new organisation gets the link by mail, and the mailed link works once', async () => {
  const created = await api.http
    .post('/v1/organisations')
    .auth(ADMIN_TOKEN, { type: 'bearer' })
    .send({ name: 'Sakura Support', kind: 'support_organisation', firstManager: { name: 'Sato Hana', email: 'hana@sakura.example' } })
    .expect(201);
  expect(created.body.firstManager).toMatchObject({
    mailed: true,
    inviteUrl: expect.stringMatching(/^https:\/\/ledger\.sakura\.example\/#\/invitations\//),
  });
  expect(mailbox).toHaveLength(1);
  const mail = mailbox[0]!;
  expect(mail.to).toEqual(['hana@sakura.example']);
  expect(mail.from).toBe('ledger@sakura.example');
  expect(mail.raw).toMatch(/Subject: Sakura Support invites you to Zairyu Ledger/);
  const body = textOf(mail.raw);
  expect(body).toContain('Hello Sato Hana');
  const link = /https:\/\/ledger\.sakura\.example\/#\/invitations\/[A-Za-z0-9_-]{43}/.exec(body)?.[0];
  expect(link).toBe(created.body.firstManager.inviteUrl);

  await api.http
    .post(`/v1/invitations/${tokenOf(link!)}`)
    .send({ password: PASSWORD })
    .expect(204);
  await api.http
    .post(`/v1/invitations/${tokenOf(link!)}`)
    .send({ password: PASSWORD })
    .expect(410);
  expect((await signIn(api, 'hana@sakura.example')).response.status).toBe(200);
  expect(api.logs.join('')).not.toContain(tokenOf(link!));
});

test('a reset of access is mailed too', async () => {
  const org = await api.organisation('Fuji');
  const invited = await api.http
    .post(`/v1/organisations/${org.organisationId}/users`)
    .auth(org.manager, { type: 'bearer' })
    .send({ name: 'Ito Ken', email: 'ken@fuji.example', role: 'viewer' })
    .expect(201);
  await api.http
    .post(`/v1/invitations/${tokenOf(invited.body.inviteUrl)}`)
    .send({ password: PASSWORD })
    .expect(204);
  const before = mailbox.length;
  const reset = await api.http
    .post(`/v1/organisations/${org.organisationId}/users/${invited.body.id}/reset-access`)
    .auth(org.manager, { type: 'bearer' })
    .expect(201);
  expect(reset.body.mailed).toBe(true);
  expect(mailbox).toHaveLength(before + 1);
  expect(mailbox.at(-1)!.raw).toMatch(/Subject: Set a new password for Zairyu Ledger/);
  expect(textOf(mailbox.at(-1)!.raw)).toContain(reset.body.inviteUrl);
});

test('another manager’s reset goes by mail to that manager alone: the resetting manager is not shown the link', async () => {
  const org = await api.organisation('Kaede');
  const resetting = await person(api, org.organisationId, org.manager, 'manager');
  const peer = await person(api, org.organisationId, org.manager, 'manager');
  const before = mailbox.length;
  const reset = await resetting.agent
    .post(`/v1/organisations/${org.organisationId}/users/${peer.userId}/reset-access`)
    .set('x-csrf-token', resetting.csrf)
    .expect(201);
  expect(reset.body).toEqual({ id: peer.userId, inviteUrl: null, expiresAt: expect.any(String), mailed: true });
  expect(mailbox).toHaveLength(before + 1);
  expect(mailbox.at(-1)!.to).toEqual([peer.email]);
  const link = /https:\/\/ledger\.sakura\.example\/#\/invitations\/[A-Za-z0-9_-]{43}/.exec(textOf(mailbox.at(-1)!.raw))?.[0];
  expect(JSON.stringify(reset.body)).not.toContain(tokenOf(link!));
  // An organisation's manager key is no person either: the link goes by mail alike.
  const byKey = await api.http
    .post(`/v1/organisations/${org.organisationId}/users/${peer.userId}/reset-access`)
    .auth(org.manager, { type: 'bearer' })
    .expect(201);
  expect(byKey.body.inviteUrl).toBeNull();
  const newest = /https:\/\/ledger\.sakura\.example\/#\/invitations\/[A-Za-z0-9_-]{43}/.exec(textOf(mailbox.at(-1)!.raw))?.[0];
  await api.http
    .post(`/v1/invitations/${tokenOf(newest!)}`)
    .send({ password: 'a brand new passphrase!' })
    .expect(204);
  expect((await signIn(api, peer.email, 'a brand new passphrase!')).response.status).toBe(200);
  // A caseworker's reset still shows the link to the manager, as before.
  const caseworker = await person(api, org.organisationId, org.manager, 'caseworker');
  const shown = await resetting.agent
    .post(`/v1/organisations/${org.organisationId}/users/${caseworker.userId}/reset-access`)
    .set('x-csrf-token', resetting.csrf)
    .expect(201);
  expect(shown.body.inviteUrl).toMatch(/#\/invitations\//);
});
