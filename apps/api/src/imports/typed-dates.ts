/**
 * Dates as people type them in a Japanese office spreadsheet: `2026-04-01`, `2026/4/1`,
 * `2026.4.1`, `2026年4月1日`, `20260401`, and 和暦 (`令和8年4月1日`, `令和元年5月1日`, `R8.4.1`,
 * `H30/4/1`, `S60年1月1日`). An Excel date cell arrives as a Date (exceljs) or a serial number.
 */
import { fromEpochDay, fromYmd, isLocalDate, parseLocalDate, toEpochDay, type LocalDate } from '@zairyu/domain';

interface Era {
  names: string[];
  /** The first day of the era (元年). */
  start: LocalDate;
  /** Its last day (the next era's start less one day); null for the current era. */
  end: LocalDate | null;
}

/**
 * 元号法 and the proclamations: 令和 from 2019-05-01, 平成 from 1989-01-08, 昭和 from
 * 1926-12-25, 大正 from 1912-07-30. A date outside its era's days (平成32年, 令和元年4月30日)
 * is refused rather than guessed.
 */
const ERAS: Era[] = [
  { names: ['令和', 'R'], start: '2019-05-01' as LocalDate, end: null },
  { names: ['平成', 'H'], start: '1989-01-08' as LocalDate, end: '2019-04-30' as LocalDate },
  { names: ['昭和', 'S'], start: '1926-12-25' as LocalDate, end: '1989-01-07' as LocalDate },
  { names: ['大正', 'T'], start: '1912-07-30' as LocalDate, end: '1926-12-24' as LocalDate },
];

const WESTERN = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const JAPANESE_ERA = /^(令和|平成|昭和|大正|[RHST])\s*(元|\d{1,2})\s*[年./-]\s*(\d{1,2})\s*[月./-]\s*(\d{1,2})\s*日?$/i;

/** Excel's day 0 of the 1900 date system is 1899-12-30 (its 1900-02-29 included). */
const EXCEL_EPOCH = toEpochDay('1899-12-30' as LocalDate);

function checked(year: number, month: number, day: number): LocalDate | null {
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const text = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return parseLocalDate(text);
}

/** The calendar date the text names, or null when it names none (31 April, 平成32年). */
export function typedDate(value: unknown): LocalDate | null {
  if (value instanceof Date) {
    // exceljs gives date cells as UTC midnight of the day shown.
    if (Number.isNaN(value.getTime())) return null;
    return fromYmd(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate());
  }
  if (typeof value === 'number') return excelSerial(value);
  if (typeof value !== 'string') return null;
  const text = value.normalize('NFKC').trim();
  if (isLocalDate(text)) return text;
  const western = WESTERN.exec(text) ?? COMPACT.exec(text);
  if (western) return checked(Number(western[1]), Number(western[2]), Number(western[3]));
  const wareki = JAPANESE_ERA.exec(text);
  if (wareki) return eraDate(wareki[1]!, wareki[2]!, Number(wareki[3]), Number(wareki[4]));
  if (/^\d{5}$/.test(text)) return excelSerial(Number(text));
  return null;
}

function eraDate(eraName: string, yearText: string, month: number, day: number): LocalDate | null {
  const era = ERAS.find((candidate) => candidate.names.includes(eraName.length === 1 ? eraName.toUpperCase() : eraName));
  if (era === undefined) return null;
  const eraYear = yearText === '元' ? 1 : Number(yearText);
  if (eraYear < 1) return null;
  const date = checked(Number(era.start.slice(0, 4)) + eraYear - 1, month, day);
  if (date === null || date < era.start || (era.end !== null && date > era.end)) return null;
  return date;
}

/** A whole number of days from Excel's epoch, as a cell without a date format shows it. */
function excelSerial(serial: number): LocalDate | null {
  if (!Number.isInteger(serial) || serial < 61 || serial > 2958465) return null;
  return fromEpochDay(EXCEL_EPOCH + serial);
}
