/**
 * One uploaded spreadsheet read into rows of cells, with maintained parsers only: XLSX with
 * exceljs (the first worksheet), CSV with csv-parse. A CSV is UTF-8 (with or without the BOM
 * Excel writes) or, when it is not valid UTF-8, Shift_JIS as Excel in Japan saves it (CP932,
 * Windows-31J, decoded by iconv-lite: ①, ㈱ and the NEC/IBM extensions included).
 *
 * The header is the first row that names known columns (import-template.ts `namesColumns`),
 * looked for in the first rows only: the title rows an office puts above it are skipped. A file
 * where no row does is read with its first row as the header (the import then says which
 * columns are missing).
 */
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { namesColumns } from './import-template.js';

export type Cell = string | number | boolean | Date | null;

export interface SheetRow {
  /** The row number a spreadsheet program shows (the header is row 1). */
  row: number;
  cells: Cell[];
  /**
   * Some of the row's bytes were not text in the file's encoding (a malformed Shift_JIS
   * sequence): U+FFFD stands for each in its cells, which are then refused, never stored.
   */
  undecodable?: true;
}

export interface Sheet {
  format: 'csv' | 'xlsx';
  /** csv only: the encoding the bytes were read in. */
  encoding: 'utf-8' | 'shift_jis' | null;
  header: string[];
  /** The row that named the columns (title rows above it are skipped). */
  headerRow: number;
  rows: SheetRow[];
}

export class UnreadableFile extends Error {
  constructor(
    message: string,
    /** The same in Japanese, for the problem's `detailJa`. */
    readonly messageJa: string,
  ) {
    super(message);
  }
}

/** How far down a title may push the header. */
const HEADER_SEARCH_ROWS = 20;

/** The index of the header among the first rows' texts (0 when none names known columns). */
function headerIndex(firstRows: readonly string[][]): number {
  const found = firstRows.slice(0, HEADER_SEARCH_ROWS).findIndex((cells) => namesColumns(cells));
  return found < 0 ? 0 : found;
}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);
/** What a decoder puts where bytes are not text. */
export const REPLACEMENT = '\ufffd';

export async function readSpreadsheet(bytes: Buffer): Promise<Sheet> {
  if (bytes.subarray(0, 4).equals(ZIP_MAGIC)) return readXlsx(bytes);
  return readCsv(bytes);
}

/** `lossy`: some bytes were not text in `encoding` and became U+FFFD (which Shift_JIS cannot encode). */
function decodeCsv(bytes: Buffer): { text: string; encoding: 'utf-8' | 'shift_jis'; lossy: boolean } {
  const strictUtf8 = (body: Buffer) => new TextDecoder('utf-8', { fatal: true }).decode(body);
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

function readCsv(bytes: Buffer): Sheet {
  const { text, encoding, lossy } = decodeCsv(bytes);
  let records: string[][];
  try {
    records = parse(text, { relax_column_count: true, skip_empty_lines: false, trim: false }) as string[][];
  } catch (error) {
    throw new UnreadableFile(`The CSV cannot be read: ${(error as Error).message}`, `CSV を読み取れません: ${(error as Error).message}`);
  }
  const at = headerIndex(records.slice(0, HEADER_SEARCH_ROWS));
  const header = records[at];
  if (header === undefined)
    throw new UnreadableFile('The file is empty: a row must name the columns.', 'ファイルが空です: 列名の行が必要です。');
  const rows = records
    .slice(at + 1)
    .map((cells, index): SheetRow => {
      const row: SheetRow = { row: at + index + 2, cells: cells.map((cell) => (cell.trim() === '' ? null : cell.trim())) };
      return lossy && cells.some((cell) => cell.includes(REPLACEMENT)) ? { ...row, undecodable: true } : row;
    })
    .filter((row) => row.cells.some((cell) => cell !== null));
  return { format: 'csv', encoding, header: header.map((cell) => cell.trim()), headerRow: at + 1, rows };
}

/** A cell's value as shown: rich text joined, a formula's result, a hyperlink's text. */
function cellValue(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
  if (typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if ('richText' in value) return cellValue(value.richText.map((part) => part.text).join(''));
  if ('result' in value) return cellValue((value.result ?? null) as ExcelJS.CellValue);
  if ('text' in value && typeof value.text === 'string') return cellValue(value.text);
  if ('error' in value) return null;
  return null;
}

async function readXlsx(bytes: Buffer): Promise<Sheet> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    throw new UnreadableFile(
      `The XLSX file cannot be read: ${(error as Error).message}`,
      `XLSX ファイルを読み取れません: ${(error as Error).message}`,
    );
  }
  const sheet = workbook.worksheets[0];
  if (sheet === undefined) throw new UnreadableFile('The workbook has no worksheet.', 'ブックにシートがありません。');
  const all: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values = row.values as ExcelJS.CellValue[];
    // row.values is 1-based: index 0 is always empty.
    const cells = Array.from({ length: Math.max(values.length - 1, 0) }, (_, index) => cellValue(values[index + 1]));
    all.push({ row: rowNumber, cells });
  });
  const texts = all.slice(0, HEADER_SEARCH_ROWS).map((row) => row.cells.map((cell) => (cell === null ? '' : String(cell).trim())));
  const at = headerIndex(texts);
  const header = texts[at];
  if (header === undefined)
    throw new UnreadableFile('The worksheet is empty: a row must name the columns.', 'シートが空です: 列名の行が必要です。');
  const rows = all.slice(at + 1).filter((row) => row.cells.some((cell) => cell !== null));
  return { format: 'xlsx', encoding: null, header, headerRow: all[at]!.row, rows };
}
