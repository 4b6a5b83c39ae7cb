import { describe, expect, test } from '@jest/globals';
import { addDays, daysBetween, formatDate, formatMonth, formatTimestamp, todayInJapan } from './format-date';

describe('dates shown as Japanese users read them', () => {
  test('2026-04-01 is 2026年4月1日(水): 1 Jan 2026 is a Thursday, so 1 Apr (day 91) is a Wednesday', () => {
    expect(formatDate('2026-04-01')).toBe('2026年4月1日(水)');
    expect(formatDate('2026-04-01', 'en')).toBe('1 Apr 2026 (Wed)');
  });
  test('29 Feb 2024 is a Thursday; 5 Jan 2026 (after the New Year closure) a Monday', () => {
    expect(formatDate('2024-02-29')).toBe('2024年2月29日(木)');
    expect(formatDate('2026-01-05')).toBe('2026年1月5日(月)');
  });
  test('a missing date is a dash', () => {
    expect(formatDate(null)).toBe('—');
  });
  test('timestamps are shown in Japan time: 2026-03-31T15:30Z is 2026年4月1日(水) 00:30', () => {
    expect(formatTimestamp('2026-03-31T15:30:00.000Z')).toBe('2026年4月1日(水) 00:30');
  });
  test('today in Japan turns at 15:00 UTC', () => {
    expect(todayInJapan(new Date('2026-11-30T14:59:59Z'))).toBe('2026-11-30');
    expect(todayInJapan(new Date('2026-11-30T15:00:00Z'))).toBe('2026-12-01');
  });
  test('calendar arithmetic across a month end and a leap day', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(daysBetween('2026-04-01', '2026-04-15')).toBe(14);
  });
});

describe('dates in the era (和暦) when the person chose it', () => {
  test('the last day of 平成 and the first of 令和: 2019-04-30 is 平成31年4月30日(火), 2019-05-01 令和元年5月1日(水)', () => {
    // 1 Jan 2019 was a Tuesday; 30 Apr is day 120, 119 days later (17 weeks), so a Tuesday.
    expect(formatDate('2019-04-30', 'ja', 'japanese')).toBe('平成31年4月30日(火)');
    expect(formatDate('2019-05-01', 'ja', 'japanese')).toBe('令和元年5月1日(水)');
  });
  test('both: the western year first, the era year beside it (2026 is 令和8年)', () => {
    expect(formatDate('2026-04-01', 'ja', 'both')).toBe('2026年(令和8年)4月1日(水)');
    expect(formatDate('2019-05-01', 'ja', 'both')).toBe('2019年(令和元年)5月1日(水)');
  });
  test('western leaves the era out; a missing date is still a dash', () => {
    expect(formatDate('2026-04-01', 'ja', 'western')).toBe('2026年4月1日(水)');
    expect(formatDate(null, 'ja', 'japanese')).toBe('—');
  });
  test('in English the era follows the weekday: 1 Apr 2026 (Wed, Reiwa 8)', () => {
    expect(formatDate('2026-04-01', 'en', 'japanese')).toBe('1 Apr 2026 (Wed, Reiwa 8)');
    expect(formatDate('1989-01-07', 'en', 'both')).toBe('7 Jan 1989 (Sat, Showa 64)');
  });
  test("a calendar's month heading reads 2026年12月, 令和8年12月, 2026年(令和8年)12月; Dec 2026 in English", () => {
    expect(formatMonth('2026-12-01', 'ja', 'western')).toBe('2026年12月');
    expect(formatMonth('2026-12-01', 'ja', 'japanese')).toBe('令和8年12月');
    expect(formatMonth('2026-12-01', 'ja', 'both')).toBe('2026年(令和8年)12月');
    expect(formatMonth('2026-12-01', 'en', 'western')).toBe('Dec 2026');
    // May 2019 is all 令和 (from the 1st); April 2019 all 平成.
    expect(formatMonth('2019-05-01', 'ja', 'japanese')).toBe('令和元年5月');
    expect(formatMonth('2019-04-01', 'ja', 'japanese')).toBe('平成31年4月');
  });
});
