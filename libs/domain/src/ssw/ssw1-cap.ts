/**
 * The 5-year total of 特定技能1号 (通算在留期間; 入管法施行規則20条の2, 21条の2 as amended by
 * 令和7年法務省令第47号): the time spent in the 1号 status across all fields, employers and grants,
 * time abroad on a (deemed) re-entry and a special period included, 技能実習 not. Since
 * 2025-09-30 intervals of leave for pregnancy, birth, childcare, illness or injury are left out
 * ("業務に従事することができなかつた期間を除く"), and a 6th year may be allowed ("相当の理由").
 *
 * The count starts on the day the status starts (the 省令 counts "在留した期間", not days worked)
 * and is reckoned like a period of stay (初日不算入, docs/domain-rules.md §1): a status from
 * 2026-04-01 held without a break reaches 5 years on 2031-04-01 = addYears(start, 5). A day is
 * counted when it lies after a period's first day and up to its last day; a break between two
 * periods and an excluded interval push the cap back by their length in days (reading).
 */
import { addDays, daysBetween, maxDate, minDate, type LocalDate } from '../calendar/local-date.js';
import { addYears } from '../calendar/legal-periods.js';

export interface CapInput {
  readonly periods: readonly { readonly from: LocalDate; readonly to: LocalDate | null }[];
  readonly exclusions: readonly { readonly from: LocalDate; readonly to: LocalDate }[];
  /** One year more than `years` allowed (the 6th of 1号; the 4th of 育成就労). */
  readonly sixthYear: boolean;
  /** The total in years: 5 for 1号 when not given (育成就労 uses the same count with 3). */
  readonly years?: number;
}

export interface Ssw1Count {
  /** Days counted towards the total by `asOf`. */
  daysCounted: number;
  /** Days the total allows (5 or 6 years from the first day in the status). */
  daysAllowed: number;
  daysLeft: number;
  /** The day the total is reached if the status is held on without a further exclusion; null when not held. */
  capReachedOn: LocalDate | null;
}

export const SSW1_YEARS = 5;

/** Excluded days within `(after, through]`; overlapping intervals count once. */
export function excludedDays(exclusions: CapInput['exclusions'], after: LocalDate, through: LocalDate): number {
  const days = new Set<LocalDate>();
  for (const interval of exclusions) {
    const first = maxDate(interval.from, addDays(after, 1));
    const last = minDate(interval.to, through);
    for (let day = first; day <= last; day = addDays(day, 1)) days.add(day);
  }
  return days.size;
}

function countedIn(input: CapInput, from: LocalDate, through: LocalDate): number {
  if (through <= from) return 0;
  return daysBetween(from, through) - excludedDays(input.exclusions, from, through);
}

export function ssw1Count(input: CapInput, asOf: LocalDate): Ssw1Count | null {
  const first = input.periods[0];
  if (first === undefined) return null;
  const years = input.years ?? SSW1_YEARS;
  const daysAllowed = daysBetween(first.from, addYears(first.from, input.sixthYear ? years + 1 : years));
  const daysCounted = input.periods
    .filter((period) => period.from <= asOf)
    .reduce((sum, period) => sum + countedIn(input, period.from, minDate(period.to ?? asOf, asOf)), 0);
  const open = input.periods.at(-1);
  return {
    daysCounted,
    daysAllowed,
    daysLeft: Math.max(0, daysAllowed - daysCounted),
    capReachedOn: open !== undefined && open.to === null ? capDay(input, open.from, daysAllowed) : null,
  };
}

/**
 * The day the total is reached by a period held from `openFrom` on: the days left when it
 * started, pushed back by every excluded day that falls before the cap (a fixed point, reached
 * in as many steps as there are intervals).
 */
function capDay(input: CapInput, openFrom: LocalDate, daysAllowed: number): LocalDate {
  const before = input.periods
    .filter((period) => period.to !== null && period.from < openFrom)
    .reduce((sum, period) => sum + countedIn(input, period.from, period.to!), 0);
  const left = Math.max(0, daysAllowed - before);
  let cap = addDays(openFrom, left);
  for (;;) {
    const next = addDays(openFrom, left + excludedDays(input.exclusions, openFrom, cap));
    if (next === cap) return cap;
    cap = next;
  }
}

/** The cap if a 1号 period started on `from` (a grant being checked) and were held on. */
export function capIfHeldFrom(input: CapInput, from: LocalDate): LocalDate {
  const open = input.periods.at(-1);
  const periods = open !== undefined && open.to === null ? input.periods : [...input.periods, { from, to: null }];
  return ssw1Count({ ...input, periods }, from)!.capReachedOn!;
}
