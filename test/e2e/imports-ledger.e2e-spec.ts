/**
 * POST /v1/imports with a support organisation's own Excel ledger: a title row above the
 * headers, its own column names (国籍, 在留期限, 担当, 分野, 入国日, No.), 担当 as family names,
 * 和暦 and full-width digits, saved as Shift_JIS CSV (letters lost) or XLSX. The 特定技能 facts
 * come in (the 5-year count, support and its interviews, the retention of records), employers
 * are linked to records, a re-import records what is new, and every message has its Japanese.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { addDays, corporateNumberCheckDigit, japanDateOf, type LocalDate } from '@zairyu/domain';
import { Api, type Keys } from '../support/api-harness.js';

let api: Api;
const today = japanDateOf(new Date());

beforeAll(async () => {
  api = await Api.start();
});
afterAll(() => api.close());

const csv = (rows: string[][]) =>
  rows.map((row) => row.map((cell) => (/[",\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell)).join(',')).join('\r\n') + '\r\n';

function upload(token: string, file: Buffer, name: string, query = '') {
  return api.http.post(`/v1/imports${query}`).auth(token, { type: 'bearer' }).attach('file', file, name);
}

/** 令和 with full-width digits, as a ledger typed in Japanese input mode has it: 令和８年１２月６日. */
function wideWareki(date: LocalDate): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const text = `令和${year - 2018}年${month}月${day}日`;
  return text.replace(/[0-9]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) + 0xfee0));
}

const get = (token: string, path: string) => api.http.get(path).auth(token, { type: 'bearer' }).expect(200);

interface Row {
  row: number;
  status: string;
  residentId?: string;
  errors?: Array<Record<string, unknown>>;
  warnings?: Array<Record<string, unknown>>;
  employer?: { name: string; match: string; id?: string };
}
const rowOf = (body: { results: Row[] }, row: number) => body.results.find((result) => result.row === row)!;

