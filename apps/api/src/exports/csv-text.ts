/**
 * Every CSV the API writes is made here, so that a spreadsheet program opening it neither runs
 * a formula nor finds a row that was not written (OWASP "CSV Injection"):
 *
 * - a text field starting with `=`, `+`, `-`, `@`, tab or CR (or the full-width `＝＋－＠`) gets a
 *   leading `'`, which Excel and LibreOffice read as "this is text" (csv-stringify's
 *   `escape_formulas`; numbers are written as they are: `-3` is a number, not a formula);
 * - a field holding CR or LF anywhere is quoted. csv-stringify quotes only the record delimiter
 *   once one is given (CRLF here, for Excel), so without `quote_record_delimiter` a bare CR in a
 *   name ended the row and the file gained one.
 *
 * XLSX cells are typed (a string cell is never a formula), so the XLSX writer needs neither.
 */
import { stringify } from 'csv-stringify/sync';

export type CsvValue = string | number | null;

export const CSV_OPTIONS = {
  record_delimiter: 'windows',
  quote_record_delimiter: true,
  escape_formulas: true,
} as const;

/** Records as CSV text (CRLF after each); `bom: true` for the first chunk of a file, so Excel in Japan reads it as UTF-8. */
export function csvText(records: readonly (readonly CsvValue[])[], options: { bom?: boolean } = {}): string {
  return stringify(
    records.map((record) => record.map((value) => value ?? '')),
    { ...CSV_OPTIONS, bom: options.bom ?? false },
  );
}

/** The `'` escape_formulas put before a formula's first character (the import reads an exported file back without it). */
export const ESCAPED_FORMULA = /^'(?=[=+\-@\t\r＝＋－＠])/;
