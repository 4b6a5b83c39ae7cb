/**
 * exceljs, loaded when the first workbook is written rather than at start: it holds about 28 MB
 * of the process's memory once loaded, and most API processes (those that only answer the
 * caseload's JSON) never write a workbook.
 */
import type ExcelJS from 'exceljs';

let loading: Promise<typeof ExcelJS> | undefined;

export function exceljs(): Promise<typeof ExcelJS> {
  return (loading ??= import('exceljs').then((module) => module.default));
}