describe("an office's own ledger: title row, its own headers, 担当 by family name, Shift_JIS", () => {
  let office: Keys;
  let sato: string;
  const LEDGER_HEADER = [
    'No.',
    '氏名',
    'フリガナ',
    '国籍',
    '性別',
    '生年月日',
    '在留資格',
    '在留期限',
    '在留カード番号',
    '所属機関',
    '担当',
    '備考',
  ];
  const ledger = (name: string) => [
    ['外国人材管理台帳（令和8年12月現在）', '', '', '', '', '', '', '', '', '', '', ''],
    LEDGER_HEADER,
    [
      '１',
      name,
      'グエン',
      'ベトナム',
      '男',
      '平成１０年７月２１日',
      '留学',
      wideWareki(addDays(today, 200)),
      'LS12345678AB',
      '',
      '佐藤',
      '',
    ],
    ['２', 'SANTOS MARIA', 'サントス', 'フィリピン', '女', '1995/3/4', '', '', '', '', '田中', '要確認'],
  ];

  beforeAll(async () => {
    office = await api.organisation('Ledger Office');
    const created = await api.http
      .post(`/v1/organisations/${office.organisationId}/users`)
      .auth(office.manager, { type: 'bearer' })
      .send({ name: '佐藤 花子', email: 'hanako.sato@example.jp', role: 'caseworker' })
      .expect(201);
    sato = created.body.id;
  });

  test('the dry run finds the header under the title, reads the columns, warns of lost letters and an unknown 担当', async () => {
    // Excel's Shift_JIS save has no ễ: it writes ?.
    const file = iconv.encode(csv(ledger('Nguy?n Van Lam')), 'Shift_JIS');
    const dry = await upload(office.caseworker, file, 'ledger.csv', '?dryRun=true').expect(200);
    expect(dry.body).toMatchObject({ encoding: 'shift_jis', headerRow: 2, rows: 2, created: 2, errors: 0 });
    // The running number is no column; 備考 is the template's notes.
    expect(dry.body.ignoredColumns).toEqual([]);
    expect(dry.body.columns).toEqual(
      expect.arrayContaining([
        { column: '国籍', field: 'nationality', columnJa: '国籍・地域' },
        { column: '在留期限', field: 'periodExpiresOn', columnJa: '在留期間満了日' },
        { column: '担当', field: 'assignedTo', columnJa: '担当者' },
      ]),
    );
    expect(dry.body.summaryJa).toContain('新規 2 件');
    expect(rowOf(dry.body, 3).warnings).toEqual([
      expect.objectContaining({
        column: '氏名',
        columnJa: '氏名',
        field: 'fullName',
        code: 'LETTERS_LOST',
        messageJa: '文字が失われています: UTF-8 の CSV か Excel で保存してください',
      }),
    ]);
    expect(rowOf(dry.body, 4)).toMatchObject({ status: 'created' });
    expect(rowOf(dry.body, 4).warnings).toEqual([
      expect.objectContaining({
        column: '担当',
        field: 'assignedTo',
        code: 'ASSIGNEE_UNKNOWN',
        messageJa: expect.stringContaining('田中'),
      }),
    ]);
  });

  test('the real run assigns 佐藤 to 佐藤 花子 and leaves 田中 unassigned; a Shift_JIS re-import is the same person, name kept', async () => {
    // First the good spelling, from UTF-8; then the office saves as Shift_JIS and imports again.
    const first = await upload(office.caseworker, Buffer.from(csv(ledger('Nguyễn Van Lam'))), 'ledger.csv').expect(200);
    expect(first.body).toMatchObject({ headerRow: 2, created: 2, errors: 0 });
    const lam = await get(office.viewer, `/v1/residents/${rowOf(first.body, 3).residentId}`);
    expect(lam.body).toMatchObject({
      fullName: 'Nguyễn Van Lam',
      dateOfBirth: '1998-07-21',
      gender: 'male',
      assignedTo: sato,
    });
    expect(lam.body.status.residence).toMatchObject({ status: 'student', periodExpiresOn: addDays(today, 200) });
    const maria = await get(office.viewer, `/v1/residents/${rowOf(first.body, 4).residentId}`);
    expect(maria.body).toMatchObject({ fullName: 'SANTOS MARIA', notes: '要確認' });
    expect(maria.body.assignedTo ?? null).toBeNull();

    const lossy = iconv.encode(csv(ledger('Nguy?n Van Lam')), 'Shift_JIS');
    const again = await upload(office.caseworker, lossy, 'ledger.csv').expect(200);
    expect(rowOf(again.body, 3)).toMatchObject({ status: 'unchanged', residentId: lam.body.id });
    expect(rowOf(again.body, 3).errors).toBeUndefined();
    expect((await get(office.viewer, `/v1/residents/${lam.body.id}`)).body.fullName).toBe('Nguyễn Van Lam');
  });

  test('every row error and file problem has its Japanese', async () => {
    const rows = ledger('LE VAN BAD');
    rows[2]![5] = '平成１０年２月３０日';
    const dry = await upload(office.caseworker, Buffer.from(csv(rows)), 'bad.csv', '?dryRun=true').expect(200);
    expect(rowOf(dry.body, 3).errors).toEqual([
      expect.objectContaining({
        column: '生年月日',
        columnJa: '生年月日',
        field: 'dateOfBirth',
        messageJa: expect.stringContaining('日付ではありません'),
      }),
    ]);
    const missing = await upload(
      office.caseworker,
      Buffer.from(
        csv([
          ['氏名', '電話番号'],
          ['A', '1'],
        ]),
      ),
      'x.csv',
    ).expect(400);
    expect(missing.body.detailJa).toContain('生年月日');
    expect(missing.body.errors[0]).toMatchObject({ field: '生年月日', messageJa: '「生年月日」の列が必要です' });
  });
});

