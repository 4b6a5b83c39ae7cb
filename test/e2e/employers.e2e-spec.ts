/**
 * Employers (所属機関) and `owedBy` (docs/api-v1.md "Additions of 2026-11-23"; docs/ssw-duties.md): the
 * employers endpoints, a Specified Skilled Worker linked to one, the caseload filtered by who
 * owes each deadline, and the organisation's own registration renewal with `residentId: null`.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { Api, type Keys } from '../support/api-harness.js';
import { employerOnRecord, supportedWorker } from '../support/supported-worker.js';

let api: Api;
let org: Keys;

beforeAll(async () => {
  api = await Api.start();
  org = await api.organisation('Sakura Support');
});
afterAll(() => api.close());

/** The feed's VEVENTs as property maps, without their alarms (lines unfolded, text unescaped, parameters dropped). */
async function feedEvents(keys: Keys): Promise<Array<Record<string, string>>> {
  const token = (
    await api.http.post(`/v1/organisations/${keys.organisationId}/calendar-tokens`).auth(keys.manager, { type: 'bearer' }).expect(201)
  ).body.token;
  const text = (await api.http.get(`/v1/deadlines.ics?token=${token}`).expect(200)).text.replace(/\r\n /g, '');
  return text
    .split('BEGIN:VEVENT\r\n')
    .slice(1)
    .map((block) =>
      Object.fromEntries(
        block
          .replace(/BEGIN:VALARM\r\n[\s\S]*?END:VALARM\r\n/g, '')
          .split('\r\n')
          .filter((line) => /^[A-Z-]+[:;]/.test(line))
          .map((line) => [line.slice(0, line.search(/[:;]/)), line.slice(line.indexOf(':') + 1).replace(/\\([,;\\])/g, '$1')]),
      ),
    );
}

