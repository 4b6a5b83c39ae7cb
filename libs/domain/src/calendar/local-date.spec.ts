import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import {
  addDays,
  dayOfWeek,
  daysBetween,
  fromEpochDay,
  fromYmd,
  japanDateOf,
  localDate,
  parseLocalDate,
  toEpochDay,
  ymd,
  type LocalDate,
} from './local-date.js';

describe('calendar dates', () => {
  it('rejects impossible dates such as 2026-02-30 and 2025-02-29, accepts 2028-02-29', () => {
    expect(parseLocalDate('2026-02-30')).toBeNull();
    expect(parseLocalDate('2025-02-29')).toBeNull();
    expect(parseLocalDate('2026-13-01')).toBeNull();
    expect(parseLocalDate('2026-4-1')).toBeNull();
    expect(parseLocalDate('2028-02-29')).toBe('2028-02-29');
    expect(parseLocalDate('2100-02-29')).toBeNull();
    expect(parseLocalDate('2000-02-29')).toBe('2000-02-29');
    expect(() => localDate('2026-02-30')).toThrow(RangeError);
  });

  it('counts days across month, year and leap-day boundaries', () => {
    expect(addDays(localDate('2026-04-01'), 14)).toBe('2026-04-15');
    expect(addDays(localDate('2026-12-25'), 14)).toBe('2027-01-08');
    expect(addDays(localDate('2028-02-28'), 1)).toBe('2028-02-29');
    expect(addDays(localDate('2027-02-28'), 1)).toBe('2027-03-01');
    expect(addDays(localDate('2026-03-01'), -1)).toBe('2026-02-28');
    expect(daysBetween(localDate('2026-01-01'), localDate('2027-01-01'))).toBe(365);
    expect(daysBetween(localDate('2028-01-01'), localDate('2029-01-01'))).toBe(366);
  });

  it('round-trips every day from 1900 to 2100 through the epoch-day count', () => {
    const start = toEpochDay(localDate('1900-01-01'));
    const end = toEpochDay(localDate('2100-12-31'));
    for (let day = start; day <= end; day++) expect(toEpochDay(fromEpochDay(day))).toBe(day);
    expect(toEpochDay(localDate('1970-01-01'))).toBe(0);
  });

  it('knows the weekday: 2026-11-22 is a Sunday, 2026-11-23 a Monday', () => {
    expect(dayOfWeek(localDate('2026-11-22'))).toBe(0);
    expect(dayOfWeek(localDate('2026-11-23'))).toBe(1);
    expect(dayOfWeek(localDate('2026-11-28'))).toBe(6);
  });

  it('reads the Japanese calendar date of an instant: 2026-11-22T15:30Z is already the 23rd in Tokyo', () => {
    expect(japanDateOf(new Date('2026-11-22T15:30:00Z'))).toBe('2026-11-23');
    expect(japanDateOf(new Date('2026-11-22T14:59:59Z'))).toBe('2026-11-22');
  });

  it('reads any text as its slices read it (the character-code reading gives the same numbers, NaN included), and writes each day as before', () => {
    const sliced = (text: string) => ({ year: Number(text.slice(0, 4)), month: Number(text.slice(5, 7)), day: Number(text.slice(8, 10)) });
    const dateLike = fc.oneof(
      fc.stringMatching(/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/),
      fc.string({ minLength: 8, maxLength: 12, unit: fc.constantFrom('0', '1', '9', '-', ' ', '+', '.', 'e', 'x', '０') }),
    );
    fc.assert(
      fc.property(dateLike, (text) => {
        expect(ymd(text as LocalDate)).toEqual(sliced(text));
      }),
      { numRuns: 5_000, seed: 20261206 },
    );
    // Texts kept (1900-2199) and made each time (outside) are written as fromYmd writes them.
    for (const epochDay of [-25568, -25567, 0, 19_000, 84_005, 84_006, 2_932_896]) {
      const date = new Date(epochDay * 86_400_000);
      expect(fromEpochDay(epochDay)).toBe(fromYmd(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()));
      expect(fromEpochDay(epochDay)).toBe(fromEpochDay(epochDay));
    }
    expect(() => fromEpochDay(2_932_897)).toThrow(RangeError);
  });
});
