/**
 * The parse of an uploaded spreadsheet, run in a worker thread (sheet-parser.ts starts it) so
 * that a large or hostile file never holds the API's event loop. Plain JavaScript because a
 * worker is started from a file Node runs as it is (the tests run the TypeScript sources).
 *
 * It knows nothing of the import's columns: it reads rows and stops early. The first `headRows`
 * rows (CSV: every record, blank ones too; XLSX: rows with a value) come back whole, for the
 * header search on the main thread; after them only rows with a value, and at most `maxRows + 1`
 * of them (one more than allowed is enough to know a file holds too many).
 *
 * An XLSX is a zip: its central directory is read first (yauzl), and a file with too many
 * entries, or whose entries say they inflate to more than the bounds, is refused before any is
 * inflated; then every entry is inflated once into nothing, counting, so that a directory that
 * lies about the sizes is refused too (yauzl checks each entry's bytes against its declared
 * size). Only then does exceljs stream the first worksheet's rows.
 */
import { Buffer } from 'node:buffer';
import { Readable } from 'node:stream';
import { TextDecoder } from 'node:util';
import { parentPort, workerData } from 'node:worker_threads';
import { parse } from 'csv-parse';
import iconv from 'iconv-lite';

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const REPLACEMENT = '\ufffd';
const MiB = 1024 * 1024;

/** A failure the import answers as the file's fault (`status`: 400 unreadable, 413 too large). */
class FileFault extends Error {
  constructor(status, message, messageJa) {
    super(message);
    this.status = status;
    this.messageJa = messageJa;
  }
}

const tooManyRows = (maxRows) =>
  new FileFault(
    413,
    `At most ${maxRows} rows per file; this one has more.`,
    `1 ファイルは ${maxRows} 行までです（このファイルはそれより多い行があります）`,
  );

/** CSV records read at most, per row allowed (blank-celled ones included). */
const MAX_RECORDS_PER_ROW = 5;

const tooManyLines = (records) =>
  new FileFault(
    413,
    `At most ${records} rows per file, rows of blank cells included; this one has more.`,
    `1 ファイルは空欄だけの行を含めて ${records} 行までです（このファイルはそれより多い行があります）`,
  );

/** Collects rows as they are read, and says when to stop. */
class Rows {
  constructor(headRows, maxRows) {
    this.headRows = headRows;
    this.maxRows = maxRows;
    this.head = [];
    this.rest = [];
  }
  /** Adds one row (`inHead`: it is one of the first rows); throws once more rows than allowed have a value. */
  add(row, inHead) {
    if (inHead) {
      this.head.push(row);
      return;
    }
    if (!row.cells.some((cell) => cell !== null)) return;
    this.rest.push(row);
    if (this.rest.length > this.maxRows) throw tooManyRows(this.maxRows);
  }
}

/** `lossy`: some bytes were not text in `encoding` and became U+FFFD (which Shift_JIS cannot encode). */
function decodeCsv(bytes) {
  const strictUtf8 = (body) => new TextDecoder('utf-8', { fatal: true }).decode(body);
  if (bytes.subarray(0, 3).equals(UTF8_BOM)) {
    try {
      return { text: strictUtf8(bytes.subarray(3)), encoding: 'utf-8', lossy: false };
    } catch {
      return { text: bytes.subarray(3).toString('utf8'), encoding: 'utf-8', lossy: true };
    }
  }
  try {
    return { text: strictUtf8(bytes), encoding: 'utf-8', lossy: false };
  } catch {
    const text = iconv.decode(bytes, 'cp932');
    return { text, encoding: 'shift_jis', lossy: text.includes(REPLACEMENT) };
  }
}

/** The text in pieces, so that the parser streams (records are taken as they come, and it stops at the cap). */
function* pieces(text) {
  const size = 64 * 1024;
  for (let at = 0; at < text.length; at += size) yield text.slice(at, at + size);
}

async function readCsv(bytes, rows) {
  const { text, encoding, lossy } = decodeCsv(bytes);
  // A record longer than max_record_size is no row of a caseload (it would only hold memory).
  // Empty lines are skipped by the parser itself: as records, each cost csv-parse an error object
  // (its column count differs from the header's), which made a file of blank lines take minutes.
  const parser = parse({ relax_column_count: true, skip_empty_lines: true, trim: false, max_record_size: MiB, info: true });
  const input = Readable.from(pieces(text));
  input.pipe(parser);
  try {
    for await (const { record, info } of parser) {
      // Rows with only blank cells (`,,,`) are records too: bounded apart from the rows with a value.
      if (info.records > rows.maxRows * MAX_RECORDS_PER_ROW) throw tooManyLines(rows.maxRows * MAX_RECORDS_PER_ROW);
      const cells = record.map((cell) => (cell.trim() === '' ? null : cell.trim()));
      // The row number counts the empty lines too, as a spreadsheet program shows it.
      const row = { row: info.records + info.empty_lines, cells };
      if (lossy && record.some((cell) => cell.includes(REPLACEMENT))) row.undecodable = true;
      rows.add(row, row.row <= rows.headRows);
    }
  } catch (error) {
    if (error instanceof FileFault) throw error;
    throw new FileFault(400, `The CSV cannot be read: ${error.message}`, `CSV を読み取れません: ${error.message}`);
  } finally {
    input.destroy();
    parser.destroy();
  }
  return { format: 'csv', encoding };
}

