import { describe, expect, test } from '@jest/globals';
import { eraYearText, japaneseEraDate, japaneseEraOf } from './japanese-era.js';

describe('the Japanese era of a date (和暦)', () => {
  test('2019-04-30 is the last day of 平成 (平成31年); 2019-05-01 the first of 令和, written 令和元年', () => {
    expect(japaneseEraDate('2019-04-30')).toBe('平成31年4月30日');
    expect(japaneseEraDate('2019-05-01')).toBe('令和元年5月1日');
    expect(japaneseEraOf('2019-05-01')).toEqual({ era: '令和', romaji: 'Reiwa', year: 1 });
  });
  test('令和2年 begins on 1 January 2020 (era years turn with the calendar year, not on the accession day)', () => {
    expect(japaneseEraDate('2019-12-31')).toBe('令和元年12月31日');
    expect(japaneseEraDate('2020-01-01')).toBe('令和2年1月1日');
  });
  test('2026 is 令和8年 (2026 − 2019 + 1); a leap day 2028-02-29 is 令和10年2月29日', () => {
    expect(japaneseEraDate('2026-12-06')).toBe('令和8年12月6日');
    expect(japaneseEraDate('2028-02-29')).toBe('令和10年2月29日');
  });
  test('平成 began on 1989-01-08: 1989-01-07 is 昭和64年, 1989-01-08 平成元年', () => {
    expect(japaneseEraDate('1989-01-07')).toBe('昭和64年1月7日');
    expect(japaneseEraDate('1989-01-08')).toBe('平成元年1月8日');
  });
  test('a date of birth in 平成: 1998-07-21 is 平成10年 (1998 − 1989 + 1)', () => {
    expect(japaneseEraDate('1998-07-21')).toBe('平成10年7月21日');
  });
  test('the year alone: 元年 for the first, the number after', () => {
    expect(eraYearText({ era: '平成', romaji: 'Heisei', year: 1 })).toBe('平成元年');
    expect(eraYearText({ era: '令和', romaji: 'Reiwa', year: 8 })).toBe('令和8年');
  });
});
