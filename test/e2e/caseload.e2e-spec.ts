import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { Api, type Keys } from '../support/api-harness.js';
import { invite } from '../support/people.js';

let api: Api;
let org: Keys;
let other: Keys;
/** A caseworker of the organisation, the one in charge of An. */
let tanaka: string;

beforeAll(async () => {
  api = await Api.start();
  org = await api.organisation();
  other = await api.organisation('Other Office', 'scrivener_office');
  tanaka = (await invite(api, org.organisationId, org.manager, 'caseworker')).userId;
});
afterAll(() => api.close());

const list = (query: string, token = org.viewer) => api.http.get(`/v1/residents?${query}`).auth(token, { type: 'bearer' });
const names = (body: { items: Array<{ fullName: string }> }) => body.items.map((item) => item.fullName).sort();

async function takenOver(fullName: string, extra: Record<string, unknown>, existing: Record<string, unknown>): Promise<string> {
  const response = await api.http
    .post('/v1/residents')
    .auth(org.caseworker, { type: 'bearer' })
    .send({ fullName, dateOfBirth: '1995-03-03', nationality: 'VNM', ...extra })
    .expect(201);
  await api.record(org.caseworker, response.body.id, 'ExistingStatusRecorded', '2026-11-30', existing).expect(201);
  return response.body.id;
}

