/**
 * An import cannot take the API down: a 10 MiB CSV of one-cell rows and a small XLSX whose
 * worksheet inflates to hundreds of MiB (or whose zip directory lies about it) are refused with a
 * 413 in seconds, with the process's memory bounded; `/health` answers while a large legal file
 * is read and judged; and a second import of the same organisation, sent to another API process
 * while the first runs, is refused 409.
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { createDeflateRaw } from 'node:zlib';
import { addDays, japanDateOf } from '@zairyu/domain';
import { Api, type Keys } from '../support/api-harness.js';

let api: Api;
let org: Keys;
const today = japanDateOf(new Date());
const MiB = 1024 * 1024;

beforeAll(async () => {
  api = await Api.start();
  org = await api.organisation('Limits Office');
}, 120_000);
afterAll(() => api.close());

function upload(file: Buffer, name: string, query = '?dryRun=true', on: Api = api) {
  return on.http.post(`/v1/imports${query}`).auth(org.caseworker, { type: 'bearer' }).attach('file', file, name);
}

/** Runs `work` while sampling the process's RSS: its answer and how far the RSS rose above where it began. */
async function measured<T>(work: () => Promise<T>): Promise<{ value: T; growthMiB: number; seconds: number }> {
  global.gc?.();
  const before = process.memoryUsage().rss;
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const started = Date.now();
  try {
    const value = await work();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { value, growthMiB: (peak - before) / MiB, seconds: (Date.now() - started) / 1000 };
  } finally {
    clearInterval(sampler);
  }
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(crc: number, bytes: Buffer): number {
  let c = ~crc >>> 0;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return ~c >>> 0;
}

interface ZipEntry {
  name: string;
  /** The entry's bytes as pieces, deflated as they come (so hundreds of MiB never sit in memory). */
  pieces: () => Iterable<Buffer>;
  /** What the directory says the entry inflates to (the truth when absent). */
  declaredSize?: number;
}

/** A zip written by hand (deflate, no data descriptors), as small as its content compresses. */
async function zip(entries: ZipEntry[]): Promise<Buffer> {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const deflate = createDeflateRaw({ level: 9 });
    const out: Buffer[] = [];
    deflate.on('data', (chunk: Buffer) => out.push(chunk));
    const done = new Promise((resolve) => deflate.on('end', resolve));
    let crc = 0;
    let size = 0;
    for (const piece of entry.pieces()) {
      crc = crc32(crc, piece);
      size += piece.length;
      if (!deflate.write(piece)) await new Promise((resolve) => deflate.once('drain', resolve));
    }
    deflate.end();
    await done;
    const data = Buffer.concat(out);
    const declared = entry.declaredSize ?? size;
    const name = Buffer.from(entry.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(declared, 22);
    local.writeUInt16LE(name.length, 26);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(20, 6);
    header.writeUInt16LE(8, 10);
    header.writeUInt32LE(crc, 16);
    header.writeUInt32LE(data.length, 20);
    header.writeUInt32LE(declared, 24);
    header.writeUInt16LE(name.length, 28);
    header.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    central.push(header, name);
    offset += local.length + name.length + data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const text = (value: string) => () => [Buffer.from(value)];

/** A workbook whose one worksheet is `sheetMiB` MiB of rows once inflated. */
function bombWorkbook(sheetMiB: number, declaredSize?: number): Promise<Buffer> {
  const row = '<row><c t="inlineStr"><is><t>x</t></is></c></row>';
  const piece = Buffer.from(row.repeat(Math.floor(MiB / row.length)));
  return zip([
    {
      name: '[Content_Types].xml',
      pieces: text(
        '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
          '<Default Extension="xml" ContentType="application/xml"/>' +
          '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
          '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
      ),
    },
    {
      name: '_rels/.rels',
      pieces: text(
        '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
          '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
      ),
    },
    {
      name: 'xl/workbook.xml',
      pieces: text(
        '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
          'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="a" sheetId="1" r:id="rId1"/></sheets></workbook>',
      ),
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      pieces: text(
        '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
          '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
      ),
    },
    {
      name: 'xl/worksheets/sheet1.xml',
      declaredSize,
      pieces: function* () {
        yield Buffer.from('<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>');
        for (let n = 0; n < sheetMiB; n++) yield piece;
        yield Buffer.from('</sheetData></worksheet>');
      },
    },
  ]);
}

test('a 10 MiB CSV of one-cell rows: 413 in seconds, memory bounded', async () => {
  const file = Buffer.from('氏名,生年月日,国籍\n' + 'a\n'.repeat(5 * MiB - 16));
  expect(file.length).toBeGreaterThan(10 * MiB - 64);
  const { value: response, growthMiB, seconds } = await measured(() => upload(file, 'rows.csv'));
  expect(response.status).toBe(413);
  expect(response.headers['content-type']).toContain('application/problem+json');
  expect(response.body.detail).toContain('20000 rows');
  expect(response.body.detailJa).toContain('20000 行まで');
  expect(seconds).toBeLessThan(10);
  expect(growthMiB).toBeLessThan(300);
}, 60_000);

test('a 10 MiB CSV of rows with only blank cells: 413 once 100,000 are read', async () => {
  const file = Buffer.from('氏名,生年月日,国籍\n' + ',\n'.repeat(5 * MiB - 16));
  const { value: response, growthMiB, seconds } = await measured(() => upload(file, 'blank.csv'));
  expect(response.status).toBe(413);
  expect(response.body.detailJa).toContain('空欄だけの行を含めて 100000 行まで');
  expect(seconds).toBeLessThan(20);
  expect(growthMiB).toBeLessThan(300);
}, 60_000);

test('an XLSX whose worksheet inflates to hundreds of MiB: 413 before it is inflated', async () => {
  const file = await bombWorkbook(256);
  expect(file.length).toBeLessThan(2 * MiB);
  const { value: response, growthMiB, seconds } = await measured(() => upload(file, 'bomb.xlsx'));
  expect(response.status).toBe(413);
  expect(response.headers['content-type']).toContain('application/problem+json');
  expect(response.body.detail).toContain('inflates');
  expect(response.body.detailJa).toContain('展開後のサイズが大きすぎます');
  expect(seconds).toBeLessThan(10);
  expect(growthMiB).toBeLessThan(300);
}, 120_000);

test('an XLSX whose zip directory understates what it inflates to: 413 as well', async () => {
  const file = await bombWorkbook(64, 4096);
  const { value: response, growthMiB, seconds } = await measured(() => upload(file, 'liar.xlsx'));
  expect(response.status).toBe(413);
  expect(response.body.detailJa).toContain('展開後のサイズが大きすぎます');
  expect(seconds).toBeLessThan(10);
  expect(growthMiB).toBeLessThan(300);
}, 120_000);

/** Whether an import holds its advisory lock (import-lock.ts) now. */
async function importLockHeld(): Promise<boolean> {
  const { rows } = await api.runtime.pool.query<{ held: boolean }>(
    `SELECT count(*) > 0 AS held FROM pg_locks WHERE locktype = 'advisory' AND classid = $1 AND granted`,
    [0x1d90a7],
  );
  return rows[0]!.held;
}

test('/health answers while a large legal file (20,000 rows and 200,000 blank lines) is read and judged; a second import of the organisation meanwhile is 409', async () => {
  const replica = await api.replica();
  try {
    const lines = ['管理番号,氏名,生年月日,国籍,在留資格,在留期間満了日,備考（読まない列）'];
    const filler = 'x'.repeat(300);
    for (let n = 0; n < 20_000; n++) lines.push(`L-${n},LARGE PERSON${n},1990-01-01,VNM,留学,${addDays(today, 100)},${filler}`);
    // Blank lines are legal (they are skipped); a sync parse once spent minutes on them.
    const file = Buffer.from(lines.join('\n') + '\n'.repeat(200_000));
    let running = true;
    const started = Date.now();
    let took = 0;
    const first = upload(file, 'large.csv').then((response) => {
      running = false;
      took = Date.now() - started;
      return response;
    });
    const latencies: number[] = [];
    const health = (async () => {
      while (running) {
        const started = Date.now();
        await api.http.get('/health').expect(200);
        latencies.push(Date.now() - started);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    })();
    // Once the first import holds the organisation's lock, another process's import of the same organisation is refused.
    while (!(await importLockHeld())) await new Promise((resolve) => setTimeout(resolve, 20));
    const second = await upload(Buffer.from('氏名,生年月日,国籍\nA,1990-01-01,VNM\n'), 'second.csv', '?dryRun=true', replica);
    expect(running).toBe(true);
    expect(second.status).toBe(409);
    expect(second.headers['content-type']).toContain('application/problem+json');
    expect(second.body.detailJa).toContain('取込みを実行中です');
    const response = await first;
    await health;
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ rows: 20_000, errors: 0 });
    expect(latencies.length).toBeGreaterThan(3);
    // The event loop stayed free: no answer waited for the file's parse or the rows' judging,
    // which, done in one go, would hold it for most of the import. Judged against the import's
    // own time, not a number of seconds: a machine loaded by the browser tests stretches
    // everything (a fixed 1.5 s failed twice on 2026-12-07 with 2.5 and 3.4 s), and under that load
    // one wait of 2.1 s came in an import of 9.8 s whose rows give the loop back every 50 (not
    // explained: a collection, or the other worker). Alone: 0.12 s of 7-10 s.
    expect(Math.max(...latencies)).toBeLessThan(took / 3);
    // The lock went with the first import: the next one runs.
    await upload(Buffer.from('氏名,生年月日,国籍\nA,1990-01-01,VNM\n'), 'third.csv', '?dryRun=true', replica).expect(200);
  } finally {
    await replica.close();
  }
}, 300_000);

test('imports sent one after the other, each on the answer to the last, are never refused 409', async () => {
  const file = Buffer.from('氏名,生年月日,国籍\nA,1990-01-01,VNM\n');
  const statuses: number[] = [];
  for (let n = 0; n < 30; n++) {
    const asked = upload(file, `one-${n}.csv`);
    statuses.push((n % 2 === 0 ? await asked : await asked.set('accept', 'application/x-ndjson')).status);
  }
  expect(statuses.filter((status) => status !== 200)).toEqual([]);
}, 120_000);
