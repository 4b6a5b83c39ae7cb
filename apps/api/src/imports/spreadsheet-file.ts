/**
 * One uploaded spreadsheet read into rows of cells, with maintained parsers only, in a worker
 * thread (sheet-parser.ts) and as a stream that stops at the row cap: XLSX with exceljs's
 * streaming reader (the first worksheet in the file), after its zip's sizes are checked (yauzl);
 * CSV with csv-parse. A CSV is UTF-8 (with or without the BOM
 * Excel writes) or, when it is not valid UTF-8, Shift_JIS as Excel in Japan saves it (CP932,
 * Windows-31J, decoded by iconv-lite: ①, ㈱ and the NEC/IBM extensions included).
 *
 * The header is the first row that names known columns (import-template.ts `namesColumns`),
 * looked for in the first rows only: the title rows an office puts above it are skipped. A file
 * where no row does is read with its first row as the header (the import then says which
 * columns are missing).
 */
import { namesColumns } from './import-template.js';
import { parseSheet, UnreadableFile, type SheetRow } from './sheet-parser.js';

export type { Cell, SheetRow } from './sheet-parser.js';
export { UnreadableFile } from './sheet-parser.js';

export interface Sheet {
  format: 'csv' | 'xlsx';
  /** csv only: the encoding the bytes were read in. */
  encoding: 'utf-8' | 'shift_jis' | null;
  header: string[];
  /** The row that named the columns (title rows above it are skipped). */
  headerRow: number;
  rows: SheetRow[];
}

/** How far down a title may push the header. */
const HEADER_SEARCH_ROWS = 20;

/** The index of the header among the first rows' texts (0 when none names known columns). */
function headerIndex(firstRows: readonly string[][]): number {
  const found = firstRows.slice(0, HEADER_SEARCH_ROWS).findIndex((cells) => namesColumns(cells));
  return found < 0 ? 0 : found;
}

/** What a decoder puts where bytes are not text. */
export const REPLACEMENT = '\ufffd';

/**
 * The rows of the file, read in a worker (sheet-parser.ts), with the header found among the
 * first rows. More than `maxRows` rows with a value, or an XLSX that inflates past the bounds,
 * is an UnreadableFile with status 413, raised as soon as the parse gets there.
 */
export async function readSpreadsheet(bytes: Buffer, maxRows: number): Promise<Sheet> {
  const parsed = await parseSheet(bytes, { headRows: HEADER_SEARCH_ROWS, maxRows });
  const texts = parsed.head.map((row) => row.cells.map((cell) => (cell === null ? '' : String(cell).trim())));
  const at = headerIndex(texts);
  const header = texts[at];
  if (header === undefined)
    throw parsed.format === 'csv'
      ? new UnreadableFile('The file is empty: a row must name the columns.', 'ファイルが空です: 列名の行が必要です。')
      : new UnreadableFile('The worksheet is empty: a row must name the columns.', 'シートが空です: 列名の行が必要です。');
  const rows = [...parsed.head.slice(at + 1), ...parsed.rest].filter((row) => row.cells.some((cell) => cell !== null));
  if (rows.length > maxRows)
    throw new UnreadableFile(
      `At most ${maxRows} rows per file; this one has ${rows.length}.`,
      `1 ファイルは ${maxRows} 行までです（このファイルは ${rows.length} 行）`,
      413,
    );
  return { format: parsed.format, encoding: parsed.encoding, header, headerRow: parsed.head[at]!.row, rows };
}
