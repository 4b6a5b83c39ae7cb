import { describe, expect, test } from '@jest/globals';
import type { LocalDate } from '../calendar/local-date.js';
import type { ExclusionReason } from './ssw-events.js';
import { countableExclusions, lastExcludableDay, leaveFault, leaveOf, type LeaveInterval } from './ssw1-exclusions.js';

const leave = (from: string, to: string, reason: ExclusionReason = 'illness_injury'): LeaveInterval => ({
  from: from as LocalDate,
  to: to as LocalDate,
  reason,
});

describe('the limit of one leave left out of the 1号 total (運用要領 R7.9.30: illness 1 year, 労災 3 years)', () => {
  test('illness from 2027-01-10: the year counts its first day and ends 2028-01-09; 労災 ends 2030-01-09', () => {
    expect(lastExcludableDay('illness_injury', '2027-01-10' as LocalDate)).toBe('2028-01-09');
    expect(lastExcludableDay('occupational_illness_injury', '2027-01-10' as LocalDate)).toBe('2030-01-09');
  });

  test('illness from the leap day 2028-02-29: 2029 has no 29 February, so the year ends on 2029-02-28 (民法143②)', () => {
    expect(lastExcludableDay('illness_injury', '2028-02-29' as LocalDate)).toBe('2029-02-28');
    expect(lastExcludableDay('occupational_illness_injury', '2028-02-29' as LocalDate)).toBe('2031-02-28');
  });

  test('maternity, childcare and a barred re-entry have no limit of their own', () => {
    for (const reason of ['maternity', 'childcare', 'reentry_barred'] as const) {
      expect(lastExcludableDay(reason, '2027-01-10' as LocalDate)).toBeNull();
      expect(leaveFault(leave('2027-01-10', '2027-01-20', reason), [])).toBeNull();
    }
  });

  test('illness 2027-01-10 – 2028-01-09 is accepted whole; one day more (– 01-10) is too long, to be cut at 2028-01-09', () => {
    expect(leaveFault(leave('2027-01-10', '2028-01-09'), [])).toBeNull();
    expect(leaveFault(leave('2027-01-10', '2028-01-10'), [])).toEqual({
      fault: 'too_long',
      leave: leave('2027-01-10', '2028-01-10'),
      lastDay: '2028-01-09',
    });
  });

  test('労災 2027-01-10 – 2030-01-09 (three years) is accepted; – 2030-01-10 is too long', () => {
    expect(leaveFault(leave('2027-01-10', '2030-01-09', 'occupational_illness_injury'), [])).toBeNull();
    expect(leaveFault(leave('2027-01-10', '2030-01-10', 'occupational_illness_injury'), [])).toMatchObject({
      fault: 'too_long',
      lastDay: '2030-01-09',
    });
  });

  test('a month at least: 2027-01-10 – 02-08 is too short, – 02-09 a month exactly', () => {
    expect(leaveFault(leave('2027-01-10', '2027-02-08'), [])).toEqual({ fault: 'too_short', leave: leave('2027-01-10', '2027-02-08') });
    expect(leaveFault(leave('2027-01-10', '2027-02-09'), [])).toBeNull();
    expect(leaveFault(leave('2027-01-10', '2027-02-08', 'occupational_illness_injury'), [])).toMatchObject({ fault: 'too_short' });
  });

  test('one leave recorded in pieces: 2027-01-10 – 09-30 then 10-01 – 2028-02-29 is one leave from 2027-01-10, too long past 2028-01-09', () => {
    const first = leave('2027-01-10', '2027-09-30');
    expect(leaveOf(leave('2027-10-01', '2028-02-29'), [first])).toEqual(leave('2027-01-10', '2028-02-29'));
    expect(leaveFault(leave('2027-10-01', '2028-02-29'), [first])).toMatchObject({ fault: 'too_long', lastDay: '2028-01-09' });
    expect(leaveFault(leave('2027-10-01', '2028-01-09'), [first])).toBeNull();
    // Ten more days of a leave already a month long are not "too short".
    expect(leaveFault(leave('2027-10-01', '2027-10-10'), [first])).toBeNull();
  });

  test('a day back at work in between (10-01) starts a new leave: 2027-10-02 – 2028-09-30 has its own year', () => {
    const first = leave('2027-01-10', '2027-09-30');
    expect(leaveOf(leave('2027-10-02', '2028-09-30'), [first])).toEqual(leave('2027-10-02', '2028-09-30'));
    expect(leaveFault(leave('2027-10-02', '2028-09-30'), [first])).toBeNull();
  });

  test('leave of another reason does not join: illness after maternity leave that ended the day before is its own leave', () => {
    const maternity = leave('2027-01-10', '2027-09-30', 'maternity');
    expect(leaveOf(leave('2027-10-01', '2027-10-20'), [maternity])).toEqual(leave('2027-10-01', '2027-10-20'));
    expect(leaveFault(leave('2027-10-01', '2027-10-20'), [maternity])).toMatchObject({ fault: 'too_short' });
  });

  test('facts recorded before the limit: illness 2027-01-10 – 12-31, 2028-01-01 – 06-30 and 07-01 – 08-31 count through 2028-01-09 only', () => {
    const maternity = leave('2029-04-01', '2030-03-31', 'maternity');
    expect(
      countableExclusions([
        leave('2027-01-10', '2027-12-31'),
        leave('2028-01-01', '2028-06-30'),
        leave('2028-07-01', '2028-08-31'),
        maternity,
      ]),
    ).toEqual([leave('2027-01-10', '2027-12-31'), leave('2028-01-01', '2028-01-09'), maternity]);
  });
});