describe('the caseload: profile, duplicates, corrections, closing, filters and search', () => {
  let an: string;
  let binh: string;
  let chi: string;

  beforeAll(async () => {
    an = await takenOver(
      'Nguyễn Văn An',
      {
        nameKana: 'グエン・ヴァン・アン',
        passportNumber: 'C1234567',
        phone: '090-1234-5678',
        assignedTo: tanaka,
        employer: '株式会社さくら',
      },
      { status: 'specified_skilled_worker_1', periodExpiresOn: '2027-03-31', card: { number: 'AB12345678CD' } },
    );
    binh = await takenOver(
      'TRAN THI BINH',
      { dateOfBirth: '1999-09-09', nameKana: 'チャン・ティ・ビン' },
      {
        status: 'student',
        periodExpiresOn: '2026-11-20',
        card: { number: 'CD12345678EF' },
        pendingApplication: { kind: 'extension', appliedOn: '2026-11-10', receiptNumber: 'TKY-123' },
      },
    );
    chi = await takenOver(
      'LE CHI',
      { dateOfBirth: '2000-01-01', nationality: 'PHL' },
      { status: 'engineer_humanities_international', periodExpiresOn: '2029-05-31', inJapan: false },
    );
  });

  test('the profile fields and pendingApplication appear in the summary and the list alike', async () => {
    const summary = await api.http.get(`/v1/residents/${binh}?asOf=2026-12-01`).auth(org.viewer, { type: 'bearer' }).expect(200);
    expect(summary.body).toMatchObject({
      nameKana: 'チャン・ティ・ビン',
      closed: false,
      pendingApplication: { type: 'extension', appliedOn: '2026-11-10', receiptNumber: 'TKY-123', daysPending: 21 },
      status: { residence: { basis: 'special_period', lawfulUntil: '2027-01-20' } },
    });
    const listed = await list('query=binh&asOf=2026-12-01').expect(200);
    expect(listed.body.items).toEqual([summary.body]);
    const own = await api.http.get(`/v1/residents/${an}`).auth(org.viewer, { type: 'bearer' }).expect(200);
    expect(own.body).toMatchObject({
      passportNumber: 'C1234567',
      phone: '090-1234-5678',
      assignedTo: tanaka,
      employer: '株式会社さくら',
    });
  });

  test('search: Nguyen finds Nguyễn, any word of the name, the katakana reading, a card typed loosely', async () => {
    expect(names((await list('query=nguyen').expect(200)).body)).toEqual(['Nguyễn Văn An']);
    expect(names((await list('query=AN').expect(200)).body)).toEqual(['Nguyễn Văn An']);
    expect(names((await list(`query=${encodeURIComponent('van  an')}`).expect(200)).body)).toEqual(['Nguyễn Văn An']);
    expect(names((await list(`query=${encodeURIComponent('ビン')}`).expect(200)).body)).toEqual(['TRAN THI BINH']);
    expect(names((await list(`query=${encodeURIComponent('ab 1234-5678 cd')}`).expect(200)).body)).toEqual(['Nguyễn Văn An']);
    expect(names((await list(`query=${encodeURIComponent('ａｂ１２３４５６７８ｃｄ')}`).expect(200)).body)).toEqual(['Nguyễn Văn An']);
    expect((await list('query=nguyen', other.viewer).expect(200)).body).toEqual({ items: [], total: 0 });
  });

  test('filters: status, period expiring between, in Japan, pending, assigned caseworker', async () => {
    expect(names((await list('status=student').expect(200)).body)).toEqual(['TRAN THI BINH']);
    expect(names((await list('periodExpiresFrom=2027-01-01&periodExpiresTo=2027-12-31').expect(200)).body)).toEqual(['Nguyễn Văn An']);
    expect(names((await list('inJapan=false').expect(200)).body)).toEqual(['LE CHI']);
    expect(names((await list('pending=any').expect(200)).body)).toEqual(['TRAN THI BINH']);
    expect(names((await list('pending=permanent').expect(200)).body)).toEqual([]);
    expect(names((await list(`assignedTo=${tanaka}`).expect(200)).body)).toEqual(['Nguyễn Văn An']);
    const bad = await list('inJapan=yes&pending=visa&closed=maybe&status=tourist').expect(400);
    expect(bad.body.errors.map((error: { field: string }) => error.field).sort()).toEqual(['closed', 'inJapan', 'pending', 'status']);
  });

  test('409 POSSIBLE_DUPLICATE names the open resident with the same name, birth date and nationality; ?confirm=true registers', async () => {
    const again = { fullName: 'AN NGUYEN VAN', dateOfBirth: '1995-03-03', nationality: 'VNM' };
    const refused = await api.http.post('/v1/residents').auth(org.caseworker, { type: 'bearer' }).send(again).expect(409);
    expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(refused.body).toMatchObject({ code: 'POSSIBLE_DUPLICATE', duplicateOf: an });
    // Another organisation never learns of it.
    await api.http.post('/v1/residents').auth(other.caseworker, { type: 'bearer' }).send(again).expect(201);
    const confirmed = await api.http.post('/v1/residents?confirm=true').auth(org.caseworker, { type: 'bearer' }).send(again).expect(201);
    await api.record(org.caseworker, confirmed.body.id, 'CaseClosed', '2026-12-01', { reason: 'duplicate' }).expect(201);
  });

  test('DetailsCorrected fixes the name everywhere and opens no deadline; CaseClosed hides the resident and voids deadlines', async () => {
    const before = await api.http.get(`/v1/residents/${chi}/deadlines`).auth(org.viewer, { type: 'bearer' }).expect(200);
    await api
      .record(org.caseworker, chi, 'DetailsCorrected', '2026-12-01', { fields: { fullName: 'LE THI CHI' }, reason: 'typo' })
      .expect(201);
    const after = await api.http.get(`/v1/residents/${chi}/deadlines`).auth(org.viewer, { type: 'bearer' }).expect(200);
    expect(after.body).toEqual(before.body);
    expect((await api.http.get(`/v1/residents/${chi}`).auth(org.viewer, { type: 'bearer' })).body.fullName).toBe('LE THI CHI');
    expect(names((await list('query=thi').expect(200)).body)).toEqual(['LE THI CHI', 'TRAN THI BINH']);

    await api.record(org.caseworker, chi, 'CaseClosed', '2026-12-01', { reason: 'left_caseload' }).expect(201);
    expect(names((await list('query=chi').expect(200)).body)).toEqual([]);
    const closed = await list('query=chi&closed=true').expect(200);
    expect(closed.body.items[0]).toMatchObject({ fullName: 'LE THI CHI', closed: true });
    const deadlines = await api.http.get(`/v1/residents/${chi}/deadlines`).auth(org.viewer, { type: 'bearer' }).expect(200);
    expect(deadlines.body.every((deadline: { state: string }) => deadline.state === 'void')).toBe(true);
    const refused = await api.record(org.caseworker, chi, 'Reentered', '2026-12-02').expect(422);
    expect(refused.body.code).toBe('CASE_CLOSED');
    await api.record(org.caseworker, chi, 'CaseReopened', '2026-12-02').expect(201);
    expect(names((await list('query=chi').expect(200)).body)).toEqual(['LE THI CHI']);
  });
});
