import { describe, expect, test } from '@jest/globals';
import type { CaseloadDeadline } from './api';
import { boardItems, groupOf, NO_FILTER, toneOf } from './group-deadlines';

const deadline = (over: Partial<CaseloadDeadline>): CaseloadDeadline => ({
  id: Math.random().toString(36),
  residentId: 'r1',
  residentName: 'TRAN VAN BINH',
  kind: 'residence_notification',
  opensOn: null,
  dueOn: '2026-04-15',
  statutoryDueOn: '2026-04-15',
  state: 'open',
  metOn: null,
  sourceEventId: 'e1',
  owedBy: 'resident',
  legalBasis: '入管法19条の7',
  label: { ja: '住居地届出', en: 'Notify the new residence' },
  assignedTo: null,
  assignedToName: null,
  ...over,
});
const asOf = '2026-04-01';

describe('the caseload board groups deadlines as of 2026-04-01', () => {
  test('overdue, this week (to 04-08), 30 days (to 05-01), 90 days (to 06-30)', () => {
    expect(groupOf(deadline({ state: 'overdue', dueOn: '2026-03-20' }), asOf)).toBe('overdue');
    expect(groupOf(deadline({ dueOn: '2026-04-08' }), asOf)).toBe('thisWeek');
    expect(groupOf(deadline({ dueOn: '2026-04-09' }), asOf)).toBe('within30');
    expect(groupOf(deadline({ dueOn: '2026-05-01' }), asOf)).toBe('within30');
    expect(groupOf(deadline({ dueOn: '2026-06-30' }), asOf)).toBe('within90');
    expect(groupOf(deadline({ dueOn: '2026-07-01' }), asOf)).toBeNull();
    expect(groupOf(deadline({ state: 'met' }), asOf)).toBeNull();
  });
  test('a renewal window opening within 30 days (opens 05-01) is its own group; one opening 05-02 is not shown yet', () => {
    expect(groupOf(deadline({ kind: 'period_renewal', state: 'upcoming', opensOn: '2026-05-01', dueOn: '2026-07-31' }), asOf)).toBe(
      'windowsOpening',
    );
    expect(groupOf(deadline({ kind: 'period_renewal', state: 'upcoming', opensOn: '2026-05-02', dueOn: '2026-08-01' }), asOf)).toBeNull();
  });
  test('overdue is red; open and due within 14 days (to 04-15) amber; later none', () => {
    expect(toneOf(deadline({ state: 'overdue', dueOn: '2026-03-31' }), asOf)).toBe('red');
    expect(toneOf(deadline({ dueOn: '2026-04-15' }), asOf)).toBe('amber');
    expect(toneOf(deadline({ dueOn: '2026-04-16' }), asOf)).toBeNull();
  });
  test('items: each group with its count, rows by due date; a filter narrows without refetching', () => {
    const rows = [
      deadline({ dueOn: '2026-04-20', kind: 'affiliation_notification' }),
      deadline({ dueOn: '2026-04-05' }),
      deadline({ dueOn: '2026-04-03' }),
      deadline({ state: 'overdue', dueOn: '2026-03-01', owedBy: 'employer' }),
    ];
    const { items, counts } = boardItems(rows, asOf, NO_FILTER);
    expect(counts).toEqual({ overdue: 1, thisWeek: 2, within30: 1, within90: 0, windowsOpening: 0 });
    expect(items.map((i) => (i.type === 'group' ? i.group : i.type === 'row' ? i.deadline.dueOn : i.employer))).toEqual([
      'overdue',
      '2026-03-01',
      'thisWeek',
      '2026-04-03',
      '2026-04-05',
      'within30',
      '2026-04-20',
    ]);
    expect(boardItems(rows, asOf, { ...NO_FILTER, kind: 'affiliation_notification' }).counts.within30).toBe(1);
    expect(boardItems(rows, asOf, { ...NO_FILTER, state: 'overdue' }).counts).toMatchObject({ overdue: 1, thisWeek: 0 });
  });
  test('by employer: one header per employer by name (none last) with counts and overdue, rows overdue first then by due date', () => {
    const rows = [
      deadline({ dueOn: '2026-04-20', employerName: 'Tokai Foods' }),
      deadline({ dueOn: '2026-04-05', employerName: 'Chubu Care' }),
      deadline({ dueOn: '2026-04-03' }),
      deadline({ state: 'overdue', dueOn: '2026-03-01', employerName: 'Tokai Foods', owedBy: 'employer' }),
      deadline({ dueOn: '2026-12-01', employerName: 'Chubu Care' }),
    ];
    const { items, counts } = boardItems(rows, asOf, NO_FILTER, 'employer');
    expect(counts).toEqual({ overdue: 1, thisWeek: 2, within30: 1, within90: 0, windowsOpening: 0 });
    expect(
      items.map((i) =>
        i.type === 'employer' ? `${i.employer ?? '—'} ${i.count}/${i.overdue}` : i.type === 'row' ? i.deadline.dueOn : i.group,
      ),
    ).toEqual(['Chubu Care 1/0', '2026-04-05', 'Tokai Foods 2/1', '2026-03-01', '2026-04-20', '— 1/0', '2026-04-03']);
  });
});
