/**
 * A scrivener's desk around a matter (docs/api-v1.md "Matters"): the application form prefilled
 * from the ledger as Excel (what the ledger does not know blank and marked), the revenue stamp a
 * grant costs by channel and day of filing, and what is still missing across the open matters.
 * Another organisation sees none of it.
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
  office = await api.organisation('Kato Gyoseishoshi Office', 'scrivener_office');
  other = await api.organisation('Another Office', 'scrivener_office');
  const employer = await api.http
    .post('/v1/employers')
    .auth(office.caseworker, { type: 'bearer' })
    .send({ name: '株式会社みどり精機', address: '愛知県豊田市' })
    .expect(201);
  residentId = await api.register(office.caseworker, {
    fullName: 'LE VAN HUNG',
    dateOfBirth: '1995-02-28',
    nationality: 'VNM',
    gender: 'male',
    passportNumber: 'C7654321',
    passportExpiresOn: '2031-05-31',
    phone: '090-1234-5678',
    employer: employer.body.id,
  });
  await api
    .record(office.caseworker, residentId, 'Landed', day(-700), {
      status: 'engineer_humanities_international',
      periodExpiresOn: day(40),
      card: { number: 'AB12345678CD' },
    })
    .expect(201);
  await api.record(office.caseworker, residentId, 'ResidenceNotified', day(-690), { address: '愛知県名古屋市中区栄3-1-1' }).expect(201);
});
afterAll(() => api.close());

const as = (token: string) => ({
  get: (path: string) => api.http.get(path).auth(token, { type: 'bearer' }),
  post: (path: string, body: object) => api.http.post(path).auth(token, { type: 'bearer' }).send(body),
  patch: (path: string, body: object) => api.http.patch(path).auth(token, { type: 'bearer' }).send(body),
});

async function workbookOf(token: string, path: string) {
  const response = await api.http
    .get(path)
    .auth(token, { type: 'bearer' })
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
  return workbook.worksheets[0]!;
}

/** Each item's label → [item number, value, source], from the header row down. */
function itemsOf(sheet: ExcelJS.Worksheet) {
  const items = new Map<string, [unknown, unknown, unknown]>();
  sheet.eachRow((row, number) => {
    if (number <= 6) return;
    const [, item, label, value, source] = row.values as unknown[];
    items.set(String(label), [item ?? null, value ?? null, source]);
  });
  return items;
}

describe('the application form, prefilled', () => {
  test('extension: the form’s items from the ledger; what it does not know is blank and marked 台帳になし・要記入', async () => {
    const matter = await as(office.caseworker)
      .post('/v1/matters', { residentId, kind: 'extension', feeYen: 50000, acceptedOn: day(-5) })
      .expect(201);
    const sheet = await workbookOf(office.caseworker, `/v1/matters/${matter.body.matterId}/application-form.xlsx`);
    expect(sheet.name).toBe('在留期間更新許可申請書');
    expect(sheet.getCell('C2').value).toBe('別記第三十号の二様式(第二十一条関係)申請人等作成用1');
    expect((sheet.getRow(6).values as unknown[]).slice(1)).toEqual(['項番', '項目', '記入内容', '出所']);
    const items = itemsOf(sheet);
    expect(items.get('国籍・地域')).toEqual([1, 'ベトナム', '台帳より']);
    expect(items.get('生年月日')).toEqual([2, '1995-02-28', '台帳より']);
    expect(items.get('氏名')).toEqual([3, 'LE VAN HUNG', '台帳より']);
    expect(items.get('性別')).toEqual([4, '男', '台帳より']);
    expect(items.get('配偶者の有無')).toEqual([5, null, '台帳になし・要記入']);
    expect(items.get('住居地')).toEqual([8, '愛知県名古屋市中区栄3-1-1', '台帳より']);
    expect(items.get('電話番号・携帯電話番号')).toEqual([9, '090-1234-5678', '台帳より']);
    expect(items.get('旅券 (1)番号')).toEqual([10, 'C7654321', '台帳より']);
    expect(items.get('旅券 (2)有効期限')).toEqual([10, '2031-05-31', '台帳より']);
    expect(items.get('現に有する在留資格')).toEqual([11, '技術・人文知識・国際業務', '台帳より']);
    expect(items.get('在留期間')).toEqual([11, null, '台帳になし・要記入']);
    expect(items.get('在留期間の満了日')).toEqual([11, day(40), '台帳より']);
    expect(items.get('在留カード番号')).toEqual([12, 'AB12345678CD', '台帳より']);
    expect(items.get('希望する在留期間')).toEqual([13, null, '台帳になし・要記入']);
    expect(items.get('更新の理由')).toEqual([14, null, '台帳になし・要記入']);
    expect(items.get('勤務先(所属機関)の名称(申請人等作成用2)')).toEqual([null, '株式会社みどり精機', '台帳より']);
  });

  test('status change: 出生地 is item 5, the status applied for fills 13 希望する在留資格', async () => {
    const matter = await as(office.caseworker)
      .post('/v1/matters', { residentId, kind: 'status_change', feeYen: 80000, acceptedOn: day(-5), toStatus: 'business_manager' })
      .expect(201);
    const sheet = await workbookOf(office.caseworker, `/v1/matters/${matter.body.matterId}/application-form.xlsx`);
    expect(sheet.name).toBe('在留資格変更許可申請書');
    const items = itemsOf(sheet);
    expect(items.get('出生地')).toEqual([5, null, '台帳になし・要記入']);
    expect(items.get('住居地')).toEqual([9, '愛知県名古屋市中区栄3-1-1', '台帳より']);
    expect(items.get('希望する在留資格')).toEqual([13, '経営・管理', '台帳より']);
    expect(items.get('変更の理由')).toEqual([14, null, '台帳になし・要記入']);
  });

  test('a kind with no form here, another organisation’s matter, a viewer: 404, 404, 403', async () => {
    const coe = await as(office.caseworker)
      .post('/v1/matters', { residentId, kind: 'coe', feeYen: 1, acceptedOn: day(-1) })
      .expect(201);
    const none = await as(office.caseworker).get(`/v1/matters/${coe.body.matterId}/application-form.xlsx`).expect(404);
    expect(none.headers['content-type']).toContain('application/problem+json');
    const list = (await as(office.viewer).get('/v1/matters').expect(200)).body.items as Array<{ matterId: string; kind: string }>;
    const extension = list.find((matter) => matter.kind === 'extension')!;
    await as(other.caseworker).get(`/v1/matters/${extension.matterId}/application-form.xlsx`).expect(404);
    await as(office.viewer).get(`/v1/matters/${extension.matterId}/application-form.xlsx`).expect(403);
  });
});

