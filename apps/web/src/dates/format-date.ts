/**
 * Dates as Japanese users read them: 2026年4月1日(水), or in the era (和暦) as the person chose
 * (date-style.ts): 令和8年4月1日(水), 2026年(令和8年)4月1日(水); in English 1 Apr 2026 (Wed),
 * with the era after it when chosen (1 Apr 2026 (Wed, Reiwa 8)). The date is a calendar date
 * (YYYY-MM-DD, Japan time), so no time zone may shift it: the weekday is computed on the UTC
 * calendar.
 */
import { eraYearText, japaneseEraOf } from '../../../../libs/domain/src/calendar/japanese-era.js';
import { dateStyle, type DateStyle } from './date-style.js';

const WEEKDAYS_JA = ['日', '月', '火', '水', '木', '金', '土'];
const WEEKDAYS_EN = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function formatDate(date: string | null | undefined, language: string = 'ja', style: DateStyle = dateStyle()): string {
  if (!date) return '—';
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  const era = style === 'western' ? null : japaneseEraOf(date);
  if (language.startsWith('en'))
    return `${d} ${MONTHS_EN[m - 1]} ${y} (${WEEKDAYS_EN[weekday]}${era ? `, ${era.romaji} ${era.year}` : ''})`;
  return `${yearText(y, era === null ? null : eraYearText(era), style)}${m}月${d}日(${WEEKDAYS_JA[weekday]})`;
}

/** The heading of a calendar's month (2026年12月, 令和8年12月, 2026年(令和8年)12月). */
export function formatMonth(date: string, language: string = 'ja', style: DateStyle = dateStyle()): string {
  const [y, m] = date.split('-').map(Number) as [number, number];
  const era = style === 'western' ? null : japaneseEraOf(date.slice(0, 7) + '-01');
  if (language.startsWith('en')) return `${MONTHS_EN[m - 1]} ${y}${era ? ` (${era.romaji} ${era.year})` : ''}`;
  return `${yearText(y, era === null ? null : eraYearText(era), style)}${m}月`;
}

function yearText(year: number, eraYear: string | null, style: DateStyle): string {
  if (eraYear === null) return `${year}年`;
  return style === 'japanese' ? eraYear : `${year}年(${eraYear})`;
}

/** A timestamp (ISO 8601 UTC) shown in Japan time: 2026年4月1日(水) 09:30. */
export function formatTimestamp(timestamp: string, language: string = 'ja'): string {
  const japan = new Date(new Date(timestamp).getTime() + 9 * 3600_000);
  const date = japan.toISOString().slice(0, 10);
  return `${formatDate(date, language)} ${japan.toISOString().slice(11, 16)}`;
}

/** Calendar arithmetic on YYYY-MM-DD strings. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Today in Japan (UTC+9, no daylight saving). */
export function todayInJapan(now: Date = new Date()): string {
  return new Date(now.getTime() + 9 * 3600_000).toISOString().slice(0, 10);
}
