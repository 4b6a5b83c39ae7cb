/**
 * Periods counted in months and years under the Civil Code (民法138–143), docs/domain-rules.md §1.
 * Day periods need no helper: "within N days of X" does not count the day of X (民法140,
 * 初日不算入), so its last day is simply `addDays(X, N)`.
 */
import { addDays, daysInMonth, fromYmd, type LocalDate, ymd } from './local-date.js';

/**
 * "N months from X" (民法140, 143): the period starts on S = X + 1 day and ends on the day
 * before the day of S's number N months later; where that month has no such day, on its
 * last day (143② proviso). So a period from the last day of a month ends on the last day of
 * the target month: 30 April + 3 months = 31 July, not 30 July.
 */
export function addMonths(from: LocalDate, months: number): LocalDate {
  return monthsCountedFrom(addDays(from, 1), months);
}

/**
 * A period "起算して" N months from `firstDay`: the first day counts (the text fixes the start,
 * so 民法140's 初日不算入 does not apply). It ends on the day before the day of the same number
 * N months later, or on that month's last day where it has no such day (民法143②).
 */
export function monthsCountedFrom(firstDay: LocalDate, months: number): LocalDate {
  const start = ymd(firstDay);
  const monthIndex = start.year * 12 + (start.month - 1) + months;
  const year = Math.floor(monthIndex / 12);
  const month = (monthIndex % 12) + 1;
  if (start.day > daysInMonth(year, month)) return fromYmd(year, month, daysInMonth(year, month));
  return addDays(fromYmd(year, month, start.day), -1);
}

export function addYears(from: LocalDate, years: number): LocalDate {
  return addMonths(from, years * 12);
}

/** "…から起算してN年を経過する日" (the 7-year card, 19条の5①1号): 2025-02-28 → 7 years → 2032-02-27. */
export function yearsCountedFrom(firstDay: LocalDate, years: number): LocalDate {
  return monthsCountedFrom(firstDay, years * 12);
}

/**
 * The same day number N calendar months earlier, or the month's last day where it has no
 * such day. Used for application windows that "open N months before" a date.
 */
export function monthsBefore(date: LocalDate, months: number): LocalDate {
  const { year, month, day } = ymd(date);
  const monthIndex = year * 12 + (month - 1) - months;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = (monthIndex % 12) + 1;
  return fromYmd(targetYear, targetMonth, Math.min(day, daysInMonth(targetYear, targetMonth)));
}

/**
 * The N-th birthday (or anniversary) of a date. A 29 February date falls on 28 February in
 * common years (docs/domain-rules.md §5) (reading).
 */
export function anniversary(date: LocalDate, years: number): LocalDate {
  const { year, month, day } = ymd(date);
  const targetYear = year + years;
  return fromYmd(targetYear, month, Math.min(day, daysInMonth(targetYear, month)));
}
