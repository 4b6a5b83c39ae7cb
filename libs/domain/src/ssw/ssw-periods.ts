/**
 * The dated rules of docs/ssw-duties.md §4–§7, one function each, so that each can be tested with
 * dates worked out by hand.
 */
import { addDays, daysInMonth, fromYmd, ymd, type LocalDate } from '../calendar/local-date.js';
import { addMonths } from '../calendar/legal-periods.js';
import type { HelloWorkInsurance } from './ssw-events.js';

/** 定期面談: at least once every 3 months (基準省令3条; 運用要領), counted by 民法143; no holiday move. */
export function nextInterviewDue(lastInterviewOrSupportStart: LocalDate): LocalDate {
  return addMonths(lastInterviewOrSupportStart, 3);
}

/** No in-person interview for 12 months: online is allowed, but 運用要領 wishes one a year in person (reading). */
export function inPersonInterviewOverdue(lastInPersonOrSupportStart: LocalDate, asOf: LocalDate): boolean {
  return asOf > addMonths(lastInPersonOrSupportStart, 12);
}

/** 生活オリエンテーション "遅滞なく" after entry or the grant: within 14 days (reading); 8 hours or more (運用要領). */
export const ORIENTATION_DAYS = 14;
export const ORIENTATION_MIN_HOURS = 8;

/** The fiscal year (年度) a day falls in: 1 April to 31 March, named by the year it starts in. */
export function fiscalYearOf(date: LocalDate): number {
  const { year, month } = ymd(date);
  return month >= 4 ? year : year - 1;
}

export function fiscalYearStart(fiscalYear: number): LocalDate {
  return fromYmd(fiscalYear, 4, 1);
}

/** Annual reports replaced the quarterly ones from 2025-04-01: the first covers fiscal year 2025. */
export const FIRST_ANNUAL_REPORT_FISCAL_YEAR = 2025;

/** 定期届出: filed from 1 April to 31 May after the fiscal year it covers (施行規則 as of 2025-04-01; ISA). */
export function annualReportWindow(fiscalYear: number): { opensOn: LocalDate; statutoryDueOn: LocalDate } {
  return { opensOn: fromYmd(fiscalYear + 1, 4, 1), statutoryDueOn: fromYmd(fiscalYear + 1, 5, 31) };
}

function endOfNextMonth(date: LocalDate): LocalDate {
  const { year, month } = ymd(date);
  const nextYear = month === 12 ? year + 1 : year;
  const nextMonth = month === 12 ? 1 : month + 1;
  return fromYmd(nextYear, nextMonth, daysInMonth(nextYear, nextMonth));
}

/**
 * 外国人雇用状況の届出 (労働施策総合推進法28条; 同法施行規則12条, 雇用保険法施行規則6条・7条):
 * hiring of an insured worker by the 10th of the following month, leaving within 10 days
 * counted from the day after (= leaving day + 10); a worker not insured, by the end of the
 * following month both ways.
 */
export function helloWorkDue(change: 'hiring' | 'leaving', insurance: HelloWorkInsurance, on: LocalDate): LocalDate {
  if (insurance === 'not_insured') return endOfNextMonth(on);
  if (change === 'leaving') return addDays(on, 10);
  const { year, month } = ymd(on);
  return month === 12 ? fromYmd(year + 1, 1, 10) : fromYmd(year, month + 1, 10);
}

/**
 * 登録支援機関の登録更新申請 (法19条の23②: 5 years): from the 1st of the month 6 months before the
 * expiry month to the end of the month 4 months before it (ISA notice R5.8: expiry 2024-05-01 →
 * 2023-11-01 – 2024-01-31).
 */
export function registrationRenewalWindow(expiresOn: LocalDate): { opensOn: LocalDate; statutoryDueOn: LocalDate } {
  const { year, month } = ymd(expiresOn);
  const opens = year * 12 + (month - 1) - 6;
  const closes = year * 12 + (month - 1) - 4;
  const closeYear = Math.floor(closes / 12);
  const closeMonth = (closes % 12) + 1;
  return {
    opensOn: fromYmd(Math.floor(opens / 12), (opens % 12) + 1, 1),
    statutoryDueOn: fromYmd(closeYear, closeMonth, daysInMonth(closeYear, closeMonth)),
  };
}
