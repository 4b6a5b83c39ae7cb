/**
 * The Japanese era (元号, 和暦) of a calendar date, as documents and the 在留カード print it:
 * 2019-04-30 is 平成31年4月30日 and 2019-05-01 令和元年5月1日 (the first year of an era is 元年,
 * never 1年). Eras from 明治 on; an era's years turn on 1 January (令和2年 began 2020-01-01).
 * Sources: docs/sources/japanese-era.md.
 */
import type { LocalDate } from './local-date.js';

/** The first day of each era; year n of an era is the start year + n − 1. Newest first. */
export const JAPANESE_ERAS: ReadonlyArray<{ name: string; romaji: string; letter: string; start: string }> = [
  { name: '令和', romaji: 'Reiwa', letter: 'R', start: '2019-05-01' },
  { name: '平成', romaji: 'Heisei', letter: 'H', start: '1989-01-08' },
  { name: '昭和', romaji: 'Showa', letter: 'S', start: '1926-12-25' },
  { name: '大正', romaji: 'Taisho', letter: 'T', start: '1912-07-30' },
  { name: '明治', romaji: 'Meiji', letter: 'M', start: '1868-01-25' },
];

export interface JapaneseEraYear {
  era: string;
  /** The era in Latin letters, for an English screen: Reiwa. */
  romaji: string;
  /** 1 for 元年. */
  year: number;
}

/** The era and era year of a date (YYYY-MM-DD); null before 明治. */
export function japaneseEraOf(date: LocalDate | string): JapaneseEraYear | null {
  const era = JAPANESE_ERAS.find((candidate) => date >= candidate.start);
  if (!era) return null;
  return { era: era.name, romaji: era.romaji, year: Number(date.slice(0, 4)) - Number(era.start.slice(0, 4)) + 1 };
}

/** 令和元年, 令和8年: the era year as written (元年 for the first). */
export function eraYearText({ era, year }: JapaneseEraYear): string {
  return `${era}${year === 1 ? '元' : year}年`;
}

/** 令和8年4月1日 (no weekday); the western form 2026年4月1日 before 明治. */
export function japaneseEraDate(date: LocalDate | string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const era = japaneseEraOf(date);
  return `${era ? eraYearText(era) : `${y}年`}${m}月${d}日`;
}
