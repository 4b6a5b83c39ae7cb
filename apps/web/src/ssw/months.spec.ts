import { describe, expect, test } from '@jest/globals';
import { addMonths, monthEnd, monthStart } from './months';

describe('this month and the next', () => {
  test('December runs into January; February ends on the 28th or 29th', () => {
    expect([monthStart('2026-12-06'), monthEnd(addMonths('2026-12-06', 1))]).toEqual(['2026-12-01', '2027-01-31']);
    expect([monthEnd('2027-02-10'), monthEnd('2028-02-10')]).toEqual(['2027-02-28', '2028-02-29']);
  });
});
