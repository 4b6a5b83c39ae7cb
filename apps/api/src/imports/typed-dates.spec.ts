import { describe, expect, test } from '@jest/globals';
import { typedDate } from './typed-dates.js';

describe('dates as typed in a spreadsheet', () => {
  test('ISO, slashes without zero padding, dots, 年月日 and eight digits name the same day', () => {
    for (const text of ['2026-04-01', '2026/4/1', '2026/04/01', '2026.4.1', '2026年4月1日', '20260401', '２０２６／４／１'])
      expect([text, typedDate(text)]).toEqual([text, '2026-04-01']);
  });

  test('和暦: 令和8年4月1日 is 2026-04-01, 令和元年5月1日 the first day of 令和, R8.4.1 and H30/4/1 abbreviated', () => {
    expect(typedDate('令和8年4月1日')).toBe('2026-04-01');
    expect(typedDate('令和元年5月1日')).toBe('2019-05-01');
    expect(typedDate('R8.4.1')).toBe('2026-04-01');
    expect(typedDate('r8/4/1')).toBe('2026-04-01');
    expect(typedDate('H30/4/1')).toBe('2018-04-01');
    expect(typedDate('平成31年4月30日')).toBe('2019-04-30');
    expect(typedDate('昭和64年1月7日')).toBe('1989-01-07');
    expect(typedDate('平成元年1月8日')).toBe('1989-01-08');
    expect(typedDate('S60.1.1')).toBe('1985-01-01');
  });

  test('a date outside its era is refused: 平成31年5月1日 (令和 began that day), 令和元年4月30日, 昭和64年1月8日', () => {
    expect(typedDate('平成31年5月1日')).toBeNull();
    expect(typedDate('令和元年4月30日')).toBeNull();
    expect(typedDate('昭和64年1月8日')).toBeNull();
  });

  test('impossible days are refused: 2026/2/29 (not a leap year), 2026-04-31; 2024/2/29 is a leap day', () => {
    expect(typedDate('2026/2/29')).toBeNull();
    expect(typedDate('2026-04-31')).toBeNull();
    expect(typedDate('2024/2/29')).toBe('2024-02-29');
    expect(typedDate('next Tuesday')).toBeNull();
  });

  test('Excel cells: a Date at UTC midnight, and a serial number (45383 is 2024-04-01; 46113 is 2026-04-01)', () => {
    expect(typedDate(new Date(Date.UTC(2026, 3, 1)))).toBe('2026-04-01');
    expect(typedDate(45383)).toBe('2024-04-01');
    expect(typedDate(46113)).toBe('2026-04-01');
    expect(typedDate(1.5)).toBeNull();
  });
});
