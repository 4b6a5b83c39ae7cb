/**
 * How much leave the 5-year total of 特定技能1号 may leave out (docs/ssw-duties.md §3). Since
 * 2025-09-30 (令和7年法務省令第47号 and the 運用要領 revised that day) leave for illness or
 * injury is left out only when it lasted a month or more without a break, and only up to a
 * limit: 1 year of one leave in principle, 3 years when the illness or injury is 労災 (an
 * accident at work or on the way to it, covered by 労働者災害補償保険). Leave for pregnancy,
 * birth and childcare and a re-entry barred have no limit of their own here: their length is
 * fixed by the law that grants the leave (労基法65条, 育児・介護休業法) or by the bar.
 *
 * Sources: ISA「通算在留期間」page and 特定技能運用要領 (R7.9.30), as reproduced by
 * registered scriveners (e.g. "病気・怪我による連続1か月超の休業期間（原則1年以下、労災による
 * 場合は3年以下）"); docs/ssw-duties.md names the exclusion but no upper limit, and the law wins.
 * The primary pages could not be read from here: checked against three secondary copies.
 *
 * One leave is the days of one reason without a gap: intervals of that reason recorded apart
 * but overlapping or adjoining (one ends the day before the next starts) are one leave, so a
 * long leave recorded month by month is held to the same limit as one recorded whole.
 */
import { addDays, type LocalDate } from '../calendar/local-date.js';
import { monthsCountedFrom, yearsCountedFrom } from '../calendar/legal-periods.js';
import type { ExclusionReason } from './ssw-events.js';

export interface LeaveInterval {
  readonly from: LocalDate;
  readonly to: LocalDate;
  readonly reason: ExclusionReason;
}

/** Reasons whose leave must last a month or more and is left out for at most this many years. */
export const EXCLUSION_LIMIT_YEARS: Readonly<Partial<Record<ExclusionReason, number>>> = {
  illness_injury: 1,
  occupational_illness_injury: 3,
};

/** The whole leave `interval` is part of: with every interval of its reason that overlaps or adjoins it. */
export function leaveOf(interval: LeaveInterval, others: readonly LeaveInterval[]): LeaveInterval {
  let leave = interval;
  for (let grown = true; grown;) {
    grown = false;
    for (const other of others) {
      if (other.reason !== leave.reason || other.from > addDays(leave.to, 1) || other.to < addDays(leave.from, -1)) continue;
      if (other.from < leave.from || other.to > leave.to) {
        leave = { ...leave, from: other.from < leave.from ? other.from : leave.from, to: other.to > leave.to ? other.to : leave.to };
        grown = true;
      }
    }
  }
  return leave;
}

/**
 * The last day of a leave from `firstDay` that may be left out; null where the reason has no
 * limit. The leave starts at the start of its first day, so the year counts that day (民法140
 * proviso) and ends the day before the same date a year later, or at the end of February for a
 * leave from 29 February (民法143②): 2027-01-10 → 2028-01-09; 2028-02-29 → 2029-02-28.
 */
export function lastExcludableDay(reason: ExclusionReason, firstDay: LocalDate): LocalDate | null {
  const years = EXCLUSION_LIMIT_YEARS[reason];
  return years === undefined ? null : yearsCountedFrom(firstDay, years);
}

/** The first day on which a leave from `firstDay` has lasted a month (its shortest length to be left out). */
export function monthOfLeaveEndsOn(firstDay: LocalDate): LocalDate {
  return monthsCountedFrom(firstDay, 1);
}

export type LeaveFault = { fault: 'too_short'; leave: LeaveInterval } | { fault: 'too_long'; leave: LeaveInterval; lastDay: LocalDate };

/** What is wrong with leaving `interval` out, given the intervals already left out; null: nothing. */
export function leaveFault(interval: LeaveInterval, recorded: readonly LeaveInterval[]): LeaveFault | null {
  if (EXCLUSION_LIMIT_YEARS[interval.reason] === undefined) return null;
  const leave = leaveOf(interval, recorded);
  if (leave.to < monthOfLeaveEndsOn(leave.from)) return { fault: 'too_short', leave };
  const lastDay = lastExcludableDay(leave.reason, leave.from)!;
  return leave.to > lastDay ? { fault: 'too_long', leave, lastDay } : null;
}

/**
 * The intervals as the count leaves them out: each cut at the limit of the leave it belongs to.
 * New intervals past the limit are refused (SSW_EXCLUSION_TOO_LONG); this holds facts recorded
 * before the limit was enforced to the law as well.
 */
export function countableExclusions<T extends LeaveInterval>(intervals: readonly T[]): T[] {
  return intervals.flatMap((interval) => {
    if (EXCLUSION_LIMIT_YEARS[interval.reason] === undefined) return [interval];
    const lastDay = lastExcludableDay(interval.reason, leaveOf(interval, intervals).from)!;
    if (interval.from > lastDay) return [];
    return [interval.to > lastDay ? { ...interval, to: lastDay } : interval];
  });
}
