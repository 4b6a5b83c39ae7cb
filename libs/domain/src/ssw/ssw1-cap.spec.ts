import { describe, expect, test } from '@jest/globals';
import type { LocalDate } from '../calendar/local-date.js';
import { capIfHeldFrom, excludedDays, ssw1Count } from './ssw1-cap.js';

const d = (text: string) => text as LocalDate;

describe('the 5-year total of 特定技能1号 (施行規則21条の2; 初日不算入)', () => {
  test('from 2026-04-01 without a break: the cap is 2031-04-01; 1826 days (2028-02-29 inside)', () => {
    const count = ssw1Count({ periods: [{ from: d('2026-04-01'), to: null }], exclusions: [], sixthYear: false }, d('2027-04-01'));
    expect(count).toEqual({ daysCounted: 365, daysAllowed: 1826, daysLeft: 1461, capReachedOn: '2031-04-01' });
  });

  test('two stays: 2024-10-01 – 2025-03-31 (181 days) and from 2025-07-01; the 92-day break moves the cap from 2029-10-01 to 2030-01-01', () => {
    const input = {
      periods: [
        { from: d('2024-10-01'), to: d('2025-03-31') },
        { from: d('2025-07-01'), to: null },
      ],
      exclusions: [],
      sixthYear: false,
    };
    expect(ssw1Count(input, d('2025-06-30'))).toMatchObject({ daysCounted: 181, daysLeft: 1645 });
    // 2025-07-01 + 1645 days = 2029-10-01 + 92 days = 2030-01-01.
    expect(ssw1Count(input, d('2025-07-01'))?.capReachedOn).toBe('2030-01-01');
  });

  test('a maternity leave of 2027-06-01 – 2027-09-30 (122 days) moves the cap from 2031-04-01 to 2031-08-01', () => {
    const input = {
      periods: [{ from: d('2026-04-01'), to: null }],
      exclusions: [{ from: d('2027-06-01'), to: d('2027-09-30') }],
      sixthYear: false,
    };
    const count = ssw1Count(input, d('2027-12-31'));
    // 639 days from 2026-04-01 to 2027-12-31, less the 122 days of leave.
    expect(count).toMatchObject({ daysCounted: 517, capReachedOn: '2031-08-01' });
  });

  test('a 6th year: 2026-04-01 → 2032-04-01', () => {
    expect(capIfHeldFrom({ periods: [], exclusions: [], sixthYear: true }, d('2026-04-01'))).toBe('2032-04-01');
  });

  test('a closed stay shows no cap date; the count stops at its last day', () => {
    const input = { periods: [{ from: d('2026-04-01'), to: d('2026-04-11') }], exclusions: [], sixthYear: false };
    expect(ssw1Count(input, d('2027-01-01'))).toMatchObject({ daysCounted: 10, capReachedOn: null });
    expect(ssw1Count({ ...input, periods: [] }, d('2027-01-01'))).toBeNull();
  });

  test('overlapping intervals count once, and only inside the period', () => {
    const exclusions = [
      { from: d('2027-01-01'), to: d('2027-01-10') },
      { from: d('2027-01-06'), to: d('2027-01-20') },
    ];
    expect(excludedDays(exclusions, d('2026-12-31'), d('2027-12-31'))).toBe(20);
    expect(excludedDays(exclusions, d('2027-01-15'), d('2027-01-17'))).toBe(2);
  });

  test('an exclusion that starts before a stay began counts only from the day after its start', () => {
    const input = {
      periods: [{ from: d('2026-04-01'), to: null }],
      exclusions: [{ from: d('2026-03-20'), to: d('2026-04-10') }],
      sixthYear: false,
    };
    expect(ssw1Count(input, d('2026-04-30'))?.daysCounted).toBe(29 - 9);
  });
});
