/**
 * A calendar date in Japan time, `YYYY-MM-DD`. Legal dates are days, not instants:
 * keeping them as strings (never `Date`) means no time zone can shift them, and ISO
 * strings of equal length sort in date order, so `<` compares them.
 */
export type LocalDate = string & { readonly __brand: 'LocalDate' };

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Parses `YYYY-MM-DD`, rejecting impossible dates such as 2026-02-30. */
export function parseLocalDate(text: string): LocalDate | null {
  const match = ISO_DATE.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1900 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return text as LocalDate;
}

export function isLocalDate(value: unknown): value is LocalDate {
  return typeof value === 'string' && parseLocalDate(value) !== null;
}

/** For literals in code and tests; throws on a malformed date because that is a programming error. */
export function localDate(text: string): LocalDate {
  const date = parseLocalDate(text);
  if (date === null) throw new RangeError(`Not a calendar date: ${text}`);
  return date;
}

export function ymd(date: LocalDate): { year: number; month: number; day: number } {
  const year = yearOf(date);
  const month = monthOf(date);
  const day = dayOf(date);
  if (wellShaped(date, year, month, day)) return { year, month, day };
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) };
}

// Dates are read and written on every step of every fold: a text shaped `dddd-dd-dd` is read by
// its character codes (the numbers its slices would give, without making the slices), and the
// text of a day from 1900 to 2199 is made once and kept (at most 110,000 texts).
const DIGIT_0 = 48;
const DASH = 45;

function digitAt(text: string, index: number): number {
  const digit = text.charCodeAt(index) - DIGIT_0;
  return digit >= 0 && digit <= 9 ? digit : Number.NaN;
}

/** Whether `text` is `dddd-dd-dd`, given what its digits read as (NaN where one is not a digit). */
function wellShaped(text: string, year: number, month: number, day: number): boolean {
  return text.length === 10 && text.charCodeAt(4) === DASH && text.charCodeAt(7) === DASH && !Number.isNaN(year + month + day);
}

const yearOf = (text: string) => digitAt(text, 0) * 1000 + digitAt(text, 1) * 100 + digitAt(text, 2) * 10 + digitAt(text, 3);
const monthOf = (text: string) => digitAt(text, 5) * 10 + digitAt(text, 6);
const dayOf = (text: string) => digitAt(text, 8) * 10 + digitAt(text, 9);

/**
 * Throws past the year 9999: a fifth digit would sort before "9999-…" (a day after 9999-12-31 would
 * compare as earlier, and a loop stepping days towards it would never end), and no legal date of a
 * living person's residence lies there; only a damaged stored date leads there.
 */
export function fromYmd(year: number, month: number, day: number): LocalDate {
  if (!(year <= 9999)) throw new RangeError(`Beyond the calendar: ${year}-${month}-${day}`);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` as LocalDate;
}

// Days since 1970-01-01 (H. Hinnant's civil-calendar algorithms): exact for any Gregorian date.
export function toEpochDay(date: LocalDate): number {
  const year = yearOf(date);
  const month = monthOf(date);
  const day = dayOf(date);
  if (wellShaped(date, year, month, day)) return epochDayOf(year, month, day);
  const read = ymd(date);
  return epochDayOf(read.year, read.month, read.day);
}

function epochDayOf(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** 1900-01-01 and 2199-12-31 as days since 1970-01-01: the days whose texts are kept. */
const KEPT_FROM = -25567;
const KEPT_TO = 84005;
const keptTexts = new Map<number, LocalDate>();

export function fromEpochDay(epochDay: number): LocalDate {
  if (!(Number.isInteger(epochDay) && epochDay >= KEPT_FROM && epochDay <= KEPT_TO)) return dateOfEpochDay(epochDay);
  let text = keptTexts.get(epochDay);
  if (text === undefined) keptTexts.set(epochDay, (text = dateOfEpochDay(epochDay)));
  return text;
}

function dateOfEpochDay(epochDay: number): LocalDate {
  const z = epochDay + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return fromYmd(year, month, day);
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return fromEpochDay(toEpochDay(date) + days);
}

export function daysBetween(from: LocalDate, to: LocalDate): number {
  return toEpochDay(to) - toEpochDay(from);
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: LocalDate): number {
  return (((toEpochDay(date) + 4) % 7) + 7) % 7;
}

export function minDate(a: LocalDate, b: LocalDate): LocalDate {
  return a < b ? a : b;
}

export function maxDate(a: LocalDate, b: LocalDate): LocalDate {
  return a > b ? a : b;
}

/** The calendar date of an instant in Japan (UTC+9, no daylight saving since 1951). */
export function japanDateOf(instant: Date): LocalDate {
  return new Date(instant.getTime() + 9 * 3600_000).toISOString().slice(0, 10) as LocalDate;
}
