/**
 * 育成就労 facts through the API (docs/domain-rules.md §11): a transfer's shape is checked at the
 * edge (400 with the field), and the rules answer 422 with a stable code — here for a resident who
 * does not hold 育成就労 (the status starts on 2027-04-01, so no one holds it yet).
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { Api, type Keys } from '../support/api-harness.js';

let api: Api;
let org: Keys;
let resident: string;

beforeAll(async () => {
  api = await Api.start();
  org = await api.organisation('Nagoya Support');
  resident = await api.register(org.caseworker);
  await api
    .record(org.caseworker, resident, 'Landed', '2026-04-01', {
      status: 'technical_intern_training_1',
      periodExpiresOn: '2027-03-31',
      card: { number: 'TI12345678AA' },
    })
    .expect(201);
});
afterAll(() => api.close());

test('a transfer with a restriction period of 25 months: 400 naming the field; with no reason: 400', async () => {
  const tooLong = await api
    .record(org.caseworker, resident, 'SkillDevelopmentTransferred', '2026-11-02', { reason: 'own_will', restrictionMonths: 25 })
    .expect(400);
  expect(JSON.stringify(tooLong.body)).toContain('restrictionMonths');
  const noReason = await api.record(org.caseworker, resident, 'SkillDevelopmentTransferred', '2026-11-02', {}).expect(400);
  expect(JSON.stringify(noReason.body)).toContain('reason');
});

test('a transfer or a year more for a resident in 技能実習, not 育成就労: 422 NOT_SKILL_DEVELOPMENT, nothing written', async () => {
  const before = await api.eventCount();
  const transfer = await api
    .record(org.caseworker, resident, 'SkillDevelopmentTransferred', '2026-11-02', { reason: 'unavoidable' })
    .expect(422);
  expect(transfer.headers['content-type']).toContain('application/problem+json');
  expect(transfer.body.code).toBe('NOT_SKILL_DEVELOPMENT');
  const extension = await api.record(org.caseworker, resident, 'SkillDevelopmentExtensionApproved', '2026-11-02').expect(422);
  expect(extension.body.code).toBe('NOT_SKILL_DEVELOPMENT');
  expect(await api.eventCount()).toBe(before);
});

test("another organisation's caseworker cannot record on this resident: 404", async () => {
  const other = await api.organisation('Kobe Support');
  await api.record(other.caseworker, resident, 'SkillDevelopmentTransferred', '2026-11-02', { reason: 'unavoidable' }).expect(404);
});
