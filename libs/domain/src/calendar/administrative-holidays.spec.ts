import { describe, expect, it } from '@jest/globals';
import { isAdministrativeHoliday, isNationalHoliday, nextWorkingDayFrom, workingDaysAfter } from './administrative-holidays.js';
import { addDays, localDate as d } from './local-date.js';

describe('administrative holidays (行政機関の休日に関する法律)', () => {
  it('counts weekends: 2026-11-21 (Sat) and 2026-11-22 (Sun), not 2026-11-20 (Fri)', () => {
    expect(isAdministrativeHoliday(d('2026-11-21'))).toBe(true);
    expect(isAdministrativeHoliday(d('2026-11-22'))).toBe(true);
    expect(isAdministrativeHoliday(d('2026-11-20'))).toBe(false);
  });

  it('counts national holidays, substitute holidays (振替休日) and citizens’ holidays (国民の休日)', () => {
    expect(isNationalHoliday(d('2026-11-23'))).toBe(true); // 勤労感謝の日, a Monday
    expect(isNationalHoliday(d('2026-05-06'))).toBe(true); // 振替休日 for 憲法記念日 on a Sunday
    expect(isNationalHoliday(d('2026-09-22'))).toBe(true); // 国民の休日 between 敬老の日 and 秋分の日
    expect(isNationalHoliday(d('2026-11-24'))).toBe(false);
  });

  it('closes from 29 December to 3 January', () => {
    for (const day of ['2025-12-29', '2025-12-30', '2025-12-31', '2026-01-02', '2026-01-03']) {
      expect(isAdministrativeHoliday(d(day))).toBe(true);
    }
    expect(isAdministrativeHoliday(d('2025-12-26'))).toBe(false); // a Friday
    expect(isAdministrativeHoliday(d('2025-01-06'))).toBe(false);
  });

  it('moves a 14-day deadline that lands on a Sunday to the Monday: moved 2026-05-03 → 2026-05-17 (Sun) → 2026-05-18', () => {
    expect(nextWorkingDayFrom(addDays(d('2026-05-03'), 14))).toBe('2026-05-18');
  });

  it('moves one that lands on a national holiday: 2026-11-09 + 14 = 2026-11-23 (勤労感謝の日) → 2026-11-24', () => {
    expect(nextWorkingDayFrom(addDays(d('2026-11-09'), 14))).toBe('2026-11-24');
  });

  it('moves one that lands on 2 January past the closure and the weekend: 2024-12-19 + 14 = 2025-01-02 → 2025-01-06', () => {
    expect(nextWorkingDayFrom(addDays(d('2024-12-19'), 14))).toBe('2025-01-06');
  });

  it('moves across Golden Week: 2026-05-02 (Sat) → 2026-05-07', () => {
    expect(nextWorkingDayFrom(d('2026-05-02'))).toBe('2026-05-07');
  });

  it('leaves a working day where it is', () => {
    expect(nextWorkingDayFrom(d('2026-04-15'))).toBe('2026-04-15');
  });

  it('counts working days after a day: Friday 2026-11-20 to Tuesday 2026-11-24 is one (the 24th)', () => {
    expect(workingDaysAfter(d('2026-11-20'), d('2026-11-24'))).toBe(1);
    expect(workingDaysAfter(d('2026-11-24'), d('2026-11-26'))).toBe(2);
  });

  it('does not depend on the machine time zone', () => {
    const zone = process.env['TZ'];
    try {
      for (const tz of ['UTC', 'Asia/Tokyo', 'America/Los_Angeles']) {
        process.env['TZ'] = tz;
        expect(isNationalHoliday(d('2026-01-01'))).toBe(true);
        expect(isNationalHoliday(d('2026-01-05'))).toBe(false);
      }
    } finally {
      process.env['TZ'] = zone;
    }
  });
});