describe('the revenue stamp', () => {
  test('none before the filing; an online extension pays 5,500円, a permanent residence at the counter 10,000円 (施行令9条)', async () => {
    const online = await as(office.caseworker)
      .post('/v1/matters', { residentId, kind: 'extension', feeYen: 50000, acceptedOn: day(-3) })
      .expect(201);
    expect(online.body.stampFee).toBeNull();
    const filed = await as(office.caseworker)
      .post(`/v1/matters/${online.body.matterId}/filing`, { filedOn: day(-2), channel: 'online' })
      .expect(200);
    expect(filed.body.stampFee).toEqual({
      stamps: [{ variant: null, yen: 5500 }],
      basis: expect.stringContaining('施行令9条'),
      receivedOn: day(-2),
    });
    const counter = await as(office.caseworker)
      .post('/v1/matters', { residentId, kind: 'permanent', feeYen: 150000, acceptedOn: day(-3) })
      .expect(201);
    const paper = await as(office.caseworker)
      .post(`/v1/matters/${counter.body.matterId}/filing`, { filedOn: day(-2), channel: 'counter' })
      .expect(200);
    expect(paper.body.stampFee.stamps).toEqual([{ variant: null, yen: 10000 }]);
  });
});

describe('missing documents across the caseload', () => {
  test('the requested items of open matters, who provides each, earliest due first; another organisation sees none', async () => {
    const list = (await as(office.viewer).get('/v1/matters').expect(200)).body.items as Array<{ matterId: string; kind: string }>;
    const extension = list.find((matter) => matter.kind === 'extension')!;
    await as(office.caseworker)
      .patch(`/v1/matters/${extension.matterId}/checklist/tax_certificates`, { state: 'requested', providedBy: 'person', dueOn: day(3) })
      .expect(200);
    await as(office.caseworker)
      .patch(`/v1/matters/${extension.matterId}/checklist/employer_category_proof`, { state: 'requested', dueOn: day(1) })
      .expect(200);
    const missing = (await as(office.viewer).get('/v1/matters/missing-documents').expect(200)).body;
    expect(missing.total).toBe(missing.items.length);
    expect(missing.items.slice(0, 2)).toEqual([
      expect.objectContaining({
        matterId: extension.matterId,
        residentName: 'LE VAN HUNG',
        kindLabel: '在留期間更新許可申請',
        source: 'checklist',
        code: 'employer_category_proof',
        providedBy: 'employer',
        dueOn: day(1),
      }),
      expect.objectContaining({ matterId: extension.matterId, code: 'tax_certificates', providedBy: 'person', dueOn: day(3) }),
    ]);
    expect(missing.items.at(-1).dueOn).toBeNull();
    expect((await as(other.viewer).get('/v1/matters/missing-documents').expect(200)).body).toEqual({ items: [], total: 0 });
    await as(office.viewer).get('/v1/matters/missing-documents?asOf=2026-02-30').expect(400);
  });

  test('an unanswered 資料提出通知 lists its items, owed by the person, due on the notice’s day', async () => {
    const list = (await as(office.viewer).get('/v1/matters').expect(200)).body.items as Array<{
      matterId: string;
      kind: string;
      filing: unknown;
    }>;
    const filed = list.find((matter) => matter.kind === 'extension' && matter.filing !== null)!;
    await api
      .record(office.caseworker, residentId, 'AdditionalDocumentsRequested', day(-1), {
        requestedOn: day(-1),
        dueOn: day(13),
        items: ['在職証明書'],
      })
      .expect(201);
    const missing = (await as(office.viewer).get('/v1/matters/missing-documents').expect(200)).body.items;
    expect(missing).toContainEqual(
      expect.objectContaining({
        matterId: filed.matterId,
        source: 'bureau_request',
        code: null,
        label: '在職証明書',
        providedBy: 'person',
        dueOn: day(13),
      }),
    );
  });
});