describe('employers', () => {
  test('create → 201 with Location and ETag; get, list, search by name (NFKC) and 法人番号; 404 for a malformed id', async () => {
    const created = await api.http
      .post('/v1/employers')
      .auth(org.caseworker, { type: 'bearer' })
      .send({
        name: '東海フーズ株式会社',
        corporateNumber: '7123456789012',
        address: '愛知県名古屋市',
        contact: { name: '佐藤', phone: '052-000-0000' },
      })
      .expect(201);
    expect(created.headers['location']).toBe(`/v1/employers/${created.body.id}`);
    expect(created.headers['etag']).toBe('"1"');
    expect(created.body).toMatchObject({ name: '東海フーズ株式会社', corporateNumber: '7123456789012', filesHelloWork: false, version: 1 });
    await api.http
      .post('/v1/employers')
      .auth(org.caseworker, { type: 'bearer' })
      .send({ name: 'Chubu Kitchens', contact: '052-111-1111' })
      .expect(201);

    const one = await api.http.get(`/v1/employers/${created.body.id}`).auth(org.viewer, { type: 'bearer' }).expect(200);
    expect(one.body).toMatchObject({ id: created.body.id, address: '愛知県名古屋市', residents: [] });
    const all = await api.http.get('/v1/employers').auth(org.viewer, { type: 'bearer' }).expect(200);
    expect(all.body.total).toBe(2);
    // Full-width "ＣＨＵＢＵ" finds "Chubu" (NFKC, any case); a 法人番号 prefix finds its employer.
    const byName = await api.http
      .get(`/v1/employers?query=${encodeURIComponent('ＣＨＵＢＵ')}`)
      .auth(org.viewer, { type: 'bearer' })
      .expect(200);
    expect(byName.body.items.map((e: { name: string }) => e.name)).toEqual(['Chubu Kitchens']);
    const byNumber = await api.http.get('/v1/employers?query=712345').auth(org.viewer, { type: 'bearer' }).expect(200);
    expect(byNumber.body.items.map((e: { name: string }) => e.name)).toEqual(['東海フーズ株式会社']);
    await api.http.get('/v1/employers/not-a-uuid').auth(org.viewer, { type: 'bearer' }).expect(404);
  });

  test('400 for a 法人番号 with a wrong check digit, a missing name, unknown fields; 409 for a number on record; nothing written', async () => {
    const bad = await api.http
      .post('/v1/employers')
      .auth(org.caseworker, { type: 'bearer' })
      .send({ corporateNumber: '8123456789012', color: 'red' })
      .expect(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['color', 'corporateNumber', 'name']);
    await api.http
      .post('/v1/employers')
      .auth(org.caseworker, { type: 'bearer' })
      .send({ name: 'X', corporateNumber: '4011001098993' })
      .expect(201);
    const taken = await api.http
      .post('/v1/employers')
      .auth(org.caseworker, { type: 'bearer' })
      .send({ name: 'Y', corporateNumber: '4011001098993' })
      .expect(409);
    expect(taken.body.code).toBe('CORPORATE_NUMBER_IN_USE');
    await api.http.post('/v1/employers').auth(org.viewer, { type: 'bearer' }).send({ name: 'Z' }).expect(403);
    const list = await api.http.get('/v1/employers?query=Y').auth(org.viewer, { type: 'bearer' }).expect(200);
    expect(list.body.items.filter((e: { name: string }) => e.name === 'Y' || e.name === 'Z')).toEqual([]);
  });

  test('PATCH changes fields, clears one with null, keeps every version; If-Match out of date → 412', async () => {
    const created = await api.http
      .post('/v1/employers')
      .auth(org.caseworker, { type: 'bearer' })
      .send({ name: 'Kanto Build', address: 'Tokyo' })
      .expect(201);
    const id = created.body.id;
    const patched = await api.http
      .patch(`/v1/employers/${id}`)
      .auth(org.caseworker, { type: 'bearer' })
      .set('If-Match', '"1"')
      .send({ filesHelloWork: true, address: null, corporateNumber: '2120901007402' })
      .expect(200);
    expect(patched.body).toMatchObject({
      name: 'Kanto Build',
      address: null,
      filesHelloWork: true,
      corporateNumber: '2120901007402',
      version: 2,
    });
    await api.http
      .patch(`/v1/employers/${id}`)
      .auth(org.caseworker, { type: 'bearer' })
      .set('If-Match', '"1"')
      .send({ name: 'K' })
      .expect(412);
    await api.http.patch(`/v1/employers/${id}`).auth(org.caseworker, { type: 'bearer' }).send({ corporateNumber: '123' }).expect(400);
    const history = await api.http.get(`/v1/employers/${id}/history`).auth(org.viewer, { type: 'bearer' }).expect(200);
    expect(history.body.map((v: { version: number; address: string | null }) => [v.version, v.address])).toEqual([
      [1, 'Tokyo'],
      [2, null],
    ]);
  });
});

