/**
 * 特定技能 is the activity under a contract with the employer named on the 指定書 (入管法別表第一の二;
 * 19条1項): working for another is outside the designation, a warning on the status until a change of
 * status names the new employer.
 */
import { describe, expect, test } from '@jest/globals';
import type { LocalDate } from '../calendar/local-date.js';
import { statusAsOf } from '../status.js';
import { ResidentLife, card } from '../testing/resident-life.js';

const SSW1 = 'specified_skilled_worker_1';
const codes = (life: ResidentLife, asOf: string) => statusAsOf(life.events, asOf as LocalDate).warnings.map((w) => w.code);

describe('the employer on the 指定書 (入管法別表第一の二 特定技能; 19条1項)', () => {
  test('hired by Osaka Build on 2026-06-15 with Kanto Build on the 指定書: OUTSIDE_DESIGNATION until the change grant of 2026-07-10', () => {
    const life = new ResidentLife('1996-08-08', 'designation');
    life.record('Landed', '2026-04-01', {
      status: SSW1,
      periodExpiresOn: '2027-04-01',
      card: card('SW90000001AA'),
      designation: { field: 'construction', employer: 'Kanto Build' },
    });
    life.record('AffiliationChanged', '2026-04-01', { kind: 'contract', change: 'new_contract', employer: 'Kanto Build' });
    life.record('AffiliationChanged', '2026-05-31', { kind: 'contract', change: 'contract_ended', employer: 'Kanto Build' });
    life.record('AffiliationChanged', '2026-06-15', { kind: 'contract', change: 'new_contract', employer: 'Osaka Build' });
    life.record('StatusChangeApplied', '2026-06-20', { toStatus: SSW1 });
    life.record('StatusChangeGranted', '2026-07-10', {
      status: SSW1,
      periodExpiresOn: '2027-07-10',
      card: card('SW90000002AA'),
      designation: { field: 'construction', employer: 'Osaka Build' },
    });
    expect(codes(life, '2026-05-01')).toEqual([]);
    expect(codes(life, '2026-06-14')).toEqual([]);
    expect(codes(life, '2026-06-15')).toEqual(['OUTSIDE_DESIGNATION']);
    expect(statusAsOf(life.events, '2026-07-09' as LocalDate).warnings[0]?.message).toContain('Osaka Build');
    expect(codes(life, '2026-07-10')).toEqual([]);
  });

  test('no employer on the 指定書 recorded: no warning', () => {
    const life = new ResidentLife('1996-08-08', 'no-designation');
    life.record('Landed', '2026-04-01', { status: SSW1, periodExpiresOn: '2027-04-01', card: card('SW90000003AA') });
    life.record('AffiliationChanged', '2026-04-02', { kind: 'contract', change: 'new_contract', employer: 'Anyone' });
    expect(codes(life, '2026-04-02')).toEqual([]);
  });
});
