/**
 * What a caseworker types as a date, read as a calendar date YYYY-MM-DD: the ISO form
 * (2026-04-01), the slash form (2026/4/1, 2026.4.1) and the Japanese era (和暦) forms written on
 * Japanese documents: 令和8年4月1日, 令和元年5月1日, R8.4.1, R8/4/1. Full-width digits are
 * read as well (NFKC). Returns null for anything that is not a real date.
 */

import { JAPANESE_ERAS } from '../../../../libs/domain/src/calendar/japanese-era';

/** Each era (元号) by its name and its letter (R8.4.1). */
const ERAS = JAPANESE_ERAS.map((era) => ({ names: [era.name, era.letter], start: era.start }));

export function parseDate(input: string): string | null {
  const text = input.normalize('NFKC').trim().replace(/\s+/g, '').toUpperCase();
  if (text === '') return null;
  const western = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text);
  if (western) return calendarDate(Number(western[1]), Number(western[2]), Number(western[3]));
  const era = /^(令和|平成|昭和|大正|明治|[RHSTM])(元|\d{1,2})[年./-](\d{1,2})[月./-](\d{1,2})日?$/.exec(text);
  if (!era) return null;
  const found = ERAS.find((e) => e.names.includes(era[1]!));
  if (!found) return null;
  const eraYear = era[2] === '元' ? 1 : Number(era[2]);
  if (eraYear < 1) return null;
  const date = calendarDate(Number(found.start.slice(0, 4)) + eraYear - 1, Number(era[3]), Number(era[4]));
  // 平成31年5月1日 does not exist: that day is 令和元年5月1日.
  if (date === null || date < found.start) return null;
  const next = ERAS[ERAS.indexOf(found) - 1];
  if (next && date >= next.start) return null;
  return date;
}

function calendarDate(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1 || year > 9999) return null;
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCMonth() !== month - 1) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
