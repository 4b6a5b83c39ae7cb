/**
 * The rows of the 特定技能 screen: each SSW deadline in its category (本人 and 監督者 interviews
 * apart, the 19条の18 filings, the annual report, Hello Work, the organisation's registration, notices and yearly report), overdue first,
 * then by the day it is due; and the annual reports gathered by employer and fiscal year.
 */
import type { CaseloadDeadline } from '../board/api';
import { fiscalYearOf, interviewParty } from './deadline-facts';

export const CATEGORIES = [
  'interviewWorker',
  'interviewSupervisor',
  'orientation',
  'filing',
  'annualReport',
  'helloWork',
  'registration',
] as const;
export type Category = (typeof CATEGORIES)[number];

export function categoryOf(deadline: Pick<CaseloadDeadline, 'kind' | 'id'>): Category {
  switch (deadline.kind) {
    case 'support_interview':
      return interviewParty(deadline) === 'supervisor' ? 'interviewSupervisor' : 'interviewWorker';
    case 'orientation':
      return 'orientation';
    case 'ssw_annual_report':
      return 'annualReport';
    case 'hello_work_hiring':
    case 'hello_work_leaving':
      return 'helloWork';
    case 'support_registration_renewal':
    case 'support_registered_matters_notification':
    case 'support_business_suspension_notification':
    case 'support_business_resumption_notification':
    case 'support_annual_report':
      return 'registration';
    default:
      return 'filing';
  }
}

const MET = new Set(['met', 'met_late']);

/** Overdue first, then what is still to do by due day, then what is done. */
export function orderRows<T extends Pick<CaseloadDeadline, 'state' | 'dueOn'>>(rows: readonly T[]): T[] {
  const rank = (row: T) => (row.state === 'overdue' ? 0 : MET.has(row.state) ? 2 : 1);
  return [...rows].sort((a, b) => rank(a) - rank(b) || a.dueOn.localeCompare(b.dueOn));
}

export interface CategoryCount {
  category: Category;
  open: number;
  overdue: number;
}

export function countByCategory(rows: readonly CaseloadDeadline[]): CategoryCount[] {
  return CATEGORIES.map((category) => {
    const mine = rows.filter((row) => categoryOf(row) === category && !MET.has(row.state));
    return { category, open: mine.length, overdue: mine.filter((row) => row.state === 'overdue').length };
  });
}

export interface AnnualReportGroup {
  employer: string | null;
  employerName: string | null;
  fiscalYear: number;
  workers: number;
  filed: number;
  dueOn: string;
}

/** 定期届出 by employer and fiscal year: one filing covers every worker of that employer. */
export function annualReportsByEmployer(rows: readonly CaseloadDeadline[]): AnnualReportGroup[] {
  const groups = new Map<string, AnnualReportGroup>();
  for (const row of rows) {
    const fiscalYear = fiscalYearOf(row);
    if (fiscalYear === null) continue;
    const key = `${row.employer ?? ''}|${fiscalYear}`;
    const group = groups.get(key) ?? {
      employer: row.employer ?? null,
      employerName: row.employerName ?? row.employer ?? null,
      fiscalYear,
      workers: 0,
      filed: 0,
      dueOn: row.dueOn,
    };
    group.workers += 1;
    if (MET.has(row.state)) group.filed += 1;
    groups.set(key, group);
  }
  return [...groups.values()].sort(
    (a, b) => a.fiscalYear - b.fiscalYear || (a.employerName ?? '').localeCompare(b.employerName ?? '', 'ja'),
  );
}
