/**
 * Administrative holidays (行政機関の休日, 行政機関の休日に関する法律1条): Saturdays, Sundays,
 * national holidays (国民の祝日 with 振替休日 and 国民の休日) and 29 December – 3 January.
 * When the last day for an application or notification to the immigration office falls on
 * one, it moves to the next working day (同法2条). docs/domain-rules.md §1.
 *
 * National holidays come from @holiday-jp/holiday_jp, a maintained table keyed by
 * `YYYY-MM-DD` (so no time zone is involved). It ends on 2050-11-23: later dates count
 * weekends and the New Year closure only.
 */
import holidayJp from '@holiday-jp/holiday_jp';
import { addDays, dayOfWeek, type LocalDate } from './local-date.js';

// A set, not the table's object: a date made by the calendar arithmetic would be looked up as a
// property name (interned first) on every working-day step of every fold.
const nationalHolidays: ReadonlySet<string> = new Set(Object.keys(holidayJp.holidays));

export function isNationalHoliday(date: LocalDate): boolean {
  return nationalHolidays.has(date);
}

export function isNewYearClosure(date: LocalDate): boolean {
  const monthDay = date.slice(5);
  return monthDay >= '12-29' || monthDay <= '01-03';
}

export function isAdministrativeHoliday(date: LocalDate): boolean {
  const weekday = dayOfWeek(date);
  return weekday === 0 || weekday === 6 || isNewYearClosure(date) || isNationalHoliday(date);
}

/** The date itself when it is a working day, otherwise the next working day. */
export function nextWorkingDayFrom(date: LocalDate): LocalDate {
  let day = date;
  while (isAdministrativeHoliday(day)) day = addDays(day, 1);
  return day;
}

/** Working days strictly after `from` up to and including `to`. */
export function workingDaysAfter(from: LocalDate, to: LocalDate): number {
  let count = 0;
  for (let day = addDays(from, 1); day <= to; day = addDays(day, 1)) {
    if (!isAdministrativeHoliday(day)) count += 1;
  }
  return count;
}
