/**
 * One meaning of "as of" (libs/domain as-of.ts) across every read: the status, the summary,
 * the resident's deadlines, the caseload lists and the card look-up, on the days around a
 * period that ends on a Saturday and an extension applied for on the Monday (in time: the last
 * day moves to the next working day).
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { Api, type Keys } from '../support/api-harness.js';

let api: Api;
let org: Keys;

beforeAll(async () => {
  api = await Api.start();
  org = await api.organisation('As Of Support');
});
afterAll(async () => {
  await api.close();
});

const SATURDAY = '2026-02-28';
const SUNDAY = '2026-03-01';
const MONDAY = '2026-03-02';
const CARD = 'AO12345678AA';

async function everyRead(residentId: string, asOf: string) {
  const get = async (path: string) => (await api.http.get(path).auth(org.viewer, { type: 'bearer' }).expect(200)).body;
  const status = await get(`/v1/residents/${residentId}/status?asOf=${asOf}`);
  const summary = await get(`/v1/residents/${residentId}?asOf=${asOf}`);
  const listed = (await get(`/v1/residents?asOf=${asOf}&query=${CARD}`)).items[0];
  const card = await get(`/v1/cards/${CARD}?asOf=${asOf}`);
  const own = await get(`/v1/residents/${residentId}/deadlines?asOf=${asOf}`);
  const caseload = (await get(`/v1/deadlines?asOf=${asOf}&pageSize=200`)).items.filter(
    (deadline: { residentId: string }) => deadline.residentId === residentId,
  );
  return { status, summary, listed, card, own, caseload };
}

type Reads = Awaited<ReturnType<typeof everyRead>>;
const states = (deadlines: Array<{ kind: string; state: string }>) =>
  deadlines.map((deadline) => `${deadline.kind}:${deadline.state}`).sort();

/** Every read tells the same story. */
function expectAgreement(reads: Reads) {
  expect(reads.summary.status).toEqual(reads.status);
  expect({ ...reads.listed.status, residentId: reads.status.residentId }).toEqual(reads.status);
  expect(reads.card.state).toBe(reads.status.card.state);
  expect(reads.card.expiresOn).toBe(reads.status.card.expiresOn);
  expect(states(reads.caseload)).toEqual(states(reads.own));
  expect(reads.listed.nextDeadline).toEqual(reads.summary.nextDeadline);
}

describe('"as of" is that day, seen with everything recorded now (docs/domain-rules.md §4)', () => {
  test('period ends Saturday 2026-02-28, extension applied Monday 2026-03-02: Sunday is expired before the application is recorded, special period after', async () => {
    const id = await api.register(org.caseworker, { fullName: 'AS OF SUNDAY' });
    await api
      .record(org.caseworker, id, 'Landed', '2025-03-01', {
        status: 'engineer_humanities_international',
        periodExpiresOn: SATURDAY,
        card: { number: CARD },
      })
      .expect(201);

    const before = await everyRead(id, SUNDAY);
    expectAgreement(before);
    expect(before.status.residence).toMatchObject({ lawful: false, basis: 'none' });
    expect(before.card.state).toBe('expired');
    // The renewal deadline is still open: its last day moved to Monday.
    expect(before.own.find((d: { kind: string }) => d.kind === 'period_renewal')).toMatchObject({
      statutoryDueOn: SATURDAY,
      dueOn: MONDAY,
      state: 'open',
    });

    await api.record(org.caseworker, id, 'ExtensionApplied', MONDAY).expect(201);
    for (const [day, basis] of [
      [SATURDAY, 'period_of_stay'],
      [SUNDAY, 'special_period'],
      [MONDAY, 'special_period'],
    ] as const) {
      const reads = await everyRead(id, day);
      expectAgreement(reads);
      expect(reads.status.residence).toMatchObject({ lawful: true, basis });
      expect(reads.card.state).toBe('valid');
      // Met on Monday, so still open on the days before; the card never lapsed, so nothing is owed back.
      expect(reads.own.find((d: { kind: string }) => d.kind === 'period_renewal')?.state).toBe(day === MONDAY ? 'met' : 'open');
      expect(reads.own.map((d: { kind: string }) => d.kind)).not.toContain('card_surrender');
    }
  });
});
