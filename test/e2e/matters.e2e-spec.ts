/**
 * /v1/matters (docs/api-v1.md "Matters"): a scrivener office accepts an extension matter, marks
 * its documents, files it linked to the resident's ExtensionApplied, answers a 資料提出通知 (owed
 * by the resident, on the board), and the grant ends it; the stages follow; the register (帳簿)
 * lists it. Another organisation's matter is a 404.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import ExcelJS from 'exceljs';
import { addDays, japanDateOf, type LocalDate } from '@zairyu/domain';
import { Api, type Keys } from '../support/api-harness.js';

let api: Api;
let office: Keys;
let other: Keys;
let residentId: string;
const today = japanDateOf(new Date());
const day = (offset: number) => addDays(today, offset) as LocalDate;

beforeAll(async () => {
  api = await Api.start();
  office = await api.organisation('Tanaka Gyoseishoshi Office', 'scrivener_office');
  other = await api.organisation('Another Office', 'scrivener_office');
  residentId = await api.register(office.caseworker, { fullName: 'TRAN THI BINH' });
  await api
    .record(office.caseworker, residentId, 'Landed', day(-700), {
      status: 'engineer_humanities_international',
      periodExpiresOn: day(30),
      card: { number: 'AB12345678CD' },
    })
    .expect(201);
  await api.record(office.caseworker, residentId, 'ResidenceNotified', day(-690), { address: '東京都新宿区西新宿2-8-1' }).expect(201);
});
afterAll(() => api.close());

const as = (token: string) => ({
  get: (path: string) => api.http.get(path).auth(token, { type: 'bearer' }),
  post: (path: string, body: object) => api.http.post(path).auth(token, { type: 'bearer' }).send(body),
  patch: (path: string, body: object) => api.http.patch(path).auth(token, { type: 'bearer' }).send(body),
});

describe('matters', () => {
  let matterId: string;

  test('accept → 201 with Location; the checklist starts from the catalogue; stage 書類収集中', async () => {
    const created = await as(office.caseworker)
      .post('/v1/matters', { residentId, kind: 'extension', feeYen: 55000, caseworker: 'user-tanaka', acceptedOn: day(-40) })
      .expect(201);
    matterId = created.body.matterId;
    expect(created.headers['location']).toBe(`/v1/matters/${matterId}`);
    expect(created.body).toMatchObject({
      residentId,
      residentName: 'TRAN THI BINH',
      kind: 'extension',
      kindLabel: '在留期間更新許可申請',
      feeYen: 55000,
      caseworker: 'user-tanaka',
      acceptedOn: day(-40),
      client: { kind: 'resident' },
      stage: 'collecting',
      stageLabel: '書類収集中',
      filing: null,
      result: null,
    });
    expect(created.body.checklist.map((item: { code: string }) => item.code)).toEqual([
      'application_form',
      'photo',
      'passport_and_card',
      'employer_category_proof',
      'tax_certificates',
    ]);
  });

  test('a bad body is a 400 problem naming each field; a future day too; another organisation’s resident is a 404', async () => {
    const bad = await as(office.caseworker).post('/v1/matters', { residentId, kind: 'visa', feeYen: -1 }).expect(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(bad.body.errors.map((error: { field: string }) => error.field).sort()).toEqual(['acceptedOn', 'feeYen', 'kind']);
    await as(office.caseworker)
      .post('/v1/matters', { residentId, kind: 'extension', feeYen: 1, acceptedOn: day(1) })
      .expect(400);
    const foreign = await as(other.caseworker)
      .post('/v1/matters', { residentId, kind: 'extension', feeYen: 1, acceptedOn: day(-1) })
      .expect(404);
    expect(foreign.headers['content-type']).toContain('application/problem+json');
  });

  test('another organisation’s matter is a 404, and its list does not hold it; a viewer reads but does not write', async () => {
    await as(other.viewer).get(`/v1/matters/${matterId}`).expect(404);
    await as(other.caseworker).patch(`/v1/matters/${matterId}/checklist/photo`, { state: 'received' }).expect(404);
    expect((await as(other.viewer).get('/v1/matters').expect(200)).body).toEqual({ items: [], total: 0 });
    await as(office.viewer).get(`/v1/matters/${matterId}`).expect(200);
    await as(office.viewer).patch(`/v1/matters/${matterId}/checklist/photo`, { state: 'received' }).expect(403);
    await as(office.viewer).get('/v1/matters/not-a-uuid').expect(404);
  });

  test('checklist: received, not applicable, a due day; an unknown item needs a label (422 UNKNOWN_CHECKLIST_ITEM)', async () => {
    await as(office.caseworker).patch(`/v1/matters/${matterId}/checklist/photo`, { state: 'received' }).expect(200);
    await as(office.caseworker).patch(`/v1/matters/${matterId}/checklist/passport_and_card`, { state: 'received' }).expect(200);
    await as(office.caseworker).patch(`/v1/matters/${matterId}/checklist/employer_category_proof`, { state: 'not_applicable' }).expect(200);
    const unknown = await as(office.caseworker).patch(`/v1/matters/${matterId}/checklist/diploma`, { state: 'requested' }).expect(422);
    expect(unknown.body.code).toBe('UNKNOWN_CHECKLIST_ITEM');
    await as(office.caseworker).patch(`/v1/matters/${matterId}/checklist/tax_certificates`, { state: 'maybe' }).expect(400);
    const marked = await as(office.caseworker)
      .patch(`/v1/matters/${matterId}/checklist/tax_certificates`, { state: 'requested', providedBy: 'person', dueOn: day(-30) })
      .expect(200);
    expect(marked.body.missing.map((item: { code: string; dueOn: string | null }) => [item.code, item.dueOn])).toEqual([
      ['application_form', null],
      ['tax_certificates', day(-30)],
    ]);
    await as(office.caseworker).patch(`/v1/matters/${matterId}/checklist/application_form`, { state: 'received' }).expect(200);
    await as(office.caseworker).patch(`/v1/matters/${matterId}/checklist/tax_certificates`, { state: 'received' }).expect(200);
  });

  test('filing linked to ExtensionApplied takes its 受付番号 and channel; stage 申請済・審査中; a second filing is a 409', async () => {
    const applied = await api
      .record(office.caseworker, residentId, 'ExtensionApplied', day(-20), {
        receiptNumber: '東2026-00123',
        channel: 'agent',
        filedBy: 'scrivener',
      })
      .expect(201);
    const landed = (await as(office.viewer).get(`/v1/residents/${residentId}/events`).expect(200)).body.find(
      (event: { type: string }) => event.type === 'Landed',
    );
    const wrong = await as(office.caseworker)
      .post(`/v1/matters/${matterId}/filing`, { filedOn: day(-20), applicationEventId: landed.eventId })
      .expect(422);
    expect(wrong.body.code).toBe('NOT_THE_APPLICATION');
    const filed = await as(office.caseworker)
      .post(`/v1/matters/${matterId}/filing`, {
        filedOn: day(-20),
        applicationEventId: applied.body.eventId,
        bureau: '東京出入国在留管理局',
      })
      .expect(200);
    expect(filed.body).toMatchObject({
      stage: 'under_review',
      stageLabel: '申請済・審査中',
      filing: {
        filedOn: day(-20),
        applicationEventId: applied.body.eventId,
        receiptNumber: '東2026-00123',
        channel: 'agent',
        bureau: '東京出入国在留管理局',
      },
    });
    const again = await as(office.caseworker)
      .post(`/v1/matters/${matterId}/filing`, { filedOn: day(-19) })
      .expect(409);
    expect(again.body.code).toBe('ALREADY_FILED');
    const underReview = (await as(office.viewer).get('/v1/matters?stage=under_review').expect(200)).body;
    expect(underReview.items.map((item: { matterId: string }) => item.matterId)).toEqual([matterId]);
    expect((await as(office.viewer).get('/v1/matters?stage=collecting').expect(200)).body.total).toBe(0);
    await as(office.viewer).get('/v1/matters?stage=pending').expect(400);
  });

  test('a 資料提出通知 (dated 3 days ago, due in 12 days): on the resident’s deadlines, owed by the resident; stage 資料提出待ち → 結果待ち → 完了', async () => {
    await api
      .record(office.caseworker, residentId, 'AdditionalDocumentsRequested', day(-2), {
        requestedOn: day(-3),
        dueOn: day(12),
        items: ['在職証明書', '住民税の納税証明書'],
      })
      .expect(201);
    const deadlines = (await as(office.viewer).get(`/v1/residents/${residentId}/deadlines`).expect(200)).body;
    expect(deadlines).toContainEqual(
      expect.objectContaining({ kind: 'additional_documents', dueOn: day(12), statutoryDueOn: day(12), state: 'open', owedBy: 'resident' }),
    );
    const requested = (await as(office.viewer).get(`/v1/matters/${matterId}`).expect(200)).body;
    expect(requested).toMatchObject({ stage: 'documents_requested', stageLabel: '資料提出待ち', nextRequestDueOn: day(12) });

    await api.record(office.caseworker, residentId, 'AdditionalDocumentsSubmitted', day(-1)).expect(201);
    expect((await as(office.viewer).get(`/v1/matters/${matterId}`).expect(200)).body).toMatchObject({
      stage: 'awaiting_result',
      stageLabel: '結果待ち',
    });

    await api
      .record(office.caseworker, residentId, 'ExtensionGranted', today, {
        periodExpiresOn: day(30 + 365 * 3),
        card: { number: 'AB12345679CD' },
      })
      .expect(201);
    const done = (await as(office.viewer).get(`/v1/matters/${matterId}`).expect(200)).body;
    expect(done).toMatchObject({ stage: 'done', stageLabel: '完了', result: { result: 'granted', on: today } });
    expect(
      (
        await as(office.viewer)
          .get(`/v1/matters/${matterId}?asOf=${day(-1)}`)
          .expect(200)
      ).body.stage,
    ).toBe('awaiting_result');
  });

  test('two marks of the checklist at once are both kept (writers of one matter take turns)', async () => {
    const other = await as(office.caseworker)
      .post('/v1/matters', { residentId, kind: 'reentry_permit', feeYen: 11000, acceptedOn: today })
      .expect(201);
    const id = other.body.matterId;
    await Promise.all([
      as(office.caseworker).patch(`/v1/matters/${id}/checklist/application_form`, { state: 'received' }).expect(200),
      as(office.caseworker).patch(`/v1/matters/${id}/checklist/passport_and_card`, { state: 'not_applicable' }).expect(200),
    ]);
    const after = (await as(office.viewer).get(`/v1/matters/${id}`).expect(200)).body;
    expect(after.checklist.map((item: { state: string }) => item.state)).toEqual(['received', 'not_applicable']);
    expect(after.version).toBe(3);
    expect(after.missing).toEqual([]);
  });

  test('close → closedOn; a closed matter takes nothing more (409 MATTER_CLOSED)', async () => {
    const closed = await as(office.caseworker)
      .post(`/v1/matters/${matterId}/close`, { closedOn: today, note: '在留カード受領済' })
      .expect(200);
    expect(closed.body.closedOn).toBe(today);
    const refused = await as(office.caseworker).patch(`/v1/matters/${matterId}/checklist/photo`, { state: 'requested' }).expect(409);
    expect(refused.body).toMatchObject({ status: 409, code: 'MATTER_CLOSED' });
  });

  test('the register (帳簿, 行政書士法9条) as Excel: 事件の名称, 受任の年月日, 報酬の額, 依頼者の氏名・住所, read back', async () => {
    await as(office.caseworker)
      .post('/v1/matters', {
        residentId,
        kind: 'coe',
        feeYen: 88000,
        acceptedOn: day(-5),
        toStatus: 'engineer_humanities_international',
        client: { kind: 'company', name: '株式会社さくら技研', address: '大阪府大阪市北区梅田1-1-1' },
      })
      .expect(201);
    const response = await api.http
      .get('/v1/matters/register.xlsx')
      .auth(office.caseworker, { type: 'bearer' })
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(response.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.body as never);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe('帳簿');
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([
      '番号',
      '事件の名称',
      '受任の年月日',
      '報酬の額',
      '依頼者の氏名',
      '依頼者の住所',
      '結了の年月日',
    ]);
    expect(sheet.rowCount).toBe(4);
    expect((sheet.getRow(2).values as unknown[]).slice(1)).toEqual([
      1,
      '在留期間更新許可申請',
      new Date(`${day(-40)}T00:00:00Z`),
      55000,
      'TRAN THI BINH',
      '東京都新宿区西新宿2-8-1',
      new Date(`${today}T00:00:00Z`),
    ]);
    // In the order accepted: the certificate (5 days ago) before the re-entry permit (today).
    expect((sheet.getRow(4).values as unknown[]).slice(1, 3)).toEqual([3, '再入国許可申請']);
    expect((sheet.getRow(3).values as unknown[]).slice(1, 7)).toEqual([
      2,
      '在留資格認定証明書交付申請(engineer_humanities_international)',
      new Date(`${day(-5)}T00:00:00Z`),
      88000,
      '株式会社さくら技研',
      '大阪府大阪市北区梅田1-1-1',
    ]);
    // A viewer does not see fees.
    await api.http.get('/v1/matters/register.xlsx').auth(office.viewer, { type: 'bearer' }).expect(403);
    const theirs = await api.http.get('/v1/matters/register.xlsx').auth(other.caseworker, { type: 'bearer' }).buffer(true).expect(200);
    expect(theirs.headers['content-type']).toContain('spreadsheetml');
  });

  test("a scrivener's client is not erased while the case is open (行政書士法9条: the register is kept); a support organisation's erased resident's matter shows no name, and a new matter for them is a 410", async () => {
    const clientId = await api.register(office.caseworker, { fullName: 'LE VAN BINH' });
    await as(office.caseworker).post('/v1/matters', { residentId: clientId, kind: 'coe', feeYen: 1000, acceptedOn: today }).expect(201);
    const held = await api.http
      .post(`/v1/residents/${clientId}/erasure`)
      .auth(office.manager, { type: 'bearer' })
      .send({ reason: 'data_subject_request' })
      .expect(409);
    expect(held.body.code).toBe('RETENTION_HOLDS');

    const support = await api.organisation('Minato Support', 'support_organisation');
    const erasedId = await api.register(support.caseworker, { fullName: 'LE VAN CUONG' });
    const accepted = await api.http
      .post('/v1/matters')
      .auth(support.caseworker, { type: 'bearer' })
      .send({ residentId: erasedId, kind: 'coe', feeYen: 1000, acceptedOn: today })
      .expect(201);
    await api.http
      .post(`/v1/residents/${erasedId}/erasure`)
      .auth(support.manager, { type: 'bearer' })
      .send({ reason: 'data_subject_request' })
      .expect(200);
    const after = (await api.http.get(`/v1/matters/${accepted.body.matterId}`).auth(support.viewer, { type: 'bearer' }).expect(200)).body;
    expect(after).toMatchObject({ residentName: null, stage: 'collecting' });
    const refused = await api.http
      .post('/v1/matters')
      .auth(support.caseworker, { type: 'bearer' })
      .send({ residentId: erasedId, kind: 'coe', feeYen: 1000, acceptedOn: today })
      .expect(410);
    expect(refused.body.code).toBe('RESIDENT_ERASED');
  });
});