describe('特定技能 workers: the field, the 5-year count, support and its interviews, retention (XLSX)', () => {
  let office: Keys;
  let report: { results: Row[] };
  const grantedOn = addDays(today, -100);
  const asDate = (date: LocalDate) => new Date(`${date}T00:00:00Z`);

  beforeAll(async () => {
    office = await api.organisation('SSW Office');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('台帳');
    sheet.addRow(['特定技能外国人 管理台帳']);
    sheet.addRow([]);
    sheet.addRow([
      'No',
      '氏名',
      '国籍・地域',
      '生年月日',
      '在留資格',
      '特定産業分野',
      '在留期間満了日',
      '許可日',
      '在留カード番号',
      '交付日',
      '所属機関',
      '特定技能開始日',
      '通算月数',
      '支援開始日',
      '上陸日',
    ]);
    const common = (n: number) => [
      `SSW WORKER${n}`,
      'インドネシア',
      asDate('1999-05-05' as LocalDate),
      '特定技能１号',
      '外食業',
      asDate(addDays(today, 200)),
      asDate(grantedOn),
      `SS${String(n).padStart(8, '0')}WK`,
      asDate(grantedOn),
      '株式会社みどり食堂',
    ];
    sheet.addRow([1, ...common(1), asDate('2024-04-01' as LocalDate), null, asDate('2024-04-01' as LocalDate), null]);
    sheet.addRow([2, ...common(2), null, '２９', asDate(addDays(today, -20)), null]);
    sheet.addRow([3, ...common(3), null, null, null, asDate('2025-01-15' as LocalDate)]);
    const file = Buffer.from(await workbook.xlsx.writeBuffer());
    const dry = await upload(office.caseworker, file, 'ssw.xlsx', '?dryRun=true').expect(200);
    expect(dry.body).toMatchObject({ format: 'xlsx', headerRow: 3, created: 3, errors: 0 });
    const real = await upload(office.caseworker, file, 'ssw.xlsx').expect(200);
    expect(real.body).toMatchObject({ created: 3, errors: 0 });
    report = real.body;
  });

  test('the 5-year count runs from the first day in 1号, or from the months already used, not from the import day', async () => {
    const first = await get(office.viewer, `/v1/residents/${rowOf(report, 4).residentId}`);
    expect(first.body.ssw.field).toMatchObject({ code: 'food_service', ja: '外食業' });
    // From 2024-04-01: the cap falls in spring 2029 (from the import day it would be 2031).
    expect(first.body.ssw.ssw1.capReachedOn).toMatch(/^2029-0[34]-/);
    const second = await get(office.viewer, `/v1/residents/${rowOf(report, 5).residentId}`);
    // 29 of the 60 months used: some 31 months are left.
    const left = second.body.ssw.ssw1.capReachedOn as string;
    expect(left > addDays(today, 900) && left < addDays(today, 980)).toBe(true);
    // No first day, but an entry day: counted from it, and the office is told.
    const third = await get(office.viewer, `/v1/residents/${rowOf(report, 6).residentId}`);
    expect(third.body.ssw.ssw1.capReachedOn).toMatch(/^2030-01-/);
    expect(rowOf(report, 6).warnings).toEqual([expect.objectContaining({ field: 'enteredOn', columnJa: '入国日' })]);
  });

  test('support runs from the support-start column (or the take-over), so the interviews are due', async () => {
    const first = await get(office.viewer, `/v1/residents/${rowOf(report, 4).residentId}`);
    // Support began before the current period's grant: the ledger follows it from the grant day.
    expect(first.body.ssw.supportSince).toBe(grantedOn);
    const second = await get(office.viewer, `/v1/residents/${rowOf(report, 5).residentId}`);
    expect(second.body.ssw.supportSince).toBe(addDays(today, -20));
    expect(second.body.ssw.nextInterviews.worker).not.toBeNull();
    const deadlines = await get(office.viewer, `/v1/residents/${second.body.id}/deadlines`);
    expect(deadlines.body.map((deadline: { kind: string }) => deadline.kind)).toContain('support_interview');
  });

  test('erasure of an imported worker whose support runs is refused (records are kept)', async () => {
    const refused = await api.http
      .post(`/v1/residents/${rowOf(report, 5).residentId}/erasure`)
      .auth(office.manager, { type: 'bearer' })
      .send({ reason: 'data_subject_request' })
      .expect(409);
    expect(refused.body.code).toBe('RETENTION_HOLDS');
  });
});

