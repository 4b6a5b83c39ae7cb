import { describe, expect, test } from '@jest/globals';
import { addDays, daysBetween, formatDate, formatTimestamp, todayInJapan } from './format-date';

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
