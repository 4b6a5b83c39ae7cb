/**
 * GET /v1/residents.csv|.xlsx and /v1/deadlines.csv|.xlsx: the caseload goes out to
 * Excel with the list filters, Japanese headers, a UTF-8 BOM on CSV, every row (no page cut),
 * and a line in the security log; an exported list imports back unchanged.
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { addDays, japanDateOf } from '@zairyu/domain';
import { Api, type Keys } from '../support/api-harness.js';
import { employerOnRecord, supportedWorker } from '../support/supported-worker.js';

let api: Api;
let org: Keys;
let other: Keys;
const today = japanDateOf(new Date());

const download = (path: string, token = org.viewer) =>
  api.http
    .get(path)
    .auth(token, { type: 'bearer' })
    .buffer(true)
    .parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });

beforeAll(async () => {
  api = await Api.start();
  org = await api.organisation();
  other = await api.organisation('Other Office');
  const rows = [['管理番号', '氏名', 'フリガナ', '生年月日', '国籍・地域', '在留資格', '在留期間満了日', '在留カード番号', '電話番号']];
  for (let n = 0; n < 230; n++)
    rows.push([
      `X-${n}`,
      `PERSON ${String(n).padStart(3, '0')}`,
      'パーソン',
      '1995-05-05',
      n % 2 === 0 ? 'ベトナム' : 'PHL',
      n % 2 === 0 ? '特定技能1号' : '留学',
      addDays(today, 20 + n),
      `EX${String(n).padStart(8, '0')}PT`,
      '090-0000-0000',
    ]);
  const csv = rows.map((row) => row.join(',')).join('\n');
  const imported = await api.http
    .post('/v1/imports')
    .auth(org.caseworker, { type: 'bearer' })
    .attach('file', Buffer.from(csv), 'x.csv')
    .expect(200);
  expect(imported.body.created).toBe(230);
});
afterAll(() => api.close());

test('residents.csv: UTF-8 with BOM, Japanese headers, every row past one page, the list filters, values the import reads back', async () => {
  const response = await download('/v1/residents.csv').expect(200);
  expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
  expect(response.headers['content-disposition']).toMatch(/^attachment; filename="residents-\d{4}-\d{2}-\d{2}\.csv"$/);
  const bytes = response.body as Buffer;
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const [header, ...rows] = parse(bytes.subarray(3).toString('utf8')) as string[][];
  expect(header!.slice(0, 10)).toEqual([
    '管理番号',
    '氏名',
    'フリガナ',
    '氏名（母国語）',
    '生年月日',
    '性別',
    '国籍・地域',
    '在留資格',
    '在留期間満了日',
    '在留カード番号',
  ]);
  expect(rows).toHaveLength(230);
  const first = Object.fromEntries(header!.map((name, i) => [name, rows[0]![i]]));
  expect(first).toMatchObject({
    管理番号: 'X-0',
    氏名: 'PERSON 000',
    生年月日: '1995-05-05',
    国籍・地域: 'ベトナム',
    在留資格: '特定技能1号',
    在留期間満了日: addDays(today, 20),
    在留カード番号: 'EX00000000PT',
    電話番号: '090-0000-0000',
    終了: 'いいえ',
  });

  const students = parse((await download('/v1/residents.csv?status=student').expect(200)).body.subarray(3).toString('utf8')) as string[][];
  expect(students).toHaveLength(116);
  expect(new Set(students.slice(1).map((row) => row[7]))).toEqual(new Set(['留学']));

  // Exported, then imported again: every row is the same person with the same facts.
  const again = await api.http
    .post('/v1/imports')
    .auth(org.caseworker, { type: 'bearer' })
    .attach('file', bytes, 'residents.csv')
    .expect(200);
  expect(again.body).toMatchObject({ created: 0, updated: 0, unchanged: 230, errors: 0 });
  expect(again.body.ignoredColumns).toEqual(['終了', '台帳ID']);
});

test('residents.xlsx and deadlines.xlsx: one worksheet, Japanese headers, dates as date cells', async () => {
  const response = await download('/v1/residents.xlsx?periodExpiresTo=' + addDays(today, 29)).expect(200);
  expect(response.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(response.body as never);
  const sheet = workbook.worksheets[0]!;
  expect(sheet.getRow(1).getCell(2).value).toBe('氏名');
  expect(sheet.rowCount).toBe(11);
  expect(sheet.getRow(2).getCell(9).value).toEqual(new Date(`${addDays(today, 20)}T00:00:00Z`));

  const deadlines = await download('/v1/deadlines.xlsx?kind=period_renewal').expect(200);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(deadlines.body as never);
  const rows = book.worksheets[0]!;
  expect((rows.getRow(1).values as unknown[]).slice(1, 7)).toEqual(['氏名', '手続', '根拠', '状態', '開始日', '期限']);
  expect(rows.rowCount).toBe(231);
  expect(rows.getRow(2).getCell(2).value).toBe('在留期間更新許可申請');
});

test('dates=japanese writes 和暦 (1995-05-05 is 平成7年5月5日), both writes the two, XLSX keeps a date cell in the Japanese calendar; a wrong style is a 400 in Japanese', async () => {
  const filter = `periodExpiresTo=${addDays(today, 20)}`;
  const csvOf = async (dates: string) =>
    parse((await download(`/v1/residents.csv?${filter}&dates=${dates}`).expect(200)).body.subarray(3).toString('utf8')) as string[][];
  const [header, row] = await csvOf('japanese');
  const born = header!.indexOf('生年月日');
  expect(row![born]).toBe('平成7年5月5日');
  expect((await csvOf('both'))[1]![born]).toBe('1995-05-05(平成7年5月5日)');
  expect((await csvOf('western'))[1]![born]).toBe('1995-05-05');

  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await download(`/v1/residents.xlsx?${filter}&dates=japanese`).expect(200)).body as never);
  const cell = book.worksheets[0]!.getRow(2).getCell(born + 1);
  expect(cell.value).toEqual(new Date('1995-05-05T00:00:00Z'));
  expect(cell.numFmt).toBe('[$-ja-JP-x-gannen]ggge"年"m"月"d"日"');

  const wrong = await api.http.get('/v1/deadlines.csv?dates=meiji').auth(org.viewer, { type: 'bearer' }).expect(400);
  expect(wrong.body).toMatchObject({ errors: [{ field: 'dates' }], detailJa: expect.stringContaining('和暦') });
});

test('deadlines.csv takes the deadline filters; a bad filter is a 400 before any byte; another organisation sees only its own', async () => {
  const filters = `kind=period_renewal&to=${addDays(today, 40)}`;
  const csv = await download(`/v1/deadlines.csv?${filters}`).expect(200);
  const [header, ...rows] = parse((csv.body as Buffer).subarray(3).toString('utf8')) as string[][];
  expect(header![0]).toBe('氏名');
  // The same deadlines, in the same order, as the JSON list with the same filters.
  const json = await api.http.get(`/v1/deadlines?${filters}&pageSize=200`).auth(org.viewer, { type: 'bearer' }).expect(200);
  expect(json.body.total).toBeGreaterThan(10);
  expect(rows.map((row) => [row[0], row[5], row.at(-1)])).toEqual(
    json.body.items.map((item: { residentName: string; dueOn: string; residentId: string }) => [
      item.residentName,
      item.dueOn,
      item.residentId,
    ]),
  );

  const bad = await api.http.get('/v1/deadlines.csv?state=sleeping').auth(org.viewer, { type: 'bearer' }).expect(400);
  expect(bad.headers['content-type']).toMatch(/application\/problem\+json/);
  await api.http.get('/v1/residents.pdf').auth(org.viewer, { type: 'bearer' }).expect(404);
  await api.http.get('/v1/residents.csv').expect(401);
  const theirs = parse((await download('/v1/residents.csv', other.viewer).expect(200)).body.subarray(3).toString('utf8')) as string[][];
  expect(theirs).toHaveLength(1);
});

test('every export is in the security log: who, which list, format and rows', async () => {
  const log = await api.http
    .get(`/v1/organisations/${org.organisationId}/security-log?pageSize=200`)
    .auth(org.manager, { type: 'bearer' })
    .expect(200);
  const exports = log.body.items.filter((item: { kind: string }) => item.kind === 'export_made');
  expect(exports.length).toBeGreaterThanOrEqual(5);
  expect(exports).toContainEqual(expect.objectContaining({ subject: 'list:residents', detail: { format: 'csv', rows: 230 } }));
  expect(exports).toContainEqual(expect.objectContaining({ subject: 'list:deadlines', detail: { format: 'xlsx', rows: 230 } }));
});

test('deadlines.csv|.xlsx: who owes each deadline in words, the employer of its filings, and the organisation’s own registration under its name', async () => {
  const office = await api.organisation('Hokuriku Support');
  const employer = await employerOnRecord(api, office.caseworker, { name: 'Hokuriku Foods' });
  const worker = await supportedWorker(api, office.caseworker, {
    fullName: 'TRAN THI MAI',
    card: 'SW77777777AA',
    field: 'food_and_beverage_manufacturing',
    employer: employer.id,
  });
  // Registered until 2027-08-31: the renewal is filed 2027-02-01 – 04-30 (docs/ssw-duties.md §7).
  await api.http
    .patch(`/v1/organisations/${office.organisationId}`)
    .auth(office.manager, { type: 'bearer' })
    .send({ registrationExpiresOn: '2027-08-31' })
    .expect(200);

  const table = async (query: string) => {
    const body = (await download(`/v1/deadlines.csv?${query}`, office.viewer).expect(200)).body as Buffer;
    const [header, ...rows] = parse(body.subarray(3).toString('utf8')) as string[][];
    return rows.map((row) => Object.fromEntries(header!.map((name, i) => [name, row[i]])));
  };
  const all = await table('to=2027-12-31');
  const pick = (row: Record<string, string | undefined>) => [row['氏名'], row['種類コード'], row['義務者'], row['所属機関'], row['台帳ID']];
  expect(all.map(pick)).toEqual(
    expect.arrayContaining([
      ['TRAN THI MAI', 'residence_notification_90_day', '本人', '', worker],
      ['TRAN THI MAI', 'ssw_annual_report', '所属機関', 'Hokuriku Foods', worker],
      ['TRAN THI MAI', 'support_interview', '登録支援機関', '', worker],
      ['TRAN THI MAI', 'orientation', '登録支援機関', '', worker],
      ['Hokuriku Support', 'support_registration_renewal', '登録支援機関', '', ''],
    ]),
  );
  const own = all.find((row) => row['種類コード'] === 'support_registration_renewal')!;
  expect(own).toMatchObject({
    手続: expect.stringContaining('登録'),
    根拠: expect.stringContaining('19条の23'),
    開始日: '2027-02-01',
    期限: '2027-04-30',
  });

  // The filters of the JSON list: only the employer's filings, or only the organisation's duties.
  const filings = await table(`owedBy=employer&employer=${employer.id}&to=2027-12-31`);
  // Support started on the landing day is part of the application (no 19条の18 filing): the annual report only.
  expect(filings.map((row) => [row['種類コード'], row['義務者'], row['所属機関']])).toEqual([
    ['ssw_annual_report', '所属機関', 'Hokuriku Foods'],
  ]);
  const duties = await table('owedBy=organisation&to=2027-12-31');
  expect(new Set(duties.map((row) => row['義務者']))).toEqual(new Set(['登録支援機関']));
  expect(duties.map((row) => row['種類コード'])).toContain('support_registration_renewal');

  const book = new ExcelJS.Workbook();
  await book.xlsx.load(
    (await download('/v1/deadlines.xlsx?owedBy=organisation&kind=support_registration_renewal', office.viewer).expect(200)).body as never,
  );
  const sheet = book.worksheets[0]!;
  const header = (sheet.getRow(1).values as unknown[]).slice(1);
  expect(header).toEqual(expect.arrayContaining(['義務者', '所属機関']));
  const row = Object.fromEntries(header.map((name, i) => [name, sheet.getRow(2).getCell(i + 1).value]));
  expect(sheet.rowCount).toBe(2);
  expect(row).toMatchObject({ 氏名: 'Hokuriku Support', 義務者: '登録支援機関', 期限: new Date('2027-04-30T00:00:00Z') });
  expect(row['台帳ID'] ?? null).toBeNull();
});
