/**
 * Three whole caseworker stories, written as the API calls a caseworker's client would make.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { Api, type Keys } from '../support/api-harness.js';

let api: Api;
let org: Keys;

beforeAll(async () => {
  api = await Api.start();
  org = await api.organisation('Tokai Support Center', 'support_organisation');
});
afterAll(() => api.close());

const get = async (path: string) => (await api.http.get(path).auth(org.viewer, { type: 'bearer' }).expect(200)).body;
const record = async (id: string, type: string, occurredOn: string, data: Record<string, unknown> = {}) =>
  (await api.record(org.caseworker, id, type, occurredOn, data).expect(201)).body;
const deadline = async (id: string, asOf: string, kind: string) =>
  (await get(`/v1/residents/${id}/deadlines?asOf=${asOf}`)).filter((d: { kind: string }) => d.kind === kind);

describe('a Specified Skilled Worker supported by a support organisation (登録支援機関)', () => {
  /**
   * Binh's life, chapter by chapter. Each test replays the chapters before its own for a
   * resident of its own, so any one runs alone and a failure stays in its chapter. "As of"
   * is that day seen with everything recorded, so each chapter's facts come first and its
   * checks after.
   */
  const chapters: Array<(id: string) => Promise<void>> = [
    async (id) => {
      await record(id, 'Landed', '2025-04-01', {
        status: 'specified_skilled_worker_1',
        periodExpiresOn: '2026-03-31',
        port: 'Chubu',
        card: { number: cardNumber(id, 1) },
      });
      await record(id, 'Moved', '2025-04-05', { address: 'Nagoya' });
      await record(id, 'ResidenceNotified', '2025-04-10', { address: 'Nagoya' });
    },
    async (id) => {
      await record(id, 'AffiliationChanged', '2025-10-31', { kind: 'contract', change: 'contract_ended', organisation: 'Tokai Foods' });
      await record(id, 'AffiliationNotified', '2025-11-07');
      await record(id, 'AffiliationChanged', '2025-12-15', { kind: 'contract', change: 'new_contract', organisation: 'Chubu Care' });
      await record(id, 'AffiliationNotified', '2025-12-20');
    },
    async (id) => {
      await record(id, 'ExtensionApplied', '2026-02-02');
      await record(id, 'ExtensionGranted', '2026-04-10', { periodExpiresOn: '2027-04-10', card: { number: cardNumber(id, 2) } });
    },
    async (id) => {
      await record(id, 'CardLost', '2026-06-01');
      await record(id, 'CardIssued', '2026-06-10', { card: { number: cardNumber(id, 3) }, reason: 'loss_reissue' });
      await record(id, 'Departed', '2026-08-01', { reentry: 'deemed' });
      await record(id, 'Reentered', '2026-08-20');
    },
  ];
  const names = new Map<string, number>();
  /** Card numbers of one resident: SW + 8 digits + AA, unique across the organisation. */
  const cardNumber = (id: string, nth: number) => `SW${String(names.get(id)! * 10 + nth).padStart(8, '0')}AA`;

  /** Binh, registered with a name of his own, after the chapters up to `chapter` (1-based). */
  async function binhThrough(chapter: number): Promise<string> {
    const id = await api.register(org.caseworker, {
      fullName: `TRAN VAN BINH ${names.size + 1}`,
      dateOfBirth: '1998-07-21',
      nationality: 'VNM',
      externalRef: `SSW-${names.size + 1}`,
    });
    names.set(id, names.size + 1);
    for (const play of chapters.slice(0, chapter)) await play(id);
    return id;
  }
  const nameOf = (id: string) => `TRAN VAN BINH ${names.get(id)}`;

  test('lands, settles and notifies the residence', async () => {
    const id = await binhThrough(1);
    expect(await deadline(id, '2025-04-05', 'residence_notification')).toEqual([
      expect.objectContaining({
        statutoryDueOn: '2025-04-19',
        dueOn: '2025-04-21',
        state: 'open',
        legalBasis: expect.stringContaining('19条の7'),
      }),
    ]);
    expect((await deadline(id, '2025-04-10', 'residence_notification'))[0].state).toBe('met');
  });

  test('loses the job: notification due in 14 days, revocation risk to 2026-01-31; then a new contract', async () => {
    const id = await binhThrough(2);
    expect((await deadline(id, '2025-11-01', 'affiliation_notification'))[0]).toMatchObject({
      statutoryDueOn: '2025-11-14',
      state: 'open',
    });
    expect((await deadline(id, '2025-11-01', 'activity_gap_revocation_risk'))[0]).toMatchObject({
      statutoryDueOn: '2026-01-31',
      state: 'open',
    });
    expect((await deadline(id, '2025-12-15', 'activity_gap_revocation_risk'))[0].state).toBe('met');
    const caseload = await get('/v1/deadlines?from=2025-12-15&to=2026-01-31&kind=affiliation_notification&asOf=2025-12-15');
    expect(caseload.items.filter((item: { residentId: string }) => item.residentId === id)).toEqual([
      // 2025-12-29 falls in the New Year closure (29 Dec – 3 Jan), then a Sunday: accepted until 2026-01-05.
      expect.objectContaining({
        residentId: id,
        residentName: nameOf(id),
        statutoryDueOn: '2025-12-29',
        dueOn: '2026-01-05',
        state: 'open',
      }),
    ]);
  });

  test('extends: the special period covers the wait, the grant brings a new card', async () => {
    const id = await binhThrough(3);
    expect((await deadline(id, '2025-12-31', 'period_renewal'))[0]).toMatchObject({
      opensOn: '2026-01-01',
      statutoryDueOn: '2026-03-31',
      state: 'upcoming',
    });
    const waiting = await get(`/v1/residents/${id}/status?asOf=2026-04-05`);
    expect(waiting.residence).toMatchObject({ lawful: true, basis: 'special_period', lawfulUntil: '2026-05-31' });
    expect(waiting.card.state).toBe('valid');
    expect(await get(`/v1/cards/${cardNumber(id, 1)}?asOf=2026-04-10`)).toMatchObject({
      residentId: id,
      state: 'invalidated',
      invalidationReason: 'replaced',
      invalidatedOn: '2026-04-10',
    });
    expect(await get(`/v1/cards/${cardNumber(id, 2)}?asOf=2026-04-10`)).toMatchObject({
      residentId: id,
      state: 'valid',
      expiresOn: '2027-04-10',
    });
  });

  test('loses the card, gets it reissued, travels on a deemed re-entry and returns', async () => {
    const id = await binhThrough(4);
    expect((await get(`/v1/residents/${id}/status?asOf=2026-06-05`)).card).toMatchObject({ number: cardNumber(id, 2), state: 'valid' });
    const abroad = await get(`/v1/residents/${id}?asOf=2026-08-10`);
    expect(abroad.status.residence).toMatchObject({ basis: 'deemed_reentry_abroad', inJapan: false });
    expect((await deadline(id, '2026-08-10', 'reentry'))[0]).toMatchObject({ statutoryDueOn: '2027-04-10', state: 'open' });
    const back = await get(`/v1/residents/${id}?asOf=2026-08-20`);
    expect(back.status).toMatchObject({
      residence: { inJapan: true, basis: 'period_of_stay' },
      card: { number: cardNumber(id, 3), state: 'valid' },
      work: { permission: 'status_activities_only' },
    });
    expect(back.version).toBe(14);
  });
});

