/**
 * An erasure replaces the person's name in the copies kept for staff (the digests of
 * "Notifications" and the webhook deliveries), found by the resident's id: erasing
 * HOOK PERSON 2 leaves HOOK PERSON 20 … 29 as they were.
 *
 * Dates: each moved on Monday 2026-01-05; the 14-day notice is due Monday 2026-01-19, so the
 * digest of Friday 2026-01-09 names them all, and the webhooks of Monday 2026-01-12 (7 days before).
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { DigestRunner } from '../../apps/api/src/reminders/digest-runner.js';
import { WebhookDispatcher } from '../../apps/api/src/reminders/webhook-dispatcher.js';
import { Api, type Keys } from '../support/api-harness.js';
import { person, type SignedIn } from '../support/people.js';

const NAMES = ['HOOK PERSON 2', ...Array.from({ length: 10 }, (_, i) => `HOOK PERSON ${20 + i}`)];
const FRIDAY = new Date('2026-01-09T08:30:00+09:00');
const MONDAY = new Date('2026-01-12T08:30:00+09:00');

let api: Api;
let org: Keys;
let manager: SignedIn;
const ids = new Map<string, string>();

beforeAll(async () => {
  api = await Api.start({ reminders: { jobs: false, webhookAllowPrivate: true } });
  org = await api.organisation();
  manager = await person(api, org.organisationId, org.manager, 'manager');
  for (const fullName of NAMES) {
    const id = await api.register(org.caseworker, { fullName, dateOfBirth: '1995-05-05' });
    await api
      .record(org.caseworker, id, 'Landed', '2025-11-01', { status: 'engineer_humanities_international', periodExpiresOn: '2026-06-30' })
      .expect(201);
    await api.record(org.caseworker, id, 'Moved', '2026-01-05', { address: '東京都渋谷区神南1-1-1' }).expect(201);
    ids.set(fullName, id);
  }
  await api.http
    .post(`/v1/organisations/${org.organisationId}/webhooks`)
    .auth(org.manager, { type: 'bearer' })
    .send({ url: 'http://127.0.0.1:9/hooks/zairyu' })
    .expect(201);
  await api.http.get('/v1/deadlines').auth(org.viewer, { type: 'bearer' }).expect(200);
  await api.app.get(DigestRunner).runDue(FRIDAY);
  await api.app.get(WebhookDispatcher).runDue(MONDAY);
});

afterAll(async () => {
  await api.close();
});

const digestLines = async () => {
  const notifications = await manager.agent.get('/v1/me/notifications').expect(200);
  return (notifications.body[0].body as string).split('\n');
};

const deliveredNames = async () => {
  const { rows } = await api.runtime.pool.query<{ resident_id: string; name: string }>(
    `SELECT payload->'deadline'->>'residentId' AS resident_id, payload->'deadline'->>'residentName' AS name FROM reminder.webhook_delivery`,
  );
  return rows;
};

test('erasing HOOK PERSON 2 replaces their name alone: HOOK PERSON 20 … 29 keep theirs in the digest and the webhook deliveries', async () => {
  const before = await digestLines();
  for (const name of NAMES) expect([name, before.includes(name)]).toEqual([name, true]);
  expect((await deliveredNames()).length).toBeGreaterThanOrEqual(NAMES.length);

  await api.http
    .post(`/v1/residents/${ids.get('HOOK PERSON 2')}/erasure`)
    .auth(org.manager, { type: 'bearer' })
    .send({ reason: 'data_subject_request' })
    .expect(200);

  const after = await digestLines();
  expect(after).not.toContain('HOOK PERSON 2');
  expect(after).toContain('(消去済み / erased)');
  for (const name of NAMES.slice(1)) expect([name, after.includes(name)]).toEqual([name, true]);
  expect(after.filter((line) => !line.startsWith('HOOK PERSON') && line !== '(消去済み / erased)')).toEqual(
    before.filter((line) => !line.startsWith('HOOK PERSON')),
  );
  for (const { resident_id, name } of await deliveredNames()) {
    const fullName = [...ids].find(([, id]) => id === resident_id)![0];
    expect([resident_id, name]).toEqual([resident_id, fullName === 'HOOK PERSON 2' ? '(消去済み / erased)' : fullName]);
  }
});
