/**
 * The longest period of stay a grant may give (入管法施行規則3条, 別表第二; docs/domain-rules.md §3).
 * Above the longest period a grant is a 422 PERIOD_TOO_LONG. (Statuses not yet in force:
 * status-in-force.ts.)
 */
import { addDays, type LocalDate } from '../calendar/local-date.js';
import { addMonths } from '../calendar/legal-periods.js';
import type { StatusCode } from '../status-catalogue.js';

/** 特定技能1号: 3 years for grants from this day, 1 year before (運用要領 R7.9.30). */
export const SSW1_THREE_YEARS_FROM = '2025-09-30' as LocalDate;

type Longest = { months: number } | { days: number } | null;

/**
 * 別表第二 gives each status its periods; the longest is what a grant may not exceed. Most are
 * 5 years. 外交 is "外交活動の期間" (no fixed longest: null). 育成就労's 別表 entry was not read:
 * 5 years (reading); its 3-year total (skill-development/skill-development-total.ts) binds first.
 */
export function longestPeriod(status: StatusCode, grantedOn: LocalDate): Longest {
  switch (status) {
    case 'student':
      return { months: 51 }; // 4年3月
    case 'specified_skilled_worker_1':
      return { months: grantedOn >= SSW1_THREE_YEARS_FROM ? 36 : 12 };
    case 'specified_skilled_worker_2':
    case 'entertainer':
    case 'cultural_activities':
      return { months: 36 };
    case 'technical_intern_training_1':
    case 'trainee':
      return { months: 12 };
    case 'technical_intern_training_2':
    case 'technical_intern_training_3':
      return { months: 24 };
    case 'temporary_visitor':
      return { days: 90 };
    case 'diplomat':
      return null;
    default:
      return { months: 60 };
  }
}

/**
 * The last day a grant's period may end on. A landing, change or acquisition starts a new period
 * on the grant day (初日不算入: a "5年" from 2026-04-01 ends 2031-04-01); an extension's period
 * runs on from the old expiry, so its longest end counts from the day after it.
 */
export function latestPeriodEnd(status: StatusCode, grantedOn: LocalDate, extendedFrom: LocalDate | null): LocalDate | null {
  const longest = longestPeriod(status, grantedOn);
  if (longest === null) return null;
  const from = extendedFrom ?? grantedOn;
  return 'days' in longest ? addDays(from, longest.days) : addMonths(from, longest.months);
}

export function describeLongest(status: StatusCode, grantedOn: LocalDate): string {
  const longest = longestPeriod(status, grantedOn);
  if (longest === null) return 'no fixed longest period';
  if ('days' in longest) return `${longest.days} days`;
  const years = Math.floor(longest.months / 12);
  const months = longest.months % 12;
  return [years > 0 ? `${years} year${years > 1 ? 's' : ''}` : '', months > 0 ? `${months} months` : ''].filter(Boolean).join(' ');
}