describe('a Specified Skilled Worker linked to an employer, and owedBy', () => {
  test('the grant names the field and employer; the resident shows the SSW panel; the employer lists the resident', async () => {
    const employer = await employerOnRecord(api, org.caseworker, { name: 'Hokuriku Foods', filesHelloWork: true });
    const resident = await supportedWorker(api, org.caseworker, {
      fullName: 'TRAN THI MAI',
      card: 'SW77777777AA',
      field: 'food_and_beverage_manufacturing',
      employer: employer.id,
    });

    const summary = (await api.http.get(`/v1/residents/${resident}?asOf=2026-05-01`).auth(org.viewer, { type: 'bearer' }).expect(200)).body;
    expect(summary.ssw).toMatchObject({
      field: { code: 'food_and_beverage_manufacturing', ja: '飲食料品製造業' },
      employer: employer.id,
      supportSince: '2026-04-01',
      ssw1: { daysCounted: 30, capReachedOn: '2031-04-01' },
      nextInterviews: { worker: '2026-07-01', supervisor: '2026-07-01' },
    });
    const listed = (await api.http.get('/v1/residents?query=tran&asOf=2026-05-01').auth(org.viewer, { type: 'bearer' }).expect(200)).body;
    expect(listed.items[0].ssw).toEqual(summary.ssw);
    // A resident whose profile names the employer record is listed too.
    const named = await api.register(org.caseworker, { fullName: 'PHAM VAN DUC', dateOfBirth: '2000-01-02', employer: employer.id });
    const linked = (await api.http.get(`/v1/employers/${employer.id}`).auth(org.viewer, { type: 'bearer' }).expect(200)).body;
    expect(linked.residents).toEqual([
      { id: named, fullName: 'PHAM VAN DUC' },
      { id: resident, fullName: 'TRAN THI MAI' },
    ]);

    const owed = async (owedBy: string) =>
      (
        await api.http.get(`/v1/deadlines?asOf=2026-04-02&owedBy=${owedBy}`).auth(org.viewer, { type: 'bearer' }).expect(200)
      ).body.items.map((d: { kind: string; owedBy: string }) => [d.kind, d.owedBy]);
    expect(await owed('organisation')).toEqual([
      ['orientation', 'organisation'],
      ['support_interview', 'organisation'],
      ['support_interview', 'organisation'],
    ]);
    // SupportStarted on the landing day 2026-04-01 is part of the application: no 19条の18 filing (運用要領第7章).
    expect(await owed('employer')).toEqual([['ssw_annual_report', 'employer']]);
    expect((await owed('resident')).map(([kind]: [string]) => kind)).toEqual([
      'residence_notification_90_day',
      'period_renewal',
      'ssw1_cap',
    ]);
    // "Whom must I interview this month?" (July 2026: 3 months after the support started), with the basis.
    const july = await api.http
      .get('/v1/deadlines?asOf=2026-07-01&kind=support_interview&from=2026-07-01&to=2026-07-31')
      .auth(org.viewer, { type: 'bearer' })
      .expect(200);
    expect(
      july.body.items.map((d: { residentName: string; dueOn: string; owedBy: string }) => [d.residentName, d.dueOn, d.owedBy]),
    ).toEqual([
      ['TRAN THI MAI', '2026-07-01', 'organisation'],
      ['TRAN THI MAI', '2026-07-01', 'organisation'],
    ]);
    expect(july.body.items[0].legalBasis).toEqual(expect.stringContaining('3条'));
    const byEmployer = await api.http
      .get(`/v1/deadlines?asOf=2026-04-02&employer=${employer.id}`)
      .auth(org.viewer, { type: 'bearer' })
      .expect(200);
    expect(byEmployer.body.items.map((d: { kind: string; employer: string; dueOn: string }) => [d.kind, d.employer, d.dueOn])).toEqual([
      ['ssw_annual_report', employer.id, '2027-05-31'],
    ]);
    expect(byEmployer.body.items.map((d: { employerName: string }) => d.employerName)).toEqual(['Hokuriku Foods']);
    await api.http.get('/v1/deadlines?owedBy=someone').auth(org.viewer, { type: 'bearer' }).expect(400);
    // By 特定産業分野 (the 指定書's field): the worker's deadlines in food manufacturing, none in construction.
    const inField = async (field: string) =>
      (await api.http.get(`/v1/deadlines?asOf=2026-04-02&field=${field}`).auth(org.viewer, { type: 'bearer' }).expect(200)).body;
    const all = (await api.http.get('/v1/deadlines?asOf=2026-04-02').auth(org.viewer, { type: 'bearer' }).expect(200)).body;
    const mine = all.items.filter((d: { residentId: string }) => d.residentId === resident);
    expect((await inField('food_and_beverage_manufacturing')).items).toEqual(mine);
    expect(await inField('construction')).toEqual({ items: [], total: 0 });
    await api.http.get('/v1/deadlines?field=rocketry').auth(org.viewer, { type: 'bearer' }).expect(400);

    // The feed (today's clock: the FY2026 report upcoming) names the employer of its filings, and
    // carries owedBy as CATEGORIES.
    const events = await feedEvents(org);
    const report = events.find((event) => event['UID'] === `${resident}-${byEmployer.body.items[0].id}@zairyu-ledger`);
    expect(report).toMatchObject({
      SUMMARY: 'TRAN THI MAI — 定期届出(受入れ・活動・支援実施状況)（Hokuriku Foods）',
      CATEGORIES: 'employer',
      DTSTART: '20270531',
    });
    expect(report!['DESCRIPTION']).toContain('Owed by the employer (Hokuriku Foods).');
    const interviews = events.filter((event) => event['SUMMARY'] === 'TRAN THI MAI — 定期面談(3か月に1回以上)');
    expect(interviews.map((event) => event['CATEGORIES'])).toEqual(['organisation', 'organisation']);
  });

  test('one employer, two spellings: a filing recorded by name before the record and one by the record id are both found by either', async () => {
    const office = await api.organisation('Kita Support');
    // The name was typed before the employer was on record; the record came later.
    const byName = await supportedWorker(api, office.caseworker, {
      fullName: 'NGUYEN THI THU',
      card: 'SW55555555AA',
      field: 'food_service',
      employer: 'Kita Shokudo',
    });
    const record = await employerOnRecord(api, office.caseworker, { name: 'Kita Shokudo' });
    const byId = await supportedWorker(api, office.caseworker, {
      fullName: 'LE THI HUONG',
      card: 'SW66666666AA',
      field: 'food_service',
      employer: record.id,
    });
    const filings = async (employer: string) =>
      (
        await api.http
          .get(`/v1/deadlines?asOf=2026-04-02&owedBy=employer&employer=${encodeURIComponent(employer)}`)
          .auth(office.viewer, { type: 'bearer' })
          .expect(200)
      ).body.items
        .map((d: { residentId: string; employerName: string }) => [d.residentId, d.employerName])
        .sort();
    const both = [
      [byName, 'Kita Shokudo'],
      [byId, 'Kita Shokudo'],
    ].sort();
    expect(await filings(record.id)).toEqual(both);
    expect(await filings('Kita Shokudo')).toEqual(both);
    // Another organisation's employer of the same name is not this one.
    const other = await api.organisation('Minami Support');
    await employerOnRecord(api, other.caseworker, { name: 'Kita Shokudo' });
    expect(await filings(record.id)).toEqual(both);
  });

  test('1号 since 2022-04-01 (cap 2027-04-01): an extension to 2027-04-02 is 422 SSW1_CAP_EXCEEDED, to 2027-04-01 accepted', async () => {
    const resident = await api.register(org.caseworker, { fullName: 'LE VAN BINH' });
    // Yearly grants (the longest before 2025-09-30 was 1 year), then one of up to 3 years: each
    // within the longest period of 特定技能1号, so the 5-year cap is what refuses.
    await api
      .record(org.caseworker, resident, 'Landed', '2022-04-01', {
        status: 'specified_skilled_worker_1',
        periodExpiresOn: '2023-03-31',
        card: { number: 'SW88888800AA' },
      })
      .expect(201);
    for (const year of [2023, 2024, 2025]) {
      await api.record(org.caseworker, resident, 'ExtensionApplied', `${year}-02-01`).expect(201);
      await api
        .record(org.caseworker, resident, 'ExtensionGranted', `${year}-03-15`, {
          periodExpiresOn: `${year + 1}-03-31`,
          card: { number: `SW888888${year - 2000}AA` },
        })
        .expect(201);
    }
    await api.record(org.caseworker, resident, 'ExtensionApplied', '2026-02-01').expect(201);
    const refused = await api
      .record(org.caseworker, resident, 'ExtensionGranted', '2026-03-16', {
        periodExpiresOn: '2027-04-02',
        card: { number: 'SW88888826AA' },
      })
      .expect(422);
    expect(refused.body.code).toBe('SSW1_CAP_EXCEEDED');
    expect(refused.body.detail).toContain('2027-04-01');
    await api
      .record(org.caseworker, resident, 'ExtensionGranted', '2026-03-16', {
        periodExpiresOn: '2027-04-01',
        card: { number: 'SW88888826AA' },
      })
      .expect(201);
  });
});

