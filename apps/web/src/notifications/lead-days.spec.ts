import { describe, expect, test } from '@jest/globals';
import { formatLeadDays, parseLeadDays } from './lead-days';

describe('lead times typed by a caseworker', () => {
  test('"90, 30, 14" and "14 90 30" are the same three reminders, largest first', () => {
    expect(parseLeadDays('90, 30, 14')).toEqual([90, 30, 14]);
    expect(parseLeadDays('14 90 30')).toEqual([90, 30, 14]);
  });

  test('full-width digits and the Japanese comma are accepted: "７、２"', () => {
    expect(parseLeadDays('７、２')).toEqual([7, 2]);
  });

  test('0 (on the day) and 366 are allowed; a repeated day counts once', () => {
    expect(parseLeadDays('0, 366, 0')).toEqual([366, 0]);
  });

  test('refused: empty, 367 days, a negative or fractional number, words, more than 10 days', () => {
    for (const text of ['', ' , ', '367', '-1', '1.5', 'seven', '1,2,3,4,5,6,7,8,9,10,11']) expect(parseLeadDays(text)).toBeNull();
  });

  test('shown back as typed: "90, 30, 14"', () => {
    expect(formatLeadDays([90, 30, 14])).toBe('90, 30, 14');
  });
});
