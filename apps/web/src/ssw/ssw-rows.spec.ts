import { describe, expect, test } from '@jest/globals';
import type { CaseloadDeadline } from '../board/api';
import { annualReportsByEmployer, categoryOf, countByCategory, orderRows } from './ssw-rows';

const row = (id: string, kind: string, state: string, dueOn: string, employer?: string) =>
  ({ id, kind, state, dueOn, residentId: 'r', employer, employerName: employer && `${employer}株式会社` }) as unknown as CaseloadDeadline;

describe('the 特定技能 screen’s rows', () => {
  test('本人 and 監督者 interviews are counted apart', () => {
    expect(categoryOf(row('e:support_interview:worker', 'support_interview', 'open', '2026-12-10'))).toBe('interviewWorker');
    expect(categoryOf(row('e:support_interview:supervisor', 'support_interview', 'open', '2026-12-10'))).toBe('interviewSupervisor');
    expect(
      categoryOf(row('o:support_business_suspension_notification', 'support_business_suspension_notification', 'open', '2026-12-10')),
    ).toBe('registration');
    // The organisation's own yearly report is with its renewal and notices, not with the employers' filings.
    expect(
      categoryOf(row('organisation-annual-report:FY2025:support_annual_report', 'support_annual_report', 'overdue', '2026-05-31')),
    ).toBe('registration');
    const counts = countByCategory([
      row('a:support_interview:worker', 'support_interview', 'overdue', '2026-11-30'),
      row('b:support_interview:supervisor', 'support_interview', 'open', '2026-12-30'),
      row('c:support_interview:supervisor', 'support_interview', 'met', '2026-12-03'),
    ]);
    expect(counts.slice(0, 2)).toEqual([
      { category: 'interviewWorker', open: 1, overdue: 1 },
      { category: 'interviewSupervisor', open: 1, overdue: 0 },
    ]);
  });

  test('overdue first, then by due day, what is done last', () => {
    const ordered = orderRows([
      row('met', 'orientation', 'met', '2026-12-01'),
      row('late', 'orientation', 'open', '2027-01-20'),
      row('soon', 'orientation', 'open', '2026-12-15'),
      row('over', 'orientation', 'overdue', '2026-12-02'),
    ]);
    expect(ordered.map((r) => r.id)).toEqual(['over', 'soon', 'late', 'met']);
  });

  test('annual reports by employer and fiscal year: one filing, its workers, how many filed', () => {
    expect(
      annualReportsByEmployer([
        row('x:ssw_annual_report:FY2026', 'ssw_annual_report', 'open', '2027-05-31', 'e1'),
        row('y:ssw_annual_report:FY2026', 'ssw_annual_report', 'met', '2027-05-31', 'e1'),
        row('z:ssw_annual_report:FY2026', 'ssw_annual_report', 'open', '2027-05-31', 'e2'),
      ]),
    ).toEqual([
      { employer: 'e1', employerName: 'e1株式会社', fiscalYear: 2026, workers: 2, filed: 1, dueOn: '2027-05-31' },
      { employer: 'e2', employerName: 'e2株式会社', fiscalYear: 2026, workers: 1, filed: 0, dueOn: '2027-05-31' },
    ]);
  });
});
