/** One 定期届出 per employer and fiscal year, however the employer came to be known. */
import { describe, expect, test } from '@jest/globals';
import type { LocalDate } from '../calendar/local-date.js';
import { deadlinesAsOf } from '../deadlines.js';
import { ResidentLife, card } from '../testing/resident-life.js';

const SSW1 = 'specified_skilled_worker_1';
const reports = (life: ResidentLife, asOf: string) =>
  deadlinesAsOf(life.events, asOf as LocalDate)
    .filter((deadline) => deadline.kind === 'ssw_annual_report')
    .map((d) => [d.id.split(':').at(-1), d.employer ?? null, d.state]);

describe('the annual report of one fiscal year', () => {
  test('a grant naming no employer, then the support contract naming it: one report, owed by that employer', () => {
    const life = new ResidentLife('1999-01-10', 'worker');
    life.record('Landed', '2026-06-01', {
      status: SSW1,
      periodExpiresOn: '2027-06-01',
      card: card('SW20000001AA'),
      designation: { field: 'food_service' },
    });
    life.record('SupportStarted', '2026-06-01', { employer: 'emp-1' });
    expect(reports(life, '2026-06-02')).toEqual([['FY2026', 'emp-1', 'upcoming']]);
  });

  test('taken over with no employer, the employer named later in the year: still one report', () => {
    const life = new ResidentLife('1999-01-10', 'worker');
    life.record('ExistingStatusRecorded', '2026-05-01', {
      status: SSW1,
      periodExpiresOn: '2027-06-01',
      card: card('SW20000002AA'),
      designation: { field: 'food_service' },
    });
    life.record('SupportStarted', '2026-07-01', { employer: 'emp-2' });
    expect(reports(life, '2026-07-02')).toEqual([['FY2026', 'emp-2', 'upcoming']]);
  });
});