test('所属機関 links to employer records by 法人番号, else by name; the dry run says which are new', async () => {
  const office = await api.organisation('Employer Office');
  const base = '234567890123';
  const corporateNumber = `${corporateNumberCheckDigit(base)}${base}`;
  const byNumber = await api.http
    .post('/v1/employers')
    .auth(office.manager, { type: 'bearer' })
    .send({ name: '株式会社あおば建設', corporateNumber })
    .expect(201);
  const byName = await api.http.post('/v1/employers').auth(office.manager, { type: 'bearer' }).send({ name: '株式会社さくら' }).expect(201);
  const rows = [
    ['氏名', '生年月日', '国籍', '所属機関', '法人番号'],
    ['WORKER ONE', '1990-01-01', 'VNM', 'あおば建設（本社）', corporateNumber],
    ['WORKER TWO', '1990-01-02', 'VNM', '㈱ さくら', ''],
    ['WORKER THREE', '1990-01-03', 'VNM', '有限会社ひかり', ''],
    ['WORKER FOUR', '1990-01-04', 'VNM', '有限会社ひかり', ''],
  ];
  const file = Buffer.from(csv(rows));
  const dry = await upload(office.caseworker, file, 'employers.csv', '?dryRun=true').expect(200);
  expect(dry.body.results.map((result: Row) => result.employer)).toEqual([
    { name: '株式会社あおば建設', match: 'existing', id: byNumber.body.id },
    { name: '株式会社さくら', match: 'existing', id: byName.body.id },
    { name: '有限会社ひかり', match: 'new' },
    { name: '有限会社ひかり', match: 'new' },
  ]);
  expect((await get(office.viewer, '/v1/employers')).body.total).toBe(2);

  const real = await upload(office.caseworker, file, 'employers.csv').expect(200);
  expect(real.body).toMatchObject({ created: 4, errors: 0 });
  const hikari = rowOf(real.body, 4).employer!;
  expect(hikari).toMatchObject({ match: 'new', id: expect.any(String) });
  expect(rowOf(real.body, 5).employer).toEqual(hikari);
  expect((await get(office.viewer, '/v1/employers')).body.total).toBe(3);
  // Grouped by employer: each record lists its imported workers.
  const names = async (id: string) =>
    (await get(office.viewer, `/v1/employers/${id}`)).body.residents.map((resident: { fullName: string }) => resident.fullName).sort();
  expect(await names(byNumber.body.id)).toEqual(['WORKER ONE']);
  expect(await names(byName.body.id)).toEqual(['WORKER TWO']);
  expect(await names(hikari.id!)).toEqual(['WORKER FOUR', 'WORKER THREE']);
  // The residents export names the employer (what the import reads back), not the record id.
  const exported = await api.http.get('/v1/residents.csv').auth(office.viewer, { type: 'bearer' }).expect(200);
  expect(exported.text).toContain('有限会社ひかり');
  expect(exported.text).not.toContain(hikari.id!);
});

test('a re-import records what is new: a pending application, then the new period and card', async () => {
  const office = await api.organisation('Renewal Office');
  const granted = addDays(today, -300);
  const expires = addDays(today, 65);
  const header = ['管理番号', '氏名', '生年月日', '国籍', '在留資格', '在留期限', '許可日', '在留カード番号', '申請中', '申請日', '交付日'];
  const row = (cells: Partial<Record<string, string>>) => header.map((name) => cells[name] ?? '');
  const person = { 管理番号: 'R-1', 氏名: 'RENEW PERSON', 生年月日: '1990-01-01', 国籍: 'VNM', 在留資格: '技人国' };
  const firstFile = csv([header, row({ ...person, 在留期限: expires, 許可日: granted, 在留カード番号: 'RN11111111AA' })]);
  const first = await upload(office.caseworker, Buffer.from(firstFile), 'a.csv').expect(200);
  const id = first.body.results[0].residentId;

  const appliedOn = addDays(today, -10);
  const applied = csv([header, row({ ...person, 在留期限: expires, 在留カード番号: 'RN11111111AA', 申請中: '更新', 申請日: appliedOn })]);
  const second = await upload(office.caseworker, Buffer.from(applied), 'b.csv').expect(200);
  expect(second.body).toMatchObject({ updated: 1, unchanged: 0, errors: 0 });
  let resident = await get(office.viewer, `/v1/residents/${id}`);
  expect(resident.body.pendingApplication).toMatchObject({ type: 'extension', appliedOn });

  const newExpiry = addDays(expires, 365 * 3);
  const grantedAgain = addDays(today, -2);
  const renewed = csv([
    header,
    row({ ...person, 在留期限: newExpiry, 許可日: grantedAgain, 在留カード番号: 'RN22222222BB', 交付日: grantedAgain }),
  ]);
  const third = await upload(office.caseworker, Buffer.from(renewed), 'c.csv').expect(200);
  expect(third.body).toMatchObject({ updated: 1, errors: 0 });
  resident = await get(office.viewer, `/v1/residents/${id}`);
  expect(resident.body.status.residence).toMatchObject({ status: 'engineer_humanities_international', periodExpiresOn: newExpiry });
  expect(resident.body.pendingApplication ?? null).toBeNull();
  const events = await get(office.viewer, `/v1/residents/${id}/events`);
  expect(events.body.map((event: { type: string }) => event.type).slice(-2)).toEqual(['ExtensionApplied', 'ExtensionGranted']);
  expect((await get(office.viewer, '/v1/cards/RN22222222BB')).body.residentId).toBe(id);
  // The same file once more adds nothing.
  expect((await upload(office.caseworker, Buffer.from(renewed), 'c.csv').expect(200)).body).toMatchObject({ unchanged: 1 });
});

