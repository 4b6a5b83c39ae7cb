/**
 * No text that reaches an event holds a control character or bytes its file could not read,
 * whichever path brought it: a registration, a correction, a spreadsheet import. One NUL in the
 * log stopped the read side of every organisation; a malformed
 * Shift_JIS name was stored with U+FFFD. Each is refused on its field (a 400, or a row error in
 * Japanese with a stable code) and nothing is appended.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import iconv from 'iconv-lite';
import { Api, type Keys } from '../support/api-harness.js';

let api: Api;
let org: Keys;

beforeAll(async () => {
  api = await Api.start();
  org = await api.organisation();
});
afterAll(() => api.close());

const person = { fullName: 'NGUYEN VAN AN', dateOfBirth: '1998-07-21', nationality: 'VNM' };

function upload(file: Buffer, query = '') {
  return api.http.post(`/v1/imports${query}`).auth(org.caseworker, { type: 'bearer' }).attach('file', file, 'caseload.csv');
}

const CSV_HEADER = '管理番号,氏名,生年月日,国籍・地域,備考\r\n';

describe('the API: registration and correction', () => {
  test.each([
    // A NUL is already refused by the JSON body's reader (safe-json-body.ts), in any field.
    ['NUL', 'NGUYEN\u0000VAN AN', 'NUL'],
    ['ESC', 'NGUYEN\u001b[2JVAN AN', 'U+001B'],
    ['bare CR', 'NGUYEN\rVAN AN', 'U+000D'],
    ['DEL', 'NGUYEN VAN AN\u007f', 'U+007F'],
  ])('%s in fullName (POST /v1/residents) is a 400 naming the field; nothing is appended', async (_, fullName, codePoint) => {
    const before = await api.eventCount();
    const response = await api.http
      .post('/v1/residents?confirm=true')
      .auth(org.caseworker, { type: 'bearer' })
      .send({ ...person, fullName })
      .expect(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body.errors).toEqual([{ field: 'fullName', message: expect.stringContaining(codePoint) }]);
    expect(await api.eventCount()).toBe(before);
  });

  test('a note takes line breaks and tabs, not other controls', async () => {
    await api.http
      .post('/v1/residents?confirm=true')
      .auth(org.caseworker, { type: 'bearer' })
      .send({ ...person, notes: 'first line\r\nsecond\tline' })
      .expect(201);
    const refused = await api.http
      .post('/v1/residents?confirm=true')
      .auth(org.caseworker, { type: 'bearer' })
      .send({ ...person, notes: 'bell\u0007' })
      .expect(400);
    expect(refused.body.errors).toEqual([{ field: 'notes', message: expect.stringContaining('U+0007') }]);
  });

  test('a correction (DetailsCorrected) with a control character in the name or the reason is a 400; nothing is appended', async () => {
    const id = await api.register(org.caseworker);
    const before = await api.eventCount();
    for (const data of [
      { fields: { fullName: 'NGUYEN\u0000VAN AN' }, reason: 'typo' },
      { fields: { fullName: 'NGUYEN\u001bVAN AN' }, reason: 'typo' },
      { fields: { fullName: 'NGUYEN VAN AM' }, reason: 'typo\u0000' },
    ]) {
      const response = await api.record(org.caseworker, id, 'DetailsCorrected', '2026-04-01', data).expect(400);
      expect(response.body.errors.length).toBeGreaterThan(0);
    }
    const escaped = await api.record(org.caseworker, id, 'DetailsCorrected', '2026-04-01', {
      fields: { fullName: 'NGUYEN\u001bVAN AN' },
      reason: 'typo',
    });
    expect(escaped.body.errors).toEqual([{ field: 'data.fields.fullName', message: expect.stringContaining('U+001B') }]);
    expect(await api.eventCount()).toBe(before);
  });
});

describe('a spreadsheet import', () => {
  test('a NUL or an ESC in a name is a row error in Japanese (code CONTROL_CHARACTER); the other rows are imported', async () => {
    const file = Buffer.from(
      `${CSV_HEADER}T-1,NGUYEN\u0000VAN AN,1998-07-21,VNM,\r\nT-2,TRAN THI BINH,1999-09-09,VNM,\r\nT-3,LE\u001bVAN C,1997-01-01,VNM,\r\n`,
    );
    const before = await api.eventCount();
    const report = await upload(file).expect(200);
    expect(report.body).toMatchObject({ created: 1, errors: 2 });
    const errorsOf = (row: number) => report.body.results.find((result: { row: number }) => result.row === row).errors;
    expect(errorsOf(2)).toEqual([
      {
        column: '氏名',
        columnJa: '氏名',
        field: 'fullName',
        code: 'CONTROL_CHARACTER',
        message: '「NGUYEN<U+0000>VAN AN」の 7 文字目に制御文字 U+0000 があります。取り除いてください',
        messageJa: '「NGUYEN<U+0000>VAN AN」の 7 文字目に制御文字 U+0000 があります。取り除いてください',
      },
    ]);
    expect(errorsOf(4)).toEqual([expect.objectContaining({ column: '氏名', code: 'CONTROL_CHARACTER' })]);
    // Only row 3's registration went in: nothing of the refused rows.
    expect(await api.eventCount()).toBe(before + 1);
  });

  test('a matched resident whose name the file would correct with a control character is a row error, not a correction', async () => {
    await upload(Buffer.from(`${CSV_HEADER}C-1,PHAM VAN D,1996-06-06,VNM,\r\n`)).expect(200);
    const before = await api.eventCount();
    const report = await upload(Buffer.from(`${CSV_HEADER}C-1,PHAM\u0000VAN D,1996-06-06,VNM,\r\n`)).expect(200);
    expect(report.body).toMatchObject({ updated: 0, errors: 1 });
    expect(report.body.results[0].errors).toEqual([expect.objectContaining({ field: 'fullName', code: 'CONTROL_CHARACTER' })]);
    expect(await api.eventCount()).toBe(before);
  });

  test('notes (備考) in a quoted cell take line breaks', async () => {
    const report = await upload(Buffer.from(`${CSV_HEADER}N-1,HO VAN E,1995-05-05,VNM,"first\r\nsecond"\r\n`)).expect(200);
    expect(report.body).toMatchObject({ created: 1, errors: 0 });
  });

  test('a malformed Shift_JIS name (髙橋 and a lead byte with no trail) is a row error in Japanese (UNDECODABLE_BYTES), not 髙橋�', async () => {
    const good = iconv.encode(`${CSV_HEADER}J-1,山田 花子,1990-01-01,ベトナム,\r\nJ-2,`, 'cp932');
    // 0x81 opens a two-byte character; a comma cannot end it.
    const broken = Buffer.concat([iconv.encode('髙橋', 'cp932'), Buffer.from([0x81])]);
    const rest = iconv.encode(',1991-02-02,VNM,\r\nJ-3,ｸﾞｴﾝ ﾊﾞﾝ,1992-03-03,VNM,\r\n', 'cp932');
    const file = Buffer.concat([good, broken, rest]);
    const before = await api.eventCount();
    const report = await upload(file).expect(200);
    expect(report.body).toMatchObject({ encoding: 'shift_jis', created: 2, errors: 1 });
    const errorsOf = (row: number) => report.body.results.find((result: { row: number }) => result.row === row).errors;
    expect(errorsOf(3)).toEqual([
      {
        column: '氏名',
        columnJa: '氏名',
        field: 'fullName',
        code: 'UNDECODABLE_BYTES',
        message: expect.stringMatching(/^「髙橋\ufffd」に文字として読めないバイトがあります/),
        messageJa: expect.stringMatching(/^「髙橋\ufffd」に文字として読めないバイトがあります/),
      },
    ]);
    expect(await api.eventCount()).toBe(before + 2);
    const listed = await api.http.get('/v1/residents?pageSize=200').auth(org.viewer, { type: 'bearer' }).expect(200);
    expect(JSON.stringify(listed.body)).not.toContain('\ufffd');
  });

  test('a UTF-8 file with a BOM and a malformed byte is refused the same way, not stored with U+FFFD', async () => {
    const file = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from(`${CSV_HEADER}B-1,GUEN`),
      Buffer.from([0xc3]),
      Buffer.from(',1990-01-01,VNM,\r\n'),
    ]);
    const report = await upload(file, '?dryRun=true').expect(200);
    expect(report.body.results[0].errors).toEqual([expect.objectContaining({ field: 'fullName', code: 'UNDECODABLE_BYTES' })]);
  });
});
