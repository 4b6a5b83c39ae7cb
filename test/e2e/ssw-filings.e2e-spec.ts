/**
 * The employer's filings as documents (docs/api-v1.md "SSW filings"): the annual report of one
 * employer and fiscal year read back with the spreadsheet library — the workers and interviews of
 * that year in their cells, not those of another year or another employer — and the 随時届出 and
 * 面談記録 drafted from the fact that calls for them. Another organisation's are 404s.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import ExcelJS from 'exceljs';
import { Api, type Keys } from '../support/api-harness.js';

let api: Api;
let org: Keys;
let other: Keys;
let employerA: string;
let employerB: string;
let workerA: string;
let workerB: string;
const ids: Record<string, string> = {};

const SSW1 = 'specified_skilled_worker_1';

async function workbook(token: string, path: string, status = 200): Promise<ExcelJS.Workbook> {
  const response = await api.http
    .get(path)
    .auth(token, { type: 'bearer' })
    .buffer(true)
    .parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    })
    .expect(status);
  expect(response.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(response.body as never);
  return book;
}

const cellText = (value: ExcelJS.CellValue) => (value instanceof Date ? value.toISOString().slice(0, 10) : value);
const rowOf = (sheet: ExcelJS.Worksheet, row: number) => (sheet.getRow(row).values as ExcelJS.CellValue[]).slice(1).map(cellText);
/** The form's item → its value (column B of the row whose column A names it). */
function item(sheet: ExcelJS.Worksheet, label: string) {
  for (let row = 1; row <= sheet.rowCount; row++) if (sheet.getCell(row, 1).value === label) return cellText(sheet.getCell(row, 2).value);
  throw new Error(`no item ${label}`);
}
/** The item of a form's section: the first row naming it after the section's heading. */
function itemIn(sheet: ExcelJS.Worksheet, heading: string, label: string) {
  const start = sheet.getColumn(1).values.indexOf(heading);
  if (start < 0) throw new Error(`no section ${heading}`);
  for (let row = start + 1; row <= sheet.rowCount; row++)
    if (sheet.getCell(row, 1).value === label) return cellText(sheet.getCell(row, 2).value);
  throw new Error(`no item ${label} in ${heading}`);
}

async function employer(name: string, extra: object = {}) {
  const created = await api.http
    .post('/v1/employers')
    .auth(org.caseworker, { type: 'bearer' })
    .send({ name, ...extra })
    .expect(201);
  return created.body.id as string;
}

async function record(residentId: string, type: string, on: string, data: Record<string, unknown>) {
  return (await api.record(org.caseworker, residentId, type, on, data).expect(201)).body.eventId as string;
}

beforeAll(async () => {
  api = await Api.start();
  org = await api.organisation('Sakura Support', 'support_organisation');
  other = await api.organisation('Other Support', 'support_organisation');
  employerA = await employer('東海フーズ株式会社', {
    corporateNumber: '7123456789012',
    address: '愛知県名古屋市中区栄1-1-1',
    contact: { name: '佐藤', phone: '052-000-0000' },
  });
  employerB = await employer('中部キッチン株式会社');
  // What the drafts print about the support organisation itself.
  await api.http
    .patch(`/v1/organisations/${org.organisationId}`)
    .auth(org.manager, { type: 'bearer' })
    .send({ supportRegistrationNumber: '19登-000123', address: '愛知県名古屋市東区1-2-3', phone: '052-111-2222' })
    .expect(200);

  workerA = await api.register(org.caseworker, {
    fullName: 'NGUYEN VAN AN',
    dateOfBirth: '1998-07-21',
    nationality: 'VNM',
    gender: 'male',
  });
  await record(workerA, 'Landed', '2025-10-01', {
    status: SSW1,
    periodExpiresOn: '2027-10-01',
    card: { number: 'SW40000001AA' },
    designation: { field: 'food_service', employer: employerA },
  });
  await record(workerA, 'ResidenceNotified', '2025-10-08', { address: '愛知県名古屋市中村区名駅1-1-1' });
  await record(workerA, 'SupportStarted', '2025-10-01', { employer: employerA });
  await record(workerA, 'OrientationHeld', '2025-10-03', { hours: 8 });
  ids.interview = await record(workerA, 'SupportInterviewHeld', '2025-12-01', {
    with: 'worker',
    mode: 'in_person',
    interpreter: 'ベトナム語通訳 山田',
    findings: '寮の騒音',
    actions: '所属機関に部屋の変更を依頼',
  });
  await record(workerA, 'SupportInterviewHeld', '2026-03-31', { with: 'supervisor', mode: 'online' });
  await record(workerA, 'SupportInterviewHeld', '2026-04-01', { with: 'worker', mode: 'in_person' });
  ids.ended = await record(workerA, 'AffiliationChanged', '2026-06-30', {
    kind: 'contract',
    change: 'contract_ended',
    employer: employerA,
  });
  ids.moved = await record(workerA, 'Moved', '2026-07-01', { address: '愛知県名古屋市西区1-1' });

  workerB = await api.register(org.caseworker, { fullName: 'TRAN THI BINH', dateOfBirth: '2000-01-15', nationality: 'VNM' });
  await record(workerB, 'Landed', '2025-11-01', {
    status: SSW1,
    periodExpiresOn: '2027-11-01',
    card: { number: 'SW40000002BB' },
    designation: { field: 'food_service', employer: employerB },
  });
  await record(workerB, 'SupportStarted', '2025-11-01', { employer: employerB });
  ids.supportChanged = await record(workerB, 'SupportContractChanged', '2026-02-02', { summary: '委託内容の変更' });
  await record(workerB, 'SupportInterviewHeld', '2025-12-15', { with: 'worker', mode: 'in_person' });
});
afterAll(() => api.close());

