/**
 * A Mantine date picker's texts in the person's date style: the chosen date as every screen
 * writes it (2026年12月6日(日)), and the headings of the month, year and decade views
 * (2026年12月, not Mantine's "12月 2026" for the ja locale; 令和8年12月 in 和暦).
 */
import type { DateFormatter } from '@mantine/dates';
import { eraYearText, japaneseEraOf } from '../../../../libs/domain/src/calendar/japanese-era';
import { dateStyle } from './date-style';
import { formatDate, formatMonth } from './format-date';

export function calendarLabels(language: string) {
  const style = dateStyle();
  const year = (date: string) => {
    const era = style === 'western' || language.startsWith('en') ? null : japaneseEraOf(`${date.slice(0, 4)}-12-31`);
    if (language.startsWith('en')) return date.slice(0, 4);
    if (era === null) return `${date.slice(0, 4)}年`;
    return style === 'japanese' ? eraYearText(era) : `${date.slice(0, 4)}年(${eraYearText(era)})`;
  };
  const valueFormatter: DateFormatter = ({ date }) => (typeof date === 'string' ? formatDate(date, language) : '');
  return {
    valueFormatter,
    monthLabelFormat: (date: string) => formatMonth(date, language),
    yearLabelFormat: year,
    // Mantine passes a function the decade's first and last year.
    decadeLabelFormat: ((start: string, end: string) => `${year(start)} – ${year(end)}`) as unknown as (date: string) => string,
  };
}