/** A cell's value as shown: rich text joined, a formula's result, a hyperlink's text. */
function cellValue(value) {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  // A date crosses to the main thread as its time (sheet-parser.ts makes it a Date of that thread's realm again).
  if (value instanceof Date) return { date: value.getTime() };
  if (typeof value !== 'object') return null;
  if ('richText' in value) return cellValue(value.richText.map((part) => part.text).join(''));
  if ('result' in value) return cellValue(value.result ?? null);
  if ('text' in value && typeof value.text === 'string') return cellValue(value.text);
  return null;
}

const unreadableXlsx = (error) =>
  new FileFault(400, `The XLSX file cannot be read: ${error.message}`, `XLSX ファイルを読み取れません: ${error.message}`);

/** Refuses a zip whose directory names too many entries or too many bytes, then inflates each entry once to check its real size. */
async function checkZip(bytes, limits) {
  const { default: yauzl } = await import('yauzl');
  const zip = await new Promise((resolve, reject) =>
    yauzl.fromBuffer(bytes, { lazyEntries: true, validateEntrySizes: true }, (error, file) =>
      error ? reject(unreadableXlsx(error)) : resolve(file),
    ),
  );
  try {
    if (zip.entryCount > limits.entries)
      throw new FileFault(
        413,
        `The XLSX file has ${zip.entryCount} parts; at most ${limits.entries} are read.`,
        `XLSX ファイルの構成要素が多すぎます（${zip.entryCount} 個、${limits.entries} 個まで）。`,
      );
    const entries = await new Promise((resolve, reject) => {
      const found = [];
      let total = 0;
      zip.on('error', (error) => reject(unreadableXlsx(error)));
      zip.on('end', () => resolve(found));
      zip.on('entry', (entry) => {
        total += entry.uncompressedSize;
        if (entry.uncompressedSize > limits.entryBytes || total > limits.totalBytes) {
          reject(inflatesTooFar(limits));
          return;
        }
        found.push(entry);
        zip.readEntry();
      });
      zip.readEntry();
    });
    for (const entry of entries) {
      if (entry.fileName.endsWith('/')) continue;
      const stream = await new Promise((resolve, reject) =>
        zip.openReadStream(entry, (error, read) => (error ? reject(unreadableXlsx(error)) : resolve(read))),
      );
      try {
        for await (const chunk of stream) void chunk;
      } catch (error) {
        // yauzl: more (or fewer) bytes than the directory said.
        throw /too many bytes/.test(error.message) ? inflatesTooFar(limits) : unreadableXlsx(error);
      }
    }
  } finally {
    zip.close();
  }
}

function inflatesTooFar(limits) {
  const mib = (bytes) => Math.round(bytes / MiB);
  return new FileFault(
    413,
    `The XLSX file inflates to more than is read (${mib(limits.entryBytes)} MiB a part, ${mib(limits.totalBytes)} MiB in all).`,
    `XLSX ファイルの展開後のサイズが大きすぎます（1 要素 ${mib(limits.entryBytes)} MiB、合計 ${mib(limits.totalBytes)} MiB まで）。`,
  );
}

async function readXlsx(bytes, rows, limits) {
  await checkZip(bytes, limits);
  // Loaded here only: exceljs takes a while to load, and most imports are CSV.
  const { default: ExcelJS } = await import('exceljs');
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([bytes]), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  let sheets = 0;
  try {
    for await (const worksheet of reader) {
      sheets++;
      for await (const row of worksheet) {
        const values = row.values;
        // row.values is 1-based: index 0 is always empty.
        const cells = Array.from({ length: Math.max(values.length - 1, 0) }, (_, index) => cellValue(values[index + 1]));
        if (cells.some((cell) => cell !== null)) rows.add({ row: row.number, cells }, rows.head.length < rows.headRows);
      }
      break; // the first worksheet only
    }
  } catch (error) {
    if (error instanceof FileFault) throw error;
    throw unreadableXlsx(error);
  }
  if (sheets === 0) throw new FileFault(400, 'The workbook has no worksheet.', 'ブックにシートがありません。');
  return { format: 'xlsx', encoding: null };
}

async function main() {
  const { bytes: raw, headRows, maxRows, zipLimits } = workerData;
  const bytes = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
  const rows = new Rows(headRows, maxRows);
  try {
    const file = bytes.subarray(0, 4).equals(ZIP_MAGIC) ? await readXlsx(bytes, rows, zipLimits) : await readCsv(bytes, rows);
    parentPort.postMessage({ ok: true, ...file, head: rows.head, rest: rows.rest });
  } catch (error) {
    if (error instanceof FileFault)
      parentPort.postMessage({ ok: false, status: error.status, message: error.message, messageJa: error.messageJa });
    else
      parentPort.postMessage({
        ok: false,
        status: 400,
        message: `The file cannot be read: ${error.message}`,
        messageJa: `ファイルを読み取れません: ${error.message}`,
      });
  }
}

await main();