describe("the organisation's own registration (residentId: null)", () => {
  test('registration expiring 2027-08-31: support_registration_renewal open 2027-02-01 – 04-30 on the board, not on another board; met when applied for', async () => {
    const other = await api.organisation('Fuji Support');
    await api.http
      .patch(`/v1/organisations/${other.organisationId}`)
      .auth(other.caseworker, { type: 'bearer' })
      .send({ registrationExpiresOn: '2027-08-31' })
      .expect(403);
    const patched = await api.http
      .patch(`/v1/organisations/${other.organisationId}`)
      .auth(other.manager, { type: 'bearer' })
      .send({ registrationExpiresOn: '2027-08-31' })
      .expect(200);
    expect(patched.body).toMatchObject({ registrationExpiresOn: '2027-08-31', registrationRenewalAppliedOn: null });
    await api.http
      .patch(`/v1/organisations/${other.organisationId}`)
      .auth(other.manager, { type: 'bearer' })
      .send({ registrationExpiresOn: '2027-02-30' })
      .expect(400);
    await api.http.patch(`/v1/organisations/${org.organisationId}`).auth(other.manager, { type: 'bearer' }).send({}).expect(404);

    const board = (
      await api.http.get('/v1/deadlines?asOf=2027-03-01&owedBy=organisation').auth(other.viewer, { type: 'bearer' }).expect(200)
    ).body;
    // The term began 2022-09-01: the yearly report of FY2025 (due Sun 2026-05-31) is owed too, and overdue.
    expect(board).toEqual({
      total: 2,
      items: [
        expect.objectContaining({ residentId: null, kind: 'support_annual_report', dueOn: '2026-05-31', state: 'overdue' }),
        expect.objectContaining({
          residentId: null,
          residentName: null,
          kind: 'support_registration_renewal',
          opensOn: '2027-02-01',
          dueOn: '2027-04-30',
          state: 'open',
          owedBy: 'organisation',
          legalBasis: expect.stringContaining('19条の23'),
        }),
      ],
    });
    // Not another organisation's: Sakura's board does not show it.
    const mine = (
      await api.http.get('/v1/deadlines?asOf=2027-03-01&kind=support_registration_renewal').auth(org.viewer, { type: 'bearer' }).expect(200)
    ).body;
    expect(mine).toEqual({ items: [], total: 0 });

    await api.http
      .patch(`/v1/organisations/${other.organisationId}`)
      .auth(other.manager, { type: 'bearer' })
      .send({ registrationRenewalAppliedOn: '2027-03-10' })
      .expect(200);
    const met = (
      await api.http
        .get('/v1/deadlines?asOf=2027-03-11&kind=support_registration_renewal')
        .auth(other.viewer, { type: 'bearer' })
        .expect(200)
    ).body;
    expect(met.items.map((d: { state: string; metOn: string }) => [d.state, d.metOn])).toEqual([['met', '2027-03-10']]);
  });

  test("the feed shows the organisation's renewal (its name where a resident's would be) until it is applied for", async () => {
    const fuji = await api.organisation('Kaede Support');
    await api.http
      .patch(`/v1/organisations/${fuji.organisationId}`)
      .auth(fuji.manager, { type: 'bearer' })
      .send({ registrationExpiresOn: '2027-05-31' })
      .expect(200);
    const events = await feedEvents(fuji);
    // The yearly report of FY2025 (term began 2022-06-01) is in the feed too, under the organisation's name.
    expect(
      events
        .filter((event) => event['UID']!.startsWith('organisation-organisation-annual-report'))
        .map((event) => [event['DTSTART'], event['SUMMARY']]),
    ).toEqual([
      ['20260531', 'Kaede Support — 支援実施状況に係る届出(登録支援機関の定期届出)'],
      ['20260401', 'Kaede Support — 支援実施状況に係る届出(登録支援機関の定期届出)（受付開始）'],
    ]);
    const own = events.filter((event) => event['UID']!.startsWith('organisation-registration-'));
    expect(own.map((event) => [event['DTSTART'], event['SUMMARY'], event['CATEGORIES']])).toEqual([
      ['20270131', 'Kaede Support — 登録支援機関の登録更新申請', 'organisation'],
      ['20261101', 'Kaede Support — 登録支援機関の登録更新申請（受付開始）', 'organisation'],
    ]);
    // Window 2026-11-01 – 2027-01-31, a Sunday: a fixed window from the ISA notice, not a period counted
    // from an event, so 休日法2条 does not move it; the feed shows the Sunday itself.
    expect(own[0]!['DESCRIPTION']).toContain('Statutory last day 2027-01-31; accepted until 2027-01-31.');
    expect(own[0]!['DESCRIPTION']).toContain('19条の23');
    // Another organisation's feed does not carry it.
    expect((await feedEvents(org)).filter((event) => event['UID']!.startsWith('organisation-'))).toEqual([]);

    await api.http
      .patch(`/v1/organisations/${fuji.organisationId}`)
      .auth(fuji.manager, { type: 'bearer' })
      .send({ registrationRenewalAppliedOn: '2026-11-20' })
      .expect(200);
    expect((await feedEvents(fuji)).filter((event) => event['UID']!.startsWith('organisation-registration-'))).toEqual([]);
  });

  test('its own notices: registered matters changed Fri 2026-12-18 (19条の27) due Mon 2027-01-04 after the New Year closure; business suspended Wed 2026-04-15 (19条の29) due Thu 04-30', async () => {
    const own = await api.organisation('Minato Support');
    const path = `/v1/organisations/${own.organisationId}`;
    const patched = await api.http
      .patch(path)
      .auth(own.manager, { type: 'bearer' })
      .send({ registeredMattersChangedOn: '2026-12-18', supportBusinessChange: 'suspended', supportBusinessChangeOn: '2026-04-15' })
      .expect(200);
    expect(patched.body).toMatchObject({
      registrationExpiresOn: null,
      registeredMattersChangedOn: '2026-12-18',
      registeredMattersNotifiedOn: null,
      supportBusinessChange: 'suspended',
      supportBusinessChangeOn: '2026-04-15',
      supportBusinessNotifiedOn: null,
    });
    await api.http.patch(path).auth(own.manager, { type: 'bearer' }).send({ supportBusinessChange: 'paused' }).expect(400);
    const board = async (asOf: string) =>
      (
        await api.http.get(`/v1/deadlines?asOf=${asOf}&owedBy=organisation`).auth(own.viewer, { type: 'bearer' }).expect(200)
      ).body.items.map((d: { kind: string; dueOn: string; state: string; residentId: string | null }) => [
        d.kind,
        d.dueOn,
        d.state,
        d.residentId,
      ]);
    expect(await board('2027-01-02')).toEqual([
      ['support_business_suspension_notification', '2026-04-30', 'overdue', null],
      ['support_registered_matters_notification', '2027-01-04', 'open', null],
    ]);
    await api.http
      .patch(path)
      .auth(own.manager, { type: 'bearer' })
      .send({ registeredMattersNotifiedOn: '2026-12-25', supportBusinessNotifiedOn: '2026-04-20' })
      .expect(200);
    expect((await board('2027-01-02')).map(([kind, , state]: string[]) => [kind, state])).toEqual([
      ['support_business_suspension_notification', 'met'],
      ['support_registered_matters_notification', 'met'],
    ]);
  });

  test('its yearly report (支援実施状況に係る届出, 19条の30): FY2025 due Sun 2026-05-31, not moved; filed 2026-05-20 → met, FY2026 owed 2027-04-01 – 05-31', async () => {
    const own = await api.organisation('Shiga Support');
    const path = `/v1/organisations/${own.organisationId}`;
    await api.http.patch(path).auth(own.manager, { type: 'bearer' }).send({ registrationExpiresOn: '2028-09-30' }).expect(200);
    await api.http.patch(path).auth(own.manager, { type: 'bearer' }).send({ annualReportFiscalYear: 2025.5 }).expect(400);
    await api.http.patch(path).auth(own.manager, { type: 'bearer' }).send({ annualReportFiledOn: '2026-02-30' }).expect(400);
    const reports = async (asOf: string) =>
      (
        await api.http
          .get(`/v1/deadlines?asOf=${asOf}&owedBy=organisation&kind=support_annual_report`)
          .auth(own.viewer, { type: 'bearer' })
          .expect(200)
      ).body.items.map((d: { id: string; opensOn: string; dueOn: string; state: string; residentId: string | null }) => [
        d.opensOn,
        d.dueOn,
        d.state,
        d.residentId,
      ]);
    expect(await reports('2026-05-31')).toEqual([['2026-04-01', '2026-05-31', 'open', null]]);
    expect(await reports('2026-06-01')).toEqual([['2026-04-01', '2026-05-31', 'overdue', null]]);
    const patched = await api.http
      .patch(path)
      .auth(own.manager, { type: 'bearer' })
      .send({ annualReportFiscalYear: 2025, annualReportFiledOn: '2026-05-20' })
      .expect(200);
    expect(patched.body).toMatchObject({ annualReportFiscalYear: 2025, annualReportFiledOn: '2026-05-20' });
    expect(await reports('2026-06-01')).toEqual([['2026-04-01', '2026-05-31', 'met', null]]);
    // FY2026's exists from the day the registration was recorded (today, before its window opens).
    expect(await reports('2027-03-31')).toEqual([
      ['2026-04-01', '2026-05-31', 'met', null],
      ['2027-04-01', '2027-05-31', 'upcoming', null],
    ]);
    // Another organisation does not see it.
    const elsewhere = (
      await api.http.get('/v1/deadlines?asOf=2026-06-01&kind=support_annual_report').auth(org.viewer, { type: 'bearer' }).expect(200)
    ).body;
    expect(elsewhere).toEqual({ items: [], total: 0 });
  });

  test('its 登録番号, address and phone for the filing drafts: kept as ISA writes them, a malformed one a precise 400, null clears', async () => {
    const own = await api.organisation('Nara Support');
    const path = `/v1/organisations/${own.organisationId}`;
    const empty = await api.http.get(path).auth(own.manager, { type: 'bearer' }).expect(200);
    expect(empty.body).toMatchObject({ supportRegistrationNumber: null, address: null, phone: null });

    const saved = await api.http
      .patch(path)
      .auth(own.manager, { type: 'bearer' })
      .send({ supportRegistrationNumber: '１９登－０００１２３', address: ' 奈良県奈良市登大路町30 ', phone: '０７４２－１２－３４５６' })
      .expect(200);
    expect(saved.body).toMatchObject({
      supportRegistrationNumber: '19登-000123',
      address: '奈良県奈良市登大路町30',
      phone: '0742-12-3456',
    });
    expect((await api.http.get(path).auth(own.manager, { type: 'bearer' }).expect(200)).body).toMatchObject({
      supportRegistrationNumber: '19登-000123',
      phone: '0742-12-3456',
    });

    const refused = await api.http
      .patch(path)
      .auth(own.manager, { type: 'bearer' })
      .send({ supportRegistrationNumber: '19-000123', phone: '03-1234-567', address: '  ' })
      .expect(400);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.body.errors).toEqual([
      { field: 'supportRegistrationNumber', message: expect.stringContaining('19登-000123') },
      { field: 'address', message: 'must not be blank' },
      { field: 'phone', message: expect.stringContaining('03-1234-5678') },
    ]);
    expect(refused.body.detailJa).toContain('登録番号は「19登-000123」の形');
    expect(refused.body.detailJa).toContain('電話番号は0から始まる10桁または11桁');
    await api.http
      .patch(path)
      .auth(own.manager, { type: 'bearer' })
      .send({ address: 'x'.repeat(201) })
      .expect(400);
    await api.http.patch(path).auth(own.manager, { type: 'bearer' }).send({ supportRegistrationNumber: 19000123 }).expect(400);
    // Nothing of the refused bodies was written.
    expect((await api.http.get(path).auth(own.manager, { type: 'bearer' }).expect(200)).body.supportRegistrationNumber).toBe('19登-000123');

    // A caseworker may not change it; another organisation's manager does not see it.
    await api.http.patch(path).auth(own.caseworker, { type: 'bearer' }).send({ phone: '03-1234-5678' }).expect(403);
    await api.http.patch(path).auth(org.manager, { type: 'bearer' }).send({ phone: '03-1234-5678' }).expect(404);

    const cleared = await api.http
      .patch(path)
      .auth(own.manager, { type: 'bearer' })
      .send({ supportRegistrationNumber: null, phone: null })
      .expect(200);
    expect(cleared.body).toMatchObject({ supportRegistrationNumber: null, address: '奈良県奈良市登大路町30', phone: null });
  });
});
