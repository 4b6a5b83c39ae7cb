import { describe, expect, test } from '@jest/globals';
import type { LocalDate } from '../calendar/local-date.js';
import {
  annualReportWindow,
  fiscalYearOf,
  helloWorkDue,
  inPersonInterviewOverdue,
  nextInterviewDue,
  registrationRenewalWindow,
} from './ssw-periods.js';

const d = (text: string) => text as LocalDate;

describe('定期面談 every 3 months (民法143, no holiday move)', () => {
  test('30 November + 3 months = 28 February (month-end rule), 2027 not a leap year', () => {
    expect(nextInterviewDue(d('2026-11-30'))).toBe('2027-02-28');
  });
  test('30 November 2027 + 3 months = 29 February 2028 (leap year)', () => {
    expect(nextInterviewDue(d('2027-11-30'))).toBe('2028-02-29');
  });
  test('10 January + 3 months = 10 April', () => {
    expect(nextInterviewDue(d('2027-01-10'))).toBe('2027-04-10');
  });
  test('in person: overdue the day after 12 months from the last one (2026-03-15 → from 2027-03-16)', () => {
    expect(inPersonInterviewOverdue(d('2026-03-15'), d('2027-03-15'))).toBe(false);
    expect(inPersonInterviewOverdue(d('2026-03-15'), d('2027-03-16'))).toBe(true);
  });
});

describe('定期届出: 1 April – 31 May after the fiscal year', () => {
  test('fiscal years run from 1 April: 2026-03-31 is FY2025, 2026-04-01 is FY2026', () => {
    expect(fiscalYearOf(d('2026-03-31'))).toBe(2025);
    expect(fiscalYearOf(d('2026-04-01'))).toBe(2026);
  });
  test('FY2025 window: 2026-04-01 – 2026-05-31', () => {
    expect(annualReportWindow(2025)).toEqual({ opensOn: '2026-04-01', statutoryDueOn: '2026-05-31' });
  });
});

describe('Hello Work 外国人雇用状況の届出', () => {
  test('hiring, insured: by the 10th of the next month (15 Dec → 10 Jan of the next year)', () => {
    expect(helloWorkDue('hiring', 'insured', d('2026-12-15'))).toBe('2027-01-10');
    expect(helloWorkDue('hiring', 'insured', d('2026-04-01'))).toBe('2026-05-10');
  });
  test('leaving, insured: 10 days counted from the day after (28 Feb → 10 Mar)', () => {
    expect(helloWorkDue('leaving', 'insured', d('2027-02-28'))).toBe('2027-03-10');
  });
  test('not insured: by the end of the next month both ways (31 Jan → 28 Feb; 15 Dec → 31 Jan)', () => {
    expect(helloWorkDue('hiring', 'not_insured', d('2027-01-31'))).toBe('2027-02-28');
    expect(helloWorkDue('leaving', 'not_insured', d('2026-12-15'))).toBe('2027-01-31');
  });
});

describe('登録支援機関の登録更新: 1st of the month 6 months before the expiry month – end of the month 4 months before', () => {
  test("ISA's examples: expiry 2024-05-01 → 2023-11-01 – 2024-01-31; 2024-06-30 → 2023-12-01 – 2024-02-29", () => {
    expect(registrationRenewalWindow(d('2024-05-01'))).toEqual({ opensOn: '2023-11-01', statutoryDueOn: '2024-01-31' });
    expect(registrationRenewalWindow(d('2024-06-30'))).toEqual({ opensOn: '2023-12-01', statutoryDueOn: '2024-02-29' });
  });
  test('expiry 31 August 2027 → 2027-02-01 – 2027-04-30', () => {
    expect(registrationRenewalWindow(d('2027-08-31'))).toEqual({ opensOn: '2027-02-01', statutoryDueOn: '2027-04-30' });
  });
  test('expiry in March reaches back into the previous year: 2028-03-15 → 2027-09-01 – 2027-11-30', () => {
    expect(registrationRenewalWindow(d('2028-03-15'))).toEqual({ opensOn: '2027-09-01', statutoryDueOn: '2027-11-30' });
  });
});
