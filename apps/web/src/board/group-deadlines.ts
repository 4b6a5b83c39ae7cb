/**
 * The caseload board's groups and colours, as of a date: overdue; due this week (7 days);
 * within 30 and 90 days; renewal windows opening within 30 days (a deadline not yet open,
 * e.g. 在留期間更新 that may be filed from three months before expiry). Overdue is red; still
 * open and due within 14 days is amber.
 */
import { daysBetween } from '../dates/format-date';
import type { CaseloadDeadline } from './api';

export const GROUPS = ['overdue', 'thisWeek', 'within30', 'within90', 'windowsOpening'] as const;
export type BoardGroup = (typeof GROUPS)[number];

/** What the groups and colours read: a resident's own deadline list colours its rows the same way. */
type Dated = Pick<CaseloadDeadline, 'state' | 'opensOn' | 'dueOn'>;

export function groupOf(deadline: Dated, asOf: string): BoardGroup | null {
  if (deadline.state === 'overdue') return 'overdue';
  if (deadline.state === 'upcoming' && deadline.opensOn && deadline.opensOn > asOf) {
    return daysBetween(asOf, deadline.opensOn) <= 30 ? 'windowsOpening' : null;
  }
  if (deadline.state !== 'open' && deadline.state !== 'upcoming') return null;
  const left = daysBetween(asOf, deadline.dueOn);
  if (left < 0) return 'overdue';
  if (left <= 7) return 'thisWeek';
  if (left <= 30) return 'within30';
  if (left <= 90) return 'within90';
  return null;
}

export type Tone = 'red' | 'amber' | null;

export function toneOf(deadline: Dated, asOf: string): Tone {
  if (deadline.state === 'overdue') return 'red';
  if (deadline.state !== 'open') return null;
  const left = daysBetween(asOf, deadline.dueOn);
  if (left < 0) return 'red';
  return left <= 14 ? 'amber' : null;
}

/**
 * What the board narrows in the browser, over the rows loaded. Who owes it (`owedBy`) and the
 * employer are filtered by the server instead (api.ts).
 */
export interface BoardFilter {
  kind: string | null;
  state: string | null;
}

export const NO_FILTER: BoardFilter = { kind: null, state: null };

export function matches(deadline: CaseloadDeadline, filter: BoardFilter): boolean {
  if (filter.kind && deadline.kind !== filter.kind) return false;
  if (filter.state && deadline.state !== filter.state) return false;
  return true;
}

export function employerOf(deadline: CaseloadDeadline): string | null {
  return deadline.employerName ?? deadline.employer ?? null;
}

export type BoardItem =
  | { type: 'group'; group: BoardGroup; count: number }
  | { type: 'employer'; employer: string | null; count: number; overdue: number }
  | { type: 'row'; group: BoardGroup; deadline: CaseloadDeadline };

/** By when (overdue, this week, …) or by employer (所属機関: what each one's workers and the employer itself owe). */
export type BoardGrouping = 'due' | 'employer';

/** The rows in board order: each group's header with its count, then its rows by due date. */
export function boardItems(
  deadlines: readonly CaseloadDeadline[],
  asOf: string,
  filter: BoardFilter,
  grouping: BoardGrouping = 'due',
): { items: BoardItem[]; counts: Record<BoardGroup, number> } {
  const byGroup = new Map<BoardGroup, CaseloadDeadline[]>(GROUPS.map((group) => [group, []]));
  for (const deadline of deadlines) {
    if (!matches(deadline, filter)) continue;
    const group = groupOf(deadline, asOf);
    if (group) byGroup.get(group)!.push(deadline);
  }
  const items: BoardItem[] = [];
  const counts = {} as Record<BoardGroup, number>;
  for (const group of GROUPS) {
    const rows = byGroup.get(group)!;
    const key = group === 'windowsOpening' ? (d: CaseloadDeadline) => d.opensOn ?? d.dueOn : (d: CaseloadDeadline) => d.dueOn;
    rows.sort((a, b) => key(a).localeCompare(key(b)));
    counts[group] = rows.length;
    if (rows.length === 0 || grouping !== 'due') continue;
    items.push({ type: 'group', group, count: rows.length });
    for (const deadline of rows) items.push({ type: 'row', group, deadline });
  }
  if (grouping === 'employer') items.push(...byEmployer(byGroup));
  return { items, counts };
}

/**
 * Per employer, by name (those with none last): the header with how many deadlines and how
 * many overdue, then its rows, overdue first and then by due date.
 */
function byEmployer(byGroup: ReadonlyMap<BoardGroup, CaseloadDeadline[]>): BoardItem[] {
  const employers = new Map<string | null, Array<{ group: BoardGroup; deadline: CaseloadDeadline }>>();
  for (const [group, rows] of byGroup)
    for (const deadline of rows) {
      const employer = employerOf(deadline);
      employers.set(employer, [...(employers.get(employer) ?? []), { group, deadline }]);
    }
  const names = [...employers.keys()].sort((a, b) => (a === null ? 1 : b === null ? -1 : a.localeCompare(b, 'ja')));
  const when = (row: { group: BoardGroup; deadline: CaseloadDeadline }) =>
    row.group === 'windowsOpening' ? (row.deadline.opensOn ?? row.deadline.dueOn) : row.deadline.dueOn;
  return names.flatMap((employer) => {
    const rows = employers.get(employer)!.sort((a, b) => when(a).localeCompare(when(b)));
    const overdue = rows.filter((row) => row.group === 'overdue').length;
    return [{ type: 'employer' as const, employer, count: rows.length, overdue }, ...rows.map((row) => ({ type: 'row' as const, ...row }))];
  });
}