describe('a student who changes to Engineer/Humanities/International after graduating', () => {
  test('works 28 hours a week as a student, then full time under the new status', async () => {
    const id = await api.register(org.caseworker, { fullName: 'LE THI HOA', dateOfBirth: '2001-02-28', nationality: 'VNM' });
    await record(id, 'Landed', '2024-04-01', { status: 'student', periodExpiresOn: '2026-04-30', card: { number: 'ST20000001AA' } });
    await record(id, 'ExtraActivityPermitted', '2024-04-01', { scope: 'comprehensive' });
    expect((await get(`/v1/residents/${id}/status?asOf=2025-01-10`)).work).toEqual({
      permission: 'not_permitted',
      extraActivityHoursPerWeek: 28,
    });
    await record(id, 'AffiliationChanged', '2026-03-20', { kind: 'activity', change: 'left', organisation: 'Kyushu University' });
    await record(id, 'StatusChangeApplied', '2026-03-25', { toStatus: 'engineer_humanities_international' });
    expect((await get(`/v1/residents/${id}/status?asOf=2026-05-10`)).residence).toMatchObject({
      basis: 'special_period',
      status: 'student',
      lawfulUntil: '2026-06-30',
    });
    await record(id, 'StatusChangeGranted', '2026-05-20', {
      status: 'engineer_humanities_international',
      periodExpiresOn: '2029-05-20',
      card: { number: 'EH20000002AA' },
    });
    const after = await get(`/v1/residents/${id}/status?asOf=2026-05-20`);
    expect(after).toMatchObject({
      residence: { lawful: true, status: 'engineer_humanities_international', lawfulUntil: '2029-05-20' },
      card: { number: 'EH20000002AA', state: 'valid' },
      work: { permission: 'status_activities_only', extraActivityHoursPerWeek: null },
    });
    const renewals = await deadline(id, '2026-05-20', 'period_renewal');
    expect(renewals.map((d: { state: string; statutoryDueOn: string }) => [d.statutoryDueOn, d.state])).toEqual([
      ['2026-04-30', 'met'],
      ['2029-05-20', 'upcoming'],
    ]);
  });
});

