/**
 * The organisation's own deadline in the morning digest (docs/ssw-duties.md §7, §8: "the ICS feed and
 * digests carry these deadlines like every other"). Its registration as a 登録支援機関 expires on
 * 2026-07-31: the renewal window runs from Thursday 1 January 2026 — inside the New Year closure —
 * to Tuesday 31 March. The opening is told on the first working day, Monday 5 January; the
 * reminder 60 days before the last day comes on Friday 30 January. Another organisation hears
 * nothing of it.
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { DigestRunner } from '../../apps/api/src/reminders/digest-runner.js';
import { Api, type Keys } from '../support/api-harness.js';
import { person, type SignedIn } from '../support/people.js';

let api: Api;
let sakura: Keys;
let fuji: Keys;
let manager: SignedIn;
let otherManager: SignedIn;

const morningOf = (day: string) => new Date(`${day}T08:30:00+09:00`);
const itemsOf = (outcomes: Array<{ userId: string; items: number }>, who: SignedIn) =>
  outcomes.find((outcome) => outcome.userId === who.userId)?.items;
const latestOf = async (who: SignedIn) => (await who.agent.get('/v1/me/notifications').expect(200)).body[0];

beforeAll(async () => {
  api = await Api.start({ reminders: { jobs: false } });
  sakura = await api.organisation('Sakura Support');
  fuji = await api.organisation('Fuji Support');
  manager = await person(api, sakura.organisationId, sakura.manager, 'manager');
  otherManager = await person(api, fuji.organisationId, fuji.manager, 'manager');
  await api.http
    .patch(`/v1/organisations/${sakura.organisationId}`)
    .auth(sakura.manager, { type: 'bearer' })
    .send({ registrationExpiresOn: '2026-07-31' })
    .expect(200);
});
afterAll(() => api.close());

test('Fri 2025-12-26: nothing yet; Mon 2026-01-05: the window that opened on 1 January, under the organisation', async () => {
  const runner = api.app.get(DigestRunner);
  const before = await runner.runDue(morningOf('2025-12-26'));
  expect(itemsOf(before, manager)).toBe(0);
  const after = await runner.runDue(morningOf('2026-01-05'));
  expect(itemsOf(after, manager)).toBe(1);
  expect(itemsOf(after, otherManager)).toBe(0);
  const body: string = (await latestOf(manager)).body;
  expect(body).toContain('組織の期限');
  expect(body).toContain('申請受付が始まりました: 登録支援機関の登録更新申請 — 期限 2026-03-31');
});

test('Fri 2026-01-30: the reminder 60 days before 31 March', async () => {
  const outcomes = await api.app.get(DigestRunner).runDue(morningOf('2026-01-30'));
  expect(itemsOf(outcomes, manager)).toBe(1);
  expect((await latestOf(manager)).body).toContain('登録支援機関の登録更新申請 — 期限 2026-03-31(あと60日)');
});
