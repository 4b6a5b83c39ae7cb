/**
 * Morning digests against a real SMTP server (smtp-server) and PostgreSQL: the right items on
 * the right day, nothing on a day with nothing new, escalation to managers once, one digest
 * with two API processes, and nothing twice after a restart.
 *
 * The resident landed on 2025-11-01 with a period of stay to 2026-06-30 and moved on Monday
 * 2026-01-05: the 14-day notice (19条の9) is due Monday 2026-01-19. Its reminder 7 days before
 * falls on 成人の日 (Monday 2026-01-12) and comes on Friday 2026-01-09; the one 2 days before
 * falls on Saturday 2026-01-17 and comes on Friday 2026-01-16. The renewal window of the period
 * opens on Wednesday 2026-04-01 (also 90 days before 30 June).
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { DigestRunner } from '../../apps/api/src/reminders/digest-runner.js';
import { Api, type Keys } from '../support/api-harness.js';
import { person, type SignedIn } from '../support/people.js';
import { startSmtpMailbox, type SmtpMailbox } from '../support/smtp-mailbox.js';

let api: Api;
let smtp: SmtpMailbox;
let keys: Keys;
let caseworker: SignedIn;
let manager: SignedIn;
let mailbox: SmtpMailbox['mails'];

/** 08:30 in Japan on `day`. */
const morningOf = (day: string) => new Date(`${day}T08:30:00+09:00`);

const textOf = (raw: string) => {
  const body = raw.slice(raw.indexOf('\r\n\r\n') + 4);
  if (/Content-Transfer-Encoding: base64/i.test(raw)) return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  return Buffer.from(
    body.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
    'latin1',
  ).toString('utf8');
};
/** The digests a person received (their invitation was mailed too). */
const mailsTo = (email: string) => mailbox.filter((mail) => mail.to.includes(email) && /^Message-ID:\s*<digest-/im.test(mail.raw));
const subjectOf = (raw: string) => {
  const encoded = /^Subject: (.*(?:\r\n[ \t].*)*)/m.exec(raw)?.[1] ?? '';
  const words = [...encoded.matchAll(/=\?UTF-8\?B\?([^?]*)\?=/gi)].map((match) => Buffer.from(match[1]!, 'base64'));
  // Encoded words may split a character: join their bytes before decoding.
  return words.length > 0 ? Buffer.concat(words).toString('utf8') : encoded.replace(/\r\n[ \t]/g, '');
};

beforeAll(async () => {
  smtp = await startSmtpMailbox();
  mailbox = smtp.mails;
  api = await Api.start({
    people: { smtpUrl: smtp.url, publicUrl: 'https://ledger.sakura.example' },
    reminders: { jobs: false },
  });
  keys = await api.organisation();
  caseworker = await person(api, keys.organisationId, keys.manager, 'caseworker');
  manager = await person(api, keys.organisationId, keys.manager, 'manager');
  const resident = await api.register(keys.caseworker, { fullName: 'NGUYEN VAN AN' });
  const facts: Array<[string, string, Record<string, unknown>]> = [
    [
      'Landed',
      '2025-11-01',
      { status: 'engineer_humanities_international', periodExpiresOn: '2026-06-30', card: { number: 'AB12345678CD' } },
    ],
    ['Moved', '2025-11-03', { address: '東京都新宿区西新宿2-8-1' }],
    ['ResidenceNotified', '2025-11-05', { address: '東京都新宿区西新宿2-8-1' }],
    ['Moved', '2026-01-05', { address: '東京都渋谷区神南1-1-1' }],
  ];
  for (const [type, occurredOn, data] of facts) {
    const response = await api.record(keys.caseworker, resident, type, occurredOn, data);
    expect(response.status).toBe(201);
  }
  // The read models include every write before the digest reads them.
  await api.http.get('/v1/deadlines').auth(keys.viewer, { type: 'bearer' }).expect(200);
  // The manager reads English.
  await manager.agent.put('/v1/me/reminders').set('x-csrf-token', manager.csrf).send({ language: 'en' }).expect(200);
});

afterAll(async () => {
  await api.close();
  await smtp.close();
});

