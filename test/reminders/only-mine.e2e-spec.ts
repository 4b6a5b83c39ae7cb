/**
 * "Only mine": a caseworker who chose it hears only of residents assigned to them; a
 * colleague with no assigned residents hears nothing; a manager who chose it still gets the
 * escalation of everyone's overdue deadlines, since escalation exists for what nobody dealt with.
 *
 * Both residents moved on Monday 2026-01-05: each 14-day notice (19条の9) is due Monday
 * 2026-01-19; its 7-day reminder falls on 成人の日 (Monday 2026-01-12) and comes on Friday
 * 2026-01-09; it is overdue from Tuesday 2026-01-20. Digests go without SMTP (kept for the UI).
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { DigestRunner } from '../../apps/api/src/reminders/digest-runner.js';
import { Api, type Keys } from '../support/api-harness.js';
import { person, type SignedIn } from '../support/people.js';

let api: Api;
let keys: Keys;
let yuki: SignedIn;
let ken: SignedIn;
let manager: SignedIn;

const morningOf = (day: string) => new Date(`${day}T08:30:00+09:00`);

async function movedResident(fullName: string, assignedTo?: string): Promise<void> {
  const resident = await api.register(keys.caseworker, { fullName });
  const facts: Array<[string, string, Record<string, unknown>]> = [
    ['Landed', '2025-11-01', { status: 'engineer_humanities_international', periodExpiresOn: '2026-06-30' }],
    ['Moved', '2025-11-03', { address: '東京都新宿区西新宿2-8-1' }],
    ['ResidenceNotified', '2025-11-05', { address: '東京都新宿区西新宿2-8-1' }],
    ['Moved', '2026-01-05', { address: '東京都渋谷区神南1-1-1' }],
  ];
  if (assignedTo) facts.push(['CaseAssigned', '2026-01-05', { assignedTo }]);
  for (const [type, occurredOn, data] of facts)
    expect((await api.record(keys.caseworker, resident, type, occurredOn, data)).status).toBe(201);
}

const choose = (who: SignedIn, scope: string) =>
  who.agent.put('/v1/me/reminders').set('x-csrf-token', who.csrf).send({ scope }).expect(200);

const latestOf = async (who: SignedIn) => (await who.agent.get('/v1/me/notifications').expect(200)).body[0];

beforeAll(async () => {
  api = await Api.start({ reminders: { jobs: false } });
  keys = await api.organisation();
  yuki = await person(api, keys.organisationId, keys.manager, 'caseworker');
  ken = await person(api, keys.organisationId, keys.manager, 'caseworker');
  manager = await person(api, keys.organisationId, keys.manager, 'manager');
  await movedResident('TRAN THI BICH', yuki.userId);
  await movedResident('LE VAN CUONG');
  await api.http.get('/v1/deadlines').auth(keys.viewer, { type: 'bearer' }).expect(200);
  for (const who of [yuki, ken, manager]) await choose(who, 'mine');
});

afterAll(async () => {
  await api.close();
});

test('the setting is kept, shown, and refused when it is neither "caseload" nor "mine"', async () => {
  expect((await yuki.agent.get('/v1/me/reminders').expect(200)).body.scope).toBe('mine');
  const bad = await yuki.agent.put('/v1/me/reminders').set('x-csrf-token', yuki.csrf).send({ scope: 'team' });
  expect(bad.status).toBe(400);
  expect(bad.body.errors.map((error: { field: string }) => error.field)).toEqual(['scope']);
});

test('Fri 2026-01-09: Yuki hears of her resident only; Ken, with none assigned, hears nothing', async () => {
  const outcomes = await api.app.get(DigestRunner).runDue(morningOf('2026-01-09'));
  const itemsOf = (who: SignedIn) => outcomes.find((outcome) => outcome.userId === who.userId)?.items;
  expect([itemsOf(yuki), itemsOf(ken), itemsOf(manager)]).toEqual([1, 0, 0]);
  expect((await latestOf(yuki)).body).toContain('TRAN THI BICH');
  expect((await latestOf(yuki)).body).not.toContain('LE VAN CUONG');
});

test('Tue 2026-01-20: the manager who chose "only mine" is still told of both overdue notices (escalation)', async () => {
  const outcomes = await api.app.get(DigestRunner).runDue(morningOf('2026-01-20'));
  expect(outcomes.find((outcome) => outcome.userId === manager.userId)?.items).toBe(2);
  const body: string = (await latestOf(manager)).body;
  expect(body).toContain('TRAN THI BICH');
  expect(body).toContain('LE VAN CUONG');
  expect(outcomes.find((outcome) => outcome.userId === ken.userId)?.items).toBe(0);
});
