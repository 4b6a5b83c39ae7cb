import { describe, expect, test } from '@jest/globals';
import { parseDate } from './parse-date';

describe('parseDate reads what a caseworker types', () => {
  test.each([
    ['2026-04-01', '2026-04-01'],
    ['2026/4/1', '2026-04-01'],
    ['2026.4.1', '2026-04-01'],
    ['2026年4月1日', '2026-04-01'],
    ['２０２６／４／１', '2026-04-01'],
    ['令和8年4月1日', '2026-04-01'],
    ['R8.4.1', '2026-04-01'],
    ['r8/4/1', '2026-04-01'],
    ['令和元年5月1日', '2019-05-01'],
    ['平成31年4月30日', '2019-04-30'],
    ['H13.2.28', '2001-02-28'],
    ['S55.12.31', '1980-12-31'],
    ['昭和64年1月7日', '1989-01-07'],
    ['平成元年1月8日', '1989-01-08'],
    ['2024-02-29', '2024-02-29'],
  ])('%s is %s', (typed, date) => {
    expect(parseDate(typed)).toBe(date);
  });

  test.each([
    ['2025-02-29', 'no 29 February in 2025'],
    ['2026-13-01', 'no 13th month'],
    ['平成31年5月1日', 'that day is 令和元年5月1日'],
    ['昭和64年1月8日', 'that day is 平成元年1月8日'],
    ['令和0年1月1日', 'no year 0 of an era'],
    ['R1.4.30', 'before 令和 began on 2019-05-01'],
    ['April 1', 'not a form we read'],
    ['', 'empty'],
  ])('%s is not a date (%s)', (typed) => {
    expect(parseDate(typed)).toBeNull();
  });
});