describe('the daily digest', () => {
  test('Fri 2026-01-09: the reminder of the notice due Mon 2026-01-19, count only in the subject, names in the body', async () => {
    const outcomes = await api.app.get(DigestRunner).runDue(morningOf('2026-01-09'));
    expect(outcomes.map((outcome) => outcome.items).sort()).toEqual([1, 1]);
    const [mail] = mailsTo(caseworker.email);
    expect(mailsTo(caseworker.email)).toHaveLength(1);
    expect(subjectOf(mail!.raw)).toBe('【在留台帳】期限のお知らせ 1件');
    expect(subjectOf(mail!.raw)).not.toContain('NGUYEN');
    const body = textOf(mail!.raw);
    expect(body).toContain('NGUYEN VAN AN');
    expect(body).toContain('期限が近づいています: 住居地変更届出 — 期限 2026-01-19(あと10日)');
    expect(body).toMatch(/https:\/\/ledger\.sakura\.example\/#\/residents\/[0-9a-f-]{36}/);
    expect(subjectOf(mailsTo(manager.email)[0]!.raw)).toBe('[Zairyu Ledger] 1 deadline needs attention');
  });

  test('a digest before the chosen time, on 成人の日 or on a day with nothing new sends nothing', async () => {
    const runner = api.app.get(DigestRunner);
    expect(await runner.runDue(new Date('2026-01-13T07:59:00+09:00'))).toEqual([]);
    expect(await runner.runDue(morningOf('2026-01-12'))).toEqual([]);
    const before = mailbox.length;
    const outcomes = await runner.runDue(morningOf('2026-01-13'));
    expect(outcomes.map((outcome) => [outcome.items, outcome.deliveredBy])).toEqual([
      [0, 'none'],
      [0, 'none'],
    ]);
    expect(mailbox.length).toBe(before);
  });

  test('Fri 2026-01-16 brings the reminder of Saturday 2026-01-17; Tue 2026-01-20 the overdue notice, escalated to the manager once', async () => {
    const runner = api.app.get(DigestRunner);
    await runner.runDue(morningOf('2026-01-16'));
    expect(textOf(mailsTo(caseworker.email).at(-1)!.raw)).toContain('期限 2026-01-19(あと3日)');
    await runner.runDue(morningOf('2026-01-19'));
    const before = mailsTo(manager.email).length;
    await runner.runDue(morningOf('2026-01-20'));
    expect(textOf(mailsTo(caseworker.email).at(-1)!.raw)).toContain('期限超過: 住居地変更届出 — 期限 2026-01-19(1日超過)');
    expect(textOf(mailsTo(caseworker.email).at(-1)!.raw)).not.toContain('【要対応・超過】');
    const managerMails = mailsTo(manager.email);
    expect(managerMails.length).toBe(before + 1);
    expect(textOf(managerMails.at(-1)!.raw)).toContain(
      'Overdue / [ESCALATED: overdue]: Notify change of residence — due 2026-01-19 (1 day overdue)',
    );
    await runner.runDue(morningOf('2026-01-21'));
    expect(mailsTo(manager.email).length).toBe(before + 1);
  });

  test('Wed 2026-04-01: the renewal window opens (and the 90-day reminder of 30 June), in one line', async () => {
    await api.app.get(DigestRunner).runDue(morningOf('2026-04-01'));
    const body = textOf(mailsTo(caseworker.email).at(-1)!.raw);
    expect(body).toContain('期限が近づいています / 申請受付が始まりました: 在留期間更新許可申請 — 期限 2026-06-30(あと90日)');
  });

  test('two API processes on one database send one digest per person; after a restart nothing is sent twice', async () => {
    const second = await api.replica({
      people: { smtpUrl: smtp.url },
      reminders: { jobs: false },
    });
    try {
      const before = mailbox.length;
      // Friday 2026-05-29 brings the 30-day reminder of 30 June (Sunday 31 May).
      const [a, b] = await Promise.all([
        api.app.get(DigestRunner).runDue(morningOf('2026-05-29')),
        second.app.get(DigestRunner).runDue(morningOf('2026-05-29')),
      ]);
      expect([...a, ...b].filter((outcome) => outcome.items > 0)).toHaveLength(2);
      expect(mailbox.length).toBe(before + 2);
      expect(new Set(mailbox.slice(before).map((mail) => mail.to[0]))).toEqual(new Set([caseworker.email, manager.email]));
    } finally {
      await second.close();
    }
    const restarted = await api.replica({
      people: { smtpUrl: smtp.url },
      reminders: { jobs: false },
    });
    try {
      const before = mailbox.length;
      expect(await restarted.app.get(DigestRunner).runDue(morningOf('2026-05-29'))).toEqual([]);
      expect(mailbox.length).toBe(before);
    } finally {
      await restarted.close();
    }
  });

  test('the digests are listed under Notifications for their reader, and the settings are validated', async () => {
    const notifications = await caseworker.agent.get('/v1/me/notifications').expect(200);
    expect(notifications.body[0]).toMatchObject({
      day: '2026-05-29',
      items: 1,
      deliveredBy: 'smtp',
      subject: '【在留台帳】期限のお知らせ 1件',
    });
    const bad = await caseworker.agent
      .put('/v1/me/reminders')
      .set('x-csrf-token', caseworker.csrf)
      .send({ sendAt: '25:00', leadDays: { period_renewal: [-1] } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((error: { field: string }) => error.field)).toEqual(['sendAt']);
    const badLead = await caseworker.agent
      .put('/v1/me/reminders')
      .set('x-csrf-token', caseworker.csrf)
      .send({ leadDays: { period_renewal: [-1] } });
    expect(badLead.body.errors).toEqual([
      { field: 'leadDays.period_renewal', message: 'must be up to 10 whole numbers of days from 0 to 366' },
    ]);
    const key = await api.http.get('/v1/me/reminders').auth(keys.caseworker, { type: 'bearer' });
    expect(key.status).toBe(403);
  });
});
