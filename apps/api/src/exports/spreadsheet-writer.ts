/**
 * Rows written as a file Excel opens correctly, streamed batch by batch: CSV in UTF-8 with a
 * BOM (csv-text.ts; without the BOM Excel in Japan reads UTF-8 as Shift_JIS and shows
 * mojibake), or XLSX (exceljs' streaming writer) with date columns as real date cells.
 */
import { PassThrough, Readable } from 'node:stream';
import { exceljs } from '../http/exceljs-on-demand.js';
import { csvText } from './csv-text.js';
import { exportDateText, xlsxDateFormat, type ExportDateStyle } from './export-dates.js';

export type ExportFormat = 'csv' | 'xlsx';

export interface ExportColumn<Row> {
  header: string;
  value: (row: Row) => string | number | null;
  /** YYYY-MM-DD values: a date cell in XLSX. */
  date?: true;
  width?: number;
}

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export function spreadsheetStream<Row>(
  format: ExportFormat,
  sheetName: string,
  columns: readonly ExportColumn<Row>[],
  batches: AsyncIterable<Row[]>,
  dates: ExportDateStyle = 'western',
): Readable {
  return format === 'csv' ? csvStream(columns, batches, dates) : xlsxStream(sheetName, columns, batches, dates);
}

/** A date column's value written as text in the chosen style; any other value as it is. */
function textOf<Row>(column: ExportColumn<Row>, row: Row, dates: ExportDateStyle): string | number | null {
  const value = column.value(row);
  return column.date && typeof value === 'string' && ISO_DATE.test(value) ? exportDateText(value, dates) : value;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function csvStream<Row>(columns: readonly ExportColumn<Row>[], batches: AsyncIterable<Row[]>, dates: ExportDateStyle): Readable {
  async function* chunks() {
    yield csvText([columns.map((column) => column.header)], { bom: true });
    for await (const batch of batches)
      if (batch.length > 0) yield csvText(batch.map((row) => columns.map((column) => textOf(column, row, dates))));
  }
  return Readable.from(chunks());
}

function dateCell(value: string | number | null): Date | string | number | null {
  return typeof value === 'string' && ISO_DATE.test(value) ? new Date(`${value}T00:00:00Z`) : value;
}

function xlsxStream<Row>(
  sheetName: string,
  columns: readonly ExportColumn<Row>[],
  batches: AsyncIterable<Row[]>,
  dates: ExportDateStyle,
): Readable {
  // Both styles at once is text (one cell format cannot show both calendars); the others stay real dates.
  const cellOf = (column: ExportColumn<Row>, row: Row) =>
    !column.date ? column.value(row) : dates === 'both' ? textOf(column, row, dates) : dateCell(column.value(row));
  const output = new PassThrough();
  void (async () => {
    try {
      const workbook = new (await exceljs()).stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
      const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
      sheet.columns = columns.map((column) => ({
        header: column.header,
        width: column.width ?? (column.date ? (dates === 'western' ? 12 : 26) : 18),
        ...(column.date && dates !== 'both' ? { style: { numFmt: xlsxDateFormat(dates) } } : {}),
      }));
      sheet.getRow(1).font = { bold: true };
      for await (const batch of batches) for (const row of batch) sheet.addRow(columns.map((column) => cellOf(column, row))).commit();
      sheet.commit();
      await workbook.commit();
    } catch (error) {
      output.destroy(error as Error);
    }
  })();
  return output;
}