test('the template lists every column in Japanese with one example row, and imports as it stands', async () => {
  const office = await api.organisation('Template Office');
  const template = await api.http
    .get('/v1/imports/template.csv')
    .auth(office.viewer, { type: 'bearer' })
    .buffer(true)
    .parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    })
    .expect(200);
  expect(template.headers['content-disposition']).toContain('import-template.csv');
  const text = (template.body as Buffer).toString('utf8');
  const [header] = text.replace(/^\uFEFF/, '').split('\r\n');
  for (const column of [
    '氏名',
    '分野',
    '特定技能開始日',
    '特定技能通算月数',
    '育成就労開始日',
    '支援開始日',
    '入国日',
    '許可年月日',
    '在留カード交付年月日',
    '所属機関法人番号',
  ])
    expect(header!.split(',')).toContain(column);
  const dry = await upload(office.caseworker, template.body as Buffer, 'template.csv', '?dryRun=true').expect(200);
  expect(dry.body).toMatchObject({ rows: 1, created: 1, errors: 0 });
  expect((await api.http.get('/v1/imports/template.pdf').auth(office.viewer, { type: 'bearer' }).expect(404)).body.detailJa).toBeDefined();
});

test('育成就労開始日 (or skillDevelopmentCountFrom) is read: given for a 特定技能 worker it is an error on that column, nothing written', async () => {
  const office = await api.organisation('Ikusei Office');
  const grantedOn = addDays(today, -30);
  const rows = [
    ['氏名', '生年月日', '国籍・地域', '在留資格', '在留期間満了日', '許可日', '在留カード番号', '育成就労開始日'],
    ['IKUSEI WORKER', '2001-01-01', 'ベトナム', '特定技能1号', addDays(grantedOn, 364), grantedOn, 'IK12345678AA', grantedOn],
  ];
  const japanese = await upload(office.caseworker, Buffer.from(csv(rows)), 'ikusei.csv', '?dryRun=true').expect(200);
  expect(japanese.body.ignoredColumns).toEqual([]);
  expect(rowOf(japanese.body, 2).errors).toEqual([
    expect.objectContaining({ field: 'skillDevelopmentCountFrom', column: '育成就労開始日', columnJa: '育成就労開始日' }),
  ]);
  const english = await upload(
    office.caseworker,
    Buffer.from(csv([[...rows[0]!.slice(0, 7), 'skillDevelopmentCountFrom'], rows[1]!])),
    'ikusei.csv',
  ).expect(200);
  expect(english.body).toMatchObject({ created: 0, errors: 1 });
  expect(rowOf(english.body, 2).errors).toEqual([
    expect.objectContaining({ field: 'skillDevelopmentCountFrom', column: 'skillDevelopmentCountFrom', columnJa: '育成就労開始日' }),
  ]);
});

test('export problems have their Japanese too', async () => {
  const office = await api.organisation('Export Office');
  const format = await api.http.get('/v1/residents.pdf').auth(office.viewer, { type: 'bearer' }).expect(404);
  expect(format.body.detailJa).toBe('出力の形式は csv か xlsx です。');
  const filter = await api.http.get('/v1/residents.csv?assignedTo=nobody').auth(office.viewer, { type: 'bearer' }).expect(400);
  expect(filter.body.detailJa).toContain('絞り込みの条件が正しくありません');
});
