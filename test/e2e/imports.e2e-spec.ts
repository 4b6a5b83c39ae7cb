/**
 * POST /v1/imports: a caseload in the organisation's old spreadsheet layout comes in
 * with one call after a dry run; the dry run names every error by row and column and writes
 * nothing; importing again creates nobody; Shift_JIS, UTF-8 with BOM and XLSX read alike.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { addDays, japanDateOf, RULE_CODE_SENTENCES, type LocalDate } from '@zairyu/domain';
import { Api, type Keys } from '../support/api-harness.js';

let api: Api;
let org: Keys;
let other: Keys;
const today = japanDateOf(new Date());

beforeAll(async () => {
  api = await Api.start();
  org = await api.organisation();
  other = await api.organisation('Other Office', 'scrivener_office');
});
afterAll(() => api.close());

/** 和暦 as a caseworker would type it: 令和8年4月1日, 平成3年4月2日. */
function wareki(date: LocalDate): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return date >= '2019-05-01' ? `令和${year - 2018}年${month}月${day}日` : `平成${year - 1988}年${month}月${day}日`;
}
/** 2026/4/1: slashes, no zero padding. */
const slashed = (date: LocalDate) => date.replace(/-0?/g, '/');

const csv = (rows: string[][]) =>
  rows.map((row) => row.map((cell) => (/[",\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell)).join(',')).join('\r\n') + '\r\n';

function upload(file: Buffer, name: string, query = '', token = org.caseworker) {
  return api.http.post(`/v1/imports${query}`).auth(token, { type: 'bearer' }).attach('file', file, name);
}

const HEADER = [
  '管理番号',
  '氏名',
  'フリガナ',
  '生年月日',
  '国籍・地域',
  '在留資格',
  '在留期間満了日',
  '在留カード番号',
  '住居地',
  '所属機関',
  '性別',
  '社内メモ',
];
const NATIONS = ['ベトナム', 'VN', 'フィリピン', 'Indonesia', 'NPL', '中国'];

/** The organisation's old list: 30 people, dates in 和暦 and with slashes, nationalities as typed. */
function oldSpreadsheet(): string[][] {
  const rows = [HEADER];
  for (let n = 1; n <= 30; n++) {
    const expires = addDays(today, 30 * n) as LocalDate;
    rows.push([
      `S-${String(n).padStart(3, '0')}`,
      `NGUYEN VAN TEST${n}`,
      'グエン・ヴァン・テスト',
      n % 2 === 0 ? wareki(`199${n % 10}-04-0${(n % 9) + 1}` as LocalDate) : `199${n % 10}/4/${(n % 9) + 1}`,
      NATIONS[n % NATIONS.length]!,
      n % 3 === 0 ? '技術・人文知識・国際業務' : '特定技能１号',
      n % 2 === 0 ? wareki(expires) : slashed(expires),
      `ab${String(10000000 + n).slice(0, 8)}cd`.replace(/^ab/, 'AB '),
      '東京都新宿区西新宿2-8-1',
      '株式会社さくら',
      n % 2 === 0 ? '男' : '女',
      'not read',
    ]);
  }
  return rows;
}

describe('a caseload from the old spreadsheet (Shift_JIS CSV, Japanese headers, 和暦)', () => {
  const file = iconv.encode(csv(oldSpreadsheet()), 'Shift_JIS');

  test('the dry run judges all 30 rows and writes nothing', async () => {
    const before = await api.eventCount();
    const dry = await upload(file, 'caseload.csv', '?dryRun=true').expect(200);
    expect(dry.body).toMatchObject({ dryRun: true, format: 'csv', encoding: 'shift_jis', rows: 30, created: 30, errors: 0 });
    expect(dry.body.ignoredColumns).toEqual(['社内メモ']);
    expect(dry.body.results.map((result: { row: number }) => result.row)).toEqual(Array.from({ length: 30 }, (_, i) => i + 2));
    expect(await api.eventCount()).toBe(before);
    const list = await api.http.get('/v1/residents').auth(org.viewer, { type: 'bearer' }).expect(200);
    expect(list.body.total).toBe(0);
  });

  test('the real run takes them over with their deadlines as of today; importing again creates nothing', async () => {
    const real = await upload(file, 'caseload.csv').expect(200);
    expect(real.body).toMatchObject({ dryRun: false, rows: 30, created: 30, updated: 0, unchanged: 0, errors: 0 });
    const first = real.body.results[0];
    const resident = await api.http.get(`/v1/residents/${first.residentId}`).auth(org.viewer, { type: 'bearer' }).expect(200);
    expect(resident.body).toMatchObject({
      fullName: 'NGUYEN VAN TEST1',
      nameKana: 'グエン・ヴァン・テスト',
      dateOfBirth: '1991-04-02',
      nationality: 'VNM',
      gender: 'female',
      externalRef: 'S-001',
    });
    // 所属機関 is the employer record the import created once for all 30 rows.
    const employer = await api.http.get(`/v1/employers/${resident.body.employer}`).auth(org.viewer, { type: 'bearer' }).expect(200);
    expect(employer.body).toMatchObject({ name: '株式会社さくら' });
    expect(employer.body.residents).toHaveLength(30);
    expect(real.body.results[0].employer).toEqual({ name: '株式会社さくら', match: 'new', id: resident.body.employer });
    expect(resident.body.status.residence).toMatchObject({ status: 'specified_skilled_worker_1', periodExpiresOn: addDays(today, 30) });
    // Imported through the sealed store: the event log holds no name or birth date in clear.
    const { rows: clear } = await api.runtime.pool.query(
      "SELECT count(*)::int AS n FROM events WHERE data::text LIKE '%NGUYEN VAN TEST1%' OR data::text LIKE '%1991-04-02%'",
    );
    expect(clear[0].n).toBe(0);
    const card = await api.http.get('/v1/cards/AB10000001CD').auth(org.viewer, { type: 'bearer' }).expect(200);
    expect(card.body.residentId).toBe(first.residentId);

    // Expiring in 30 days: the renewal window is open and the renewal is due on the expiry day;
    // nothing that ended before today was opened.
    const deadlines = await api.http.get(`/v1/residents/${first.residentId}/deadlines`).auth(org.viewer, { type: 'bearer' }).expect(200);
    const renewal = deadlines.body.find((deadline: { kind: string }) => deadline.kind === 'period_renewal');
    expect(renewal).toMatchObject({ state: 'open', statutoryDueOn: addDays(today, 30) });
    expect(deadlines.body.filter((deadline: { state: string }) => deadline.state === 'overdue')).toEqual([]);

    const list = await api.http.get('/v1/residents?pageSize=100').auth(org.viewer, { type: 'bearer' }).expect(200);
    expect(list.body.total).toBe(30);
    expect(
      (await api.http.get('/v1/residents?query=test7').auth(org.viewer, { type: 'bearer' }).expect(200)).body.items.map(
        (item: { externalRef: string }) => item.externalRef,
      ),
    ).toEqual(['S-007']);

    const events = await api.eventCount();
    const again = await upload(file, 'caseload.csv').expect(200);
    expect(again.body).toMatchObject({ created: 0, updated: 0, unchanged: 30, errors: 0 });
    expect(again.body.results[0].residentId).toBe(first.residentId);
    expect(await api.eventCount()).toBe(events);
    // Another organisation's import of the same file names other residents.
    const theirs = await upload(file, 'caseload.csv', '', other.caseworker).expect(200);
    expect(theirs.body.created).toBe(30);
    expect(theirs.body.results[0].residentId).not.toBe(first.residentId);
  });

  test('a corrected name is an update (DetailsCorrected); a status the ledger already follows otherwise is an error', async () => {
    const rows = oldSpreadsheet();
    rows[1]![1] = 'NGUYEN VAN TESTONE';
    rows[2]![5] = '留学';
    const again = await upload(Buffer.from(csv(rows.slice(0, 3))), 'fix.csv').expect(200);
    expect(again.body.results[0]).toMatchObject({ row: 2, status: 'updated' });
    expect(again.body.results[1]).toMatchObject({ row: 3, status: 'error', errors: [{ column: '在留資格', code: 'ALREADY_FOLLOWED' }] });
    const history = await api.http.get(`/v1/residents/${again.body.results[0].residentId}/events`).auth(org.viewer, { type: 'bearer' });
    expect(history.body.at(-1)).toMatchObject({ type: 'DetailsCorrected', data: { fields: { fullName: 'NGUYEN VAN TESTONE' } } });
  });
});

test('a dry run names every error by row and column, and a real run writes only the rows without one', async () => {
  const office = await api.organisation('Error Office');
  const rows = [
    ['externalRef', 'fullName', 'dateOfBirth', 'nationality', 'status', 'periodExpiresOn', 'cardNumber'],
    ['E-1', 'GOOD ONE', '1990-01-01', 'VNM', 'student', addDays(today, 200), 'EF12345678GH'],
    ['E-2', 'BAD DATE', '1990-02-30', 'VNM', 'student', addDays(today, 200), ''],
    ['E-3', 'BAD STATUS', '1990-01-01', 'Atlantis', '観光', '', ''],
    ['E-4', 'TOO LONG', '1990-01-01', 'VNM', '特定技能1号', addDays(today, 365 * 4), ''],
    ['E-1', 'SAME REF', '1990-01-01', 'VNM', '', '', ''],
    ['E-6', 'SAME CARD', '1991-01-01', 'VNM', 'student', addDays(today, 200), 'ef 1234-5678 gh'],
    ['E-7', 'NO STATUS', '1991-01-01', 'VNM', '', addDays(today, 200), ''],
  ];
  const dry = await upload(Buffer.from(csv(rows)), 'errors.csv', '?dryRun=true', office.caseworker).expect(200);
  expect(dry.body).toMatchObject({ created: 1, errors: 6 });
  const errorsOf = (row: number) => dry.body.results.find((result: { row: number }) => result.row === row).errors;
  expect(errorsOf(3)).toEqual([expect.objectContaining({ column: 'dateOfBirth', field: 'dateOfBirth' })]);
  expect(
    errorsOf(4)
      .map((error: { column: string }) => error.column)
      .sort(),
  ).toEqual(['nationality', 'status']);
  expect(errorsOf(5)).toEqual([expect.objectContaining({ column: 'status', code: 'PERIOD_TOO_LONG' })]);
  expect(errorsOf(6)).toEqual([expect.objectContaining({ column: 'externalRef', message: 'is also on row 2' })]);
  expect(errorsOf(7)).toEqual([expect.objectContaining({ column: 'cardNumber', code: 'CARD_NUMBER_IN_USE' })]);
  expect(errorsOf(8)).toEqual([expect.objectContaining({ column: 'status' })]);
  expect(
    await api.http
      .get('/v1/residents')
      .auth(office.viewer, { type: 'bearer' })
      .then((r) => r.body.total),
  ).toBe(0);

  const real = await upload(Buffer.from(csv(rows)), 'errors.csv', '', office.caseworker).expect(200);
  expect(real.body).toMatchObject({ created: 1, errors: 6 });
  expect(
    await api.http
      .get('/v1/residents')
      .auth(office.viewer, { type: 'bearer' })
      .then((r) => r.body.total),
  ).toBe(1);
});

test("each row refused by the domain's field rules or a rule code is told in Japanese alone (messageJa), in English in message", async () => {
  const office = await api.organisation('Japanese Office');
  const rows = [
    [
      'externalRef',
      'fullName',
      'dateOfBirth',
      'nationality',
      'status',
      'periodExpiresOn',
      'cardNumber',
      'nameKana',
      'email',
      'ssw1MonthsUsed',
    ],
    ['J-1', 'KANA WRONG', '1990-01-01', 'VNM', '', '', '', 'hoa', '', ''],
    ['J-2', 'MAIL WRONG', '1990-01-01', 'VNM', '', '', '', '', 'hoa', ''],
    ['J-3', 'PERIOD GIVEN', '1990-01-01', 'VNM', '永住者', addDays(today, 200), '', '', '', ''],
    ['J-4', 'TOO LONG', '1990-01-01', 'VNM', '特定技能1号', addDays(today, 365 * 4), '', '', '', ''],
    ['J-5', 'MONTHS GIVEN', '1990-01-01', 'VNM', 'student', addDays(today, 200), '', '', '', '10'],
    ['J-6', 'CARD WRONG', '1990-01-01', 'VNM', 'student', addDays(today, 200), 'AB1234', '', '', ''],
  ];
  const dry = await upload(Buffer.from(csv(rows)), 'japanese.csv', '?dryRun=true', office.caseworker).expect(200);
  expect(dry.body).toMatchObject({ created: 0, errors: 6 });
  type Issue = { field: string; message: string; messageJa: string; code?: string };
  const errorsOf = (row: number): Issue[] => dry.body.results.find((result: { row: number }) => result.row === row).errors;
  expect(errorsOf(2)).toEqual([expect.objectContaining({ field: 'nameKana', messageJa: '「フリガナ」はカタカナで入力してください' })]);
  expect(errorsOf(3)).toEqual([
    expect.objectContaining({
      field: 'email',
      message: 'must be an e-mail address',
      messageJa: '「メールアドレス」はメールアドレスの形で入力してください',
    }),
  ]);
  expect(errorsOf(4)).toEqual([
    expect.objectContaining({
      field: 'periodExpiresOn',
      messageJa: 'この在留資格には在留期間がありません。「在留期間満了日」は空欄にしてください',
    }),
  ]);
  expect(errorsOf(5)).toEqual([expect.objectContaining({ code: 'PERIOD_TOO_LONG', messageJa: RULE_CODE_SENTENCES.PERIOD_TOO_LONG.ja })]);
  expect(errorsOf(6)).toEqual([
    expect.objectContaining({ field: 'ssw1MonthsUsed', messageJa: '「特定技能通算月数」は在留資格が特定技能1号のときだけ書いてください' }),
  ]);
  expect(errorsOf(7)).toEqual([
    expect.objectContaining({
      field: 'cardNumber',
      messageJa: '「在留カード番号」は英字2文字・数字8桁・英字2文字の12文字で入力してください',
    }),
  ]);
  for (let row = 2; row <= 7; row++)
    for (const error of errorsOf(row)) {
      expect(error.message).toMatch(/[A-Za-z]/);
      expect([error.field, error.messageJa]).toEqual([error.field, expect.not.stringMatching(/[A-Za-z]/)]);
    }
});

test('XLSX with English headers and date cells, and UTF-8 CSV with a BOM, read alike', async () => {
  const office = await api.organisation('Format Office');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Caseload');
  sheet.addRow(['External ref', 'Full name', 'Date of birth', 'Nationality', 'Status', 'Period expires on']);
  sheet.addRow(['X-1', 'Trần Thị Bình', new Date(Date.UTC(1999, 8, 9)), 'Viet Nam', '留学', new Date(`${addDays(today, 100)}T00:00:00Z`)]);
  const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
  const fromXlsx = await upload(xlsx, 'caseload.xlsx', '', office.caseworker).expect(200);
  expect(fromXlsx.body).toMatchObject({ format: 'xlsx', created: 1, errors: 0 });
  const binh = await api.http.get(`/v1/residents/${fromXlsx.body.results[0].residentId}`).auth(office.viewer, { type: 'bearer' });
  expect(binh.body).toMatchObject({ fullName: 'Trần Thị Bình', dateOfBirth: '1999-09-09', nationality: 'VNM' });
  expect(binh.body.status.residence).toMatchObject({ status: 'student', periodExpiresOn: addDays(today, 100) });

  const bom = Buffer.concat([
    Buffer.from([0xef, 0xbb, 0xbf]),
    Buffer.from(
      csv([
        ['氏名', '生年月日', '国籍'],
        ['LE CHI', '令和元年5月1日', 'フィリピン'],
      ]),
    ),
  ]);
  const fromCsv = await upload(bom, 'caseload.csv', '', office.caseworker).expect(200);
  expect(fromCsv.body).toMatchObject({ format: 'csv', encoding: 'utf-8', created: 1 });
  const chi = await api.http.get(`/v1/residents/${fromCsv.body.results[0].residentId}`).auth(office.viewer, { type: 'bearer' });
  expect(chi.body).toMatchObject({ fullName: 'LE CHI', dateOfBirth: '2019-05-01', nationality: 'PHL' });
  // Without 管理番号 the same person is matched by name, date of birth and nationality.
  expect((await upload(bom, 'caseload.csv', '', office.caseworker).expect(200)).body).toMatchObject({ created: 0, unchanged: 1 });
});

test('Accept: application/x-ndjson reports progress before the report', async () => {
  const office = await api.organisation('Progress Office');
  const rows = [['氏名', '生年月日', '国籍・地域']];
  for (let n = 0; n < 600; n++) rows.push([`PERSON NUMBER${n}`, '1990-01-01', 'VNM']);
  const response = await upload(Buffer.from(csv(rows)), 'big.csv', '?dryRun=true', office.caseworker)
    .set('accept', 'application/x-ndjson')
    .buffer(true)
    .parse((res, done) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      res.on('end', () => done(null, text));
    })
    .expect(200);
  expect(response.headers['content-type']).toMatch(/^application\/x-ndjson/);
  const lines = (response.body as string)
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));
  expect(lines.slice(0, -1)).toEqual([
    { type: 'progress', processed: 250, total: 600 },
    { type: 'progress', processed: 500, total: 600 },
    { type: 'progress', processed: 600, total: 600 },
  ]);
  expect(lines.at(-1)).toMatchObject({ type: 'report', rows: 600, created: 600 });
});

test('the request itself: 415 without multipart, 400 without the required columns or with an unreadable file, 403 for a viewer', async () => {
  await api.http.post('/v1/imports').auth(org.caseworker, { type: 'bearer' }).send({ rows: [] }).expect(415);
  const missing = await upload(
    Buffer.from(
      csv([
        ['氏名', '電話番号'],
        ['A', '1'],
      ]),
    ),
    'x.csv',
  ).expect(400);
  expect(missing.headers['content-type']).toMatch(/application\/problem\+json/);
  expect(missing.body.errors.map((error: { field: string }) => error.field)).toEqual(['生年月日', '国籍・地域']);
  await upload(Buffer.from('PK\u0003\u0004 not a zip'), 'x.xlsx').expect(400);
  await upload(
    Buffer.from(
      csv([
        ['氏名', '生年月日', '国籍'],
        ['A', '1990-01-01', 'VNM'],
      ]),
    ),
    'x.csv',
    '',
    org.viewer,
  ).expect(403);
  await upload(Buffer.from(csv([['氏名', '生年月日', '国籍']])), 'x.csv', '?dryRun=maybe').expect(400);
});

test('the same file sent twice at once: the second is refused 409 while the first runs, or finds everyone; each person is created once', async () => {
  const office = await api.organisation('Twice Office');
  const rows = [['管理番号', '氏名', '生年月日', '国籍', '在留資格', '在留期間満了日', '在留カード番号']];
  for (let n = 0; n < 40; n++)
    rows.push([`T-${n}`, `TWICE PERSON${n}`, '1990-01-01', 'VNM', '留学', addDays(today, 100), `TW${String(n).padStart(8, '0')}CE`]);
  const file = Buffer.from(csv(rows));
  const answers = await Promise.all([upload(file, 'a.csv', '', office.caseworker), upload(file, 'b.csv', '', office.caseworker)]);
  expect(answers.filter((answer) => answer.status === 200).length).toBeGreaterThanOrEqual(1);
  for (const refused of answers.filter((answer) => answer.status !== 200)) {
    expect(refused.status).toBe(409);
    expect(refused.body.detailJa).toContain('取込み');
  }
  const outcomes = answers.filter((answer) => answer.status === 200).flatMap((answer) => answer.body.results) as Array<{
    row: number;
    status: string;
  }>;
  for (let row = 2; row <= 41; row++) {
    const all = outcomes.filter((result) => result.row === row);
    expect(all.filter((result) => result.status === 'created')).toHaveLength(1);
    for (const result of all.filter((candidate) => candidate.status !== 'created')) expect(result.status).toBe('unchanged');
  }
  const list = await api.http.get('/v1/residents?pageSize=100').auth(office.viewer, { type: 'bearer' }).expect(200);
  expect(list.body.total).toBe(40);
  expect((await upload(file, 'c.csv', '', office.caseworker).expect(200)).body).toMatchObject({ unchanged: 40, errors: 0 });
});

test('two files in one request: 400 naming the file, and neither is imported', async () => {
  const office = await api.organisation('Two Files Office');
  const file = (name: string) =>
    Buffer.from(
      csv([
        ['氏名', '生年月日', '国籍'],
        [name, '1990-01-01', 'VNM'],
      ]),
    );
  const refused = await api.http
    .post('/v1/imports')
    .auth(office.caseworker, { type: 'bearer' })
    .attach('file', file('FIRST FILE PERSON'), 'a.csv')
    .attach('other', file('SECOND FILE PERSON'), 'b.csv')
    .expect(400);
  expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
  expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'file', message: expect.stringMatching(/one file/) })]);
  const listed = await api.http.get('/v1/residents').auth(office.viewer, { type: 'bearer' }).expect(200);
  expect(listed.body.items).toEqual([]);
  // A form field beside the file is refused alike: the body is one file and nothing else.
  await api.http
    .post('/v1/imports')
    .auth(office.caseworker, { type: 'bearer' })
    .field('note', 'x')
    .attach('file', file('FIELD PERSON'), 'a.csv')
    .expect(400);
});