describe('a permanent resident whose deemed re-entry lapses', () => {
  test('abroad more than a year: status and card lost the next day, surrender due, return refused', async () => {
    const id = await api.register(org.caseworker, { fullName: 'SANTOS MARIA', dateOfBirth: '1980-12-31', nationality: 'PHL' });
    await record(id, 'Landed', '2019-04-01', {
      status: 'spouse_of_japanese',
      periodExpiresOn: '2024-04-01',
      card: { number: 'SP30000001AA' },
    });
    await record(id, 'PermanentResidenceApplied', '2022-05-01');
    await record(id, 'PermanentResidenceGranted', '2023-02-28', { card: { number: 'PR30000002AA' } });
    expect((await get(`/v1/residents/${id}/status?asOf=2024-01-01`)).card).toMatchObject({ expiresOn: '2030-02-27', state: 'valid' });
    await record(id, 'Departed', '2025-06-30', { reentry: 'deemed' });
    expect((await get(`/v1/residents/${id}/status?asOf=2026-06-30`)).residence).toMatchObject({
      lawful: true,
      basis: 'deemed_reentry_abroad',
    });
    const lapsed = await get(`/v1/residents/${id}/status?asOf=2026-07-01`);
    expect(lapsed).toMatchObject({
      residence: { lawful: false, basis: 'none', inJapan: false },
      card: { state: 'invalidated', invalidationReason: 'reentry_lapsed', invalidatedOn: '2026-07-01' },
      work: { permission: 'not_permitted' },
    });
    expect(await get('/v1/cards/PR30000002AA?asOf=2026-07-01')).toMatchObject({
      state: 'invalidated',
      invalidationReason: 'reentry_lapsed',
    });
    expect((await deadline(id, '2026-07-01', 'card_surrender'))[0]).toMatchObject({ statutoryDueOn: '2026-07-15', state: 'open' });
    expect((await deadline(id, '2026-07-01', 'reentry'))[0].state).toBe('overdue');
    const late = await api.record(org.caseworker, id, 'Reentered', '2026-07-02').expect(422);
    expect(late.body.code).toBe('REENTRY_LAPSED');
  });
});