describe('the annual report (参考様式第3-6号) of one employer and fiscal year', () => {
  test('FY2025 of employer A: its worker in 別紙, the interviews of 2025-04-01 … 2026-03-31 only; not employer B’s', async () => {
    const book = await workbook(org.caseworker, `/v1/employers/${employerA}/annual-report.xlsx?fiscalYear=2025`);
    expect(book.worksheets.map((sheet) => sheet.name)).toEqual(['届出書', '別紙', '定期面談']);

    const front = book.getWorksheet('届出書')!;
    expect(front.getCell('A1').value).toBe('受入れ・活動・支援実施状況に係る届出書(参考様式第3-6号)');
    expect(item(front, '届出の対象期間')).toBe('2025年4月1日〜2026年3月31日(2025年度)');
    expect(item(front, '氏名又は名称')).toBe('東海フーズ株式会社');
    expect(item(front, '法人番号(13桁)')).toBe('7123456789012');
    expect(item(front, '電話番号')).toBe('052-000-0000');
    expect(item(front, '対象期間に受け入れた特定技能外国人の数')).toBe(1);
    // The support organisation: its name, address, phone and 登録番号 from its own record.
    const ours = '2 登録支援機関(支援を委託した場合)';
    expect(itemIn(front, ours, '氏名又は名称')).toBe('Sakura Support');
    expect(itemIn(front, ours, '住所(本店又は主たる事務所)')).toBe('愛知県名古屋市東区1-2-3');
    expect(itemIn(front, ours, '電話番号')).toBe('052-111-2222');
    expect(itemIn(front, ours, '登録番号')).toBe('19登-000123');
    // What the ledger does not know: blank and shaded.
    const unknown = front.getColumn(1).values.indexOf('報酬の支払状況');
    expect(front.getCell(unknown, 2).value).toBeNull();
    expect((front.getCell(unknown, 2).fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFF2CC');

    const workers = book.getWorksheet('別紙')!;
    expect(rowOf(workers, 1).slice(0, 14)).toEqual([
      '番号',
      '氏名(ローマ字)',
      '国籍・地域',
      '生年月日',
      '性別',
      '在留カード番号',
      '特定産業分野',
      '業務区分',
      '住居地',
      '雇用期間',
      '支援委託期間',
      '生活オリエンテーション',
      '定期面談(本人)',
      '定期面談(監督者)',
    ]);
    expect(workers.rowCount).toBe(2);
    expect(rowOf(workers, 2).slice(0, 14)).toEqual([
      1,
      'NGUYEN VAN AN',
      'VNM',
      '1998-07-21',
      '男',
      'SW40000001AA',
      '外食業',
      undefined,
      // The address the ledger knows now (the 2026-07-01 move).
      '愛知県名古屋市西区1-1',
      '2025-10-01〜2026-06-30',
      '2025-10-01〜',
      '2025-10-03(8時間)',
      '2025-12-01',
      '2026-03-31',
    ]);

    const interviews = book.getWorksheet('定期面談')!;
    expect(interviews.rowCount).toBe(3);
    expect(rowOf(interviews, 2)).toEqual([
      1,
      'NGUYEN VAN AN',
      'SW40000001AA',
      '2025-12-01',
      '本人',
      '対面',
      'ベトナム語通訳 山田',
      '寮の騒音',
      '所属機関に部屋の変更を依頼',
    ]);
    expect(rowOf(interviews, 3).slice(0, 7)).toEqual([2, 'NGUYEN VAN AN', 'SW40000001AA', '2026-03-31', '監督者', 'オンライン', 'なし']);
  });

  test('FY2026 of employer A holds the 2026-04-01 interview; employer B’s FY2025 holds its own worker only', async () => {
    const fy2026 = await workbook(org.caseworker, `/v1/employers/${employerA}/annual-report.xlsx?fiscalYear=2026`);
    const interviews = fy2026.getWorksheet('定期面談')!;
    expect(interviews.rowCount).toBe(2);
    expect(rowOf(interviews, 2).slice(3, 5)).toEqual(['2026-04-01', '本人']);

    const b = await workbook(org.caseworker, `/v1/employers/${employerB}/annual-report.xlsx?fiscalYear=2025`);
    const workers = b.getWorksheet('別紙')!;
    expect(workers.rowCount).toBe(2);
    expect(rowOf(workers, 2).slice(1, 2)).toEqual(['TRAN THI BINH']);
    expect(rowOf(b.getWorksheet('定期面談')!, 2).slice(1, 4)).toEqual(['TRAN THI BINH', 'SW40000002BB', '2025-12-15']);
  });

  test('a fiscal year before 2025 or not a year is a 400; another organisation’s employer a 404; a viewer a 403', async () => {
    for (const year of ['2024', 'x', ''])
      await api.http
        .get(`/v1/employers/${employerA}/annual-report.xlsx?fiscalYear=${year}`)
        .auth(org.caseworker, { type: 'bearer' })
        .expect(400);
    await api.http.get(`/v1/employers/${employerA}/annual-report.xlsx`).auth(org.caseworker, { type: 'bearer' }).expect(400);
    await api.http
      .get(`/v1/employers/${employerA}/annual-report.xlsx?fiscalYear=2025`)
      .auth(other.caseworker, { type: 'bearer' })
      .expect(404);
    await api.http.get(`/v1/employers/${employerA}/annual-report.xlsx?fiscalYear=2025`).auth(org.viewer, { type: 'bearer' }).expect(403);
  });
});

describe('the 随時届出 and the 面談記録 from the fact that calls for them', () => {
  test('a contract ended → 参考様式第3-1-2号 with the worker and the employer filled in', async () => {
    const book = await workbook(org.caseworker, `/v1/residents/${workerA}/events/${ids.ended}/document.xlsx`);
    const sheet = book.worksheets[0]!;
    expect(sheet.getCell('A1').value).toBe('特定技能雇用契約の終了又は締結に係る届出書(参考様式第3-1-2号)');
    expect(item(sheet, '氏名(ローマ字)')).toBe('NGUYEN VAN AN');
    expect(item(sheet, '在留カード番号')).toBe('SW40000001AA');
    expect(item(sheet, '事由発生日')).toBe('2026-06-30');
    expect(item(sheet, '届出の事由')).toBe('特定技能雇用契約の終了');
    expect(item(sheet, '氏名又は名称')).toBe('東海フーズ株式会社');
  });

  test('an interview → its 面談記録 (定期面談報告書) with date, party, mode, interpreter, findings and actions', async () => {
    const sheet = (await workbook(org.caseworker, `/v1/residents/${workerA}/events/${ids.interview}/document.xlsx`)).worksheets[0]!;
    expect(sheet.name).toBe('面談記録');
    expect(item(sheet, '実施日')).toBe('2025-12-01');
    expect(item(sheet, '面談の相手')).toBe('本人');
    expect(item(sheet, '方法')).toBe('対面');
    expect(item(sheet, '通訳')).toBe('ベトナム語通訳 山田');
    expect(item(sheet, '確認した事項')).toBe('寮の騒音');
    expect(item(sheet, '講じた措置')).toBe('所属機関に部屋の変更を依頼');
    expect(item(sheet, '監督者の氏名・役職')).toBeNull();
    expect(itemIn(sheet, '4 支援を行った機関', '登録番号')).toBe('19登-000123');
    expect(itemIn(sheet, '4 支援を行った機関', '住所(本店又は主たる事務所)')).toBe('愛知県名古屋市東区1-2-3');
    expect(itemIn(sheet, '4 支援を行った機関', '電話番号')).toBe('052-111-2222');
  });

  test('a support contract changed → 参考様式第3-3号 with the support organisation’s 登録番号, address and phone', async () => {
    const sheet = (await workbook(org.caseworker, `/v1/residents/${workerB}/events/${ids.supportChanged}/document.xlsx`)).worksheets[0]!;
    expect(sheet.getCell('A1').value).toBe('支援委託契約に係る届出書(参考様式第3-3号)');
    expect(itemIn(sheet, '4 登録支援機関', '氏名又は名称')).toBe('Sakura Support');
    expect(itemIn(sheet, '4 登録支援機関', '登録番号')).toBe('19登-000123');
    expect(itemIn(sheet, '4 登録支援機関', '住所(本店又は主たる事務所)')).toBe('愛知県名古屋市東区1-2-3');
    expect(itemIn(sheet, '4 登録支援機関', '電話番号')).toBe('052-111-2222');
  });

  test('the 面談記録 as PDF: one A4 page, the Japanese font (BIZ UDPGothic) embedded', async () => {
    const response = await api.http
      .get(`/v1/residents/${workerA}/events/${ids.interview}/document.pdf`)
      .auth(org.caseworker, { type: 'bearer' })
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="interview-2025-12-01-[0-9a-f]{8}\.pdf"$/);
    const pdf = (response.body as Buffer).toString('latin1');
    expect(pdf.startsWith('%PDF-')).toBe(true);
    expect(pdf.match(/\/Type \/Page\b/g)).toHaveLength(1);
    expect(pdf).toMatch(/\/BaseFont \/[A-Z]{6}\+BIZUDPGothic/);
    expect(pdf).toContain('/FontFile2');
    expect(pdf).toContain('/ToUnicode');
    await api.http
      .get(`/v1/residents/${workerA}/events/${ids.interview}/document.docx`)
      .auth(org.caseworker, { type: 'bearer' })
      .expect(404);
  });

  test('a fact that calls for no document, an unknown fact and another organisation’s resident are 404s', async () => {
    const get = (token: string, path: string) => api.http.get(path).auth(token, { type: 'bearer' });
    await get(org.caseworker, `/v1/residents/${workerA}/events/${ids.moved}/document.xlsx`).expect(404);
    await get(org.caseworker, `/v1/residents/${workerA}/events/no-such-event/document.xlsx`).expect(404);
    await get(other.caseworker, `/v1/residents/${workerA}/events/${ids.interview}/document.xlsx`).expect(404);
  });
});

describe('the deadlines met from a day (metFrom)', () => {
  test('the annual report of FY2025 filed late is listed from the day it was filed, whenever it was due; not before', async () => {
    const list = (query: string) =>
      api.http
        .get(`/v1/deadlines?kind=ssw_annual_report&employer=${employerB}&${query}`)
        .auth(org.caseworker, { type: 'bearer' })
        .expect(200);
    await record(workerB, 'SswReportFiled', '2026-06-10', { kind: 'annual', fiscalYear: 2025, filedVia: 'counter' });
    const met = await list('metFrom=2026-06-01&asOf=2026-06-30');
    expect(met.body.items.map((d: { id: string; state: string; metOn: string }) => [d.id.split(':').at(-1), d.state, d.metOn])).toEqual([
      ['FY2025', 'met_late', '2026-06-10'],
    ]);
    await expect(list('metFrom=2026-06-11&asOf=2026-06-30').then((r) => r.body.total)).resolves.toBe(0);
    // Not yet met as of the day before it was filed.
    await expect(list('metFrom=2026-06-01&asOf=2026-06-09').then((r) => r.body.total)).resolves.toBe(0);
    await api.http.get('/v1/deadlines?metFrom=June').auth(org.caseworker, { type: 'bearer' }).expect(400);
  });
});
