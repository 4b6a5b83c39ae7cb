/**
 * Which special periods (特例期間, 入管法20条⑥・21条④) count toward the 5-year total of 1号:
 * those of an extension and of a change into 1号 made to change jobs (転職を行うためのものに限る,
 * 特定技能運用要領「通算在留期間」), not those of a change to another status.
 */
import { describe, expect, test } from '@jest/globals';
import type { LocalDate } from '../calendar/local-date.js';
import { foldResident } from '../resident/fold.js';
import { ResidentLife, card } from '../testing/resident-life.js';
import { sswPanel } from './ssw-panel.js';

const SSW1 = 'specified_skilled_worker_1';

/** 1号 from Wed 2026-04-01 to Thu 2027-04-01; an application filed on 2027-03-15 and granted on Thu 2027-05-20. */
function waitingOn(toStatus: string, granted: Record<string, unknown>) {
  const life = new ResidentLife('1997-01-15', `special-${toStatus}`);
  life.record('Landed', '2026-04-01', {
    status: SSW1,
    periodExpiresOn: '2027-04-01',
    card: card('SW80000001AA'),
    designation: { field: 'construction', employer: 'Kanto Build' },
  });
  life.record('StatusChangeApplied', '2027-03-15', { toStatus });
  life.record('StatusChangeGranted', '2027-05-20', { status: toStatus, card: card('SW80000002AA'), ...granted });
  return life;
}

const counted = (life: ResidentLife, asOf: string) =>
  sswPanel(foldResident(life.events, asOf as LocalDate), asOf as LocalDate)?.ssw1?.daysCounted;

describe('special periods in the 5-year total of 特定技能1号 (運用要領「通算在留期間」)', () => {
  test('a change to 技術・人文知識・国際業務: the special period 2027-04-02 – 05-20 does not count; 365 days (to 2027-04-01) only', () => {
    const life = waitingOn('engineer_humanities_international', { periodExpiresOn: '2028-05-20' });
    expect(foldResident(life.events, '2027-06-01' as LocalDate).ssw.ssw1Periods).toEqual([{ from: '2026-04-01', to: '2027-04-01' }]);
    expect(counted(life, '2027-06-01')).toBe(365);
  });

  test('a change to 特定技能2号: neither does its special period count', () => {
    const life = waitingOn('specified_skilled_worker_2', {
      periodExpiresOn: '2030-05-20',
      designation: { field: 'construction', employer: 'Kanto Build' },
    });
    expect(foldResident(life.events, '2027-06-01' as LocalDate).ssw.ssw1Periods).toEqual([{ from: '2026-04-01', to: '2027-04-01' }]);
  });

  test('a change within 1号 to change jobs: the special period counts, no break; 414 days by 2027-05-20 (365 + 49)', () => {
    const life = waitingOn(SSW1, { periodExpiresOn: '2028-05-20', designation: { field: 'food_service', employer: 'Chubu Kitchens' } });
    expect(foldResident(life.events, '2027-05-20' as LocalDate).ssw.ssw1Periods).toEqual([{ from: '2026-04-01', to: null }]);
    expect(counted(life, '2027-05-20')).toBe(414);
  });
});
