import { describe, expect, it } from '@jest/globals';
import { addMonths, addYears, anniversary, monthsBefore, yearsCountedFrom } from './legal-periods.js';
import { localDate as d } from './local-date.js';

describe('months and years from a day (民法140, 143)', () => {
  it('gives the same day number N months later: 2026-04-10 + 3 months = 2026-07-10', () => {
    expect(addMonths(d('2026-04-10'), 3)).toBe('2026-07-10');
  });

  it('ends a period from the last day of a month on the last day of the target month: 2026-04-30 + 3 months = 2026-07-31', () => {
    expect(addMonths(d('2026-04-30'), 3)).toBe('2026-07-31');
  });

  it('ends on the last day where the target month is short: 2026-11-30 + 3 months = 2027-02-28', () => {
    expect(addMonths(d('2026-11-30'), 3)).toBe('2027-02-28');
    expect(addMonths(d('2026-01-30'), 1)).toBe('2026-02-28');
    expect(addMonths(d('2026-01-29'), 1)).toBe('2026-02-28');
    expect(addMonths(d('2027-11-30'), 3)).toBe('2028-02-29');
  });

  it('treats 28 February of a common year as a month end: 2025-02-28 + 6 months = 2025-08-31', () => {
    expect(addMonths(d('2025-02-28'), 6)).toBe('2025-08-31');
  });

  it('runs a year from 28 Feb to the leap day and from the leap day to 28 Feb', () => {
    expect(addYears(d('2023-02-28'), 1)).toBe('2024-02-29');
    expect(addYears(d('2028-02-29'), 1)).toBe('2029-02-28');
    expect(addYears(d('2026-04-10'), 5)).toBe('2031-04-10');
  });

  it('crosses the year: 2026-12-31 + 2 months = 2027-02-28, 2026-10-15 + 3 months = 2027-01-15', () => {
    expect(addMonths(d('2026-12-31'), 2)).toBe('2027-02-28');
    expect(addMonths(d('2026-10-15'), 3)).toBe('2027-01-15');
  });

  it('opens windows N calendar months before a day, clamped to short months', () => {
    expect(monthsBefore(d('2025-07-01'), 3)).toBe('2025-04-01');
    expect(monthsBefore(d('2026-04-01'), 3)).toBe('2026-01-01');
    expect(monthsBefore(d('2026-05-31'), 3)).toBe('2026-02-28');
    expect(monthsBefore(d('2027-01-15'), 2)).toBe('2026-11-15');
  });

  it('puts a 29 February birthday on 28 February in common years (reading)', () => {
    expect(anniversary(d('2012-02-29'), 16)).toBe('2028-02-29');
    expect(anniversary(d('2008-02-29'), 16)).toBe('2024-02-29');
    expect(anniversary(d('2010-02-28'), 16)).toBe('2026-02-28');
    expect(anniversary(d('2012-02-29'), 15)).toBe('2027-02-28');
  });

  it('counts a "起算して" period from its first day: 7 years from 2025-02-28 ends 2032-02-27, from 2024-02-29 ends 2031-02-28, from 2026-06-15 ends 2033-06-14', () => {
    expect(yearsCountedFrom(d('2025-02-28'), 7)).toBe('2032-02-27');
    expect(yearsCountedFrom(d('2024-02-29'), 7)).toBe('2031-02-28');
    expect(yearsCountedFrom(d('2026-06-15'), 7)).toBe('2033-06-14');
    // The day before 28 February, and the month end of a 31-day month.
    expect(yearsCountedFrom(d('2025-02-27'), 7)).toBe('2032-02-26');
    expect(yearsCountedFrom(d('2026-01-31'), 7)).toBe('2033-01-30');
  });
});
