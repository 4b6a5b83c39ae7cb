import { describe, expect, test } from '@jest/globals';
import { statusAsOf } from '../status.js';
import { ResidentLife, card } from '../testing/resident-life.js';
import type { LocalDate } from '../calendar/local-date.js';

const workOn = (life: ResidentLife, asOf: string) => statusAsOf(life.events, asOf as LocalDate).work;

describe('§3 work permission (docs/sources/card-number-check.md §6.2)', () => {
  test.each([
    ['student', 'not_permitted'],
    ['engineer_humanities_international', 'status_activities_only'],
    ['designated_activities', 'designated_activities_only'],
    ['long_term_resident', 'unrestricted'],
  ])('%s: %s', (status, permission) => {
    const life = new ResidentLife();
    life.record('Landed', '2026-04-01', { status, periodExpiresOn: '2027-03-31', card: card('AB12345678CD') });
    expect(workOn(life, '2026-04-01')).toEqual({ permission, extraActivityHoursPerWeek: null });
  });

  test('comprehensive permission lets a student work 28 hours a week; it lapses with the status it was granted under', () => {
    const life = new ResidentLife();
    life.record('Landed', '2025-04-01', { status: 'student', periodExpiresOn: '2027-03-31', card: card('AB12345678CD') });
    life.record('ExtraActivityPermitted', '2025-04-10', { scope: 'comprehensive' });
    expect(workOn(life, '2025-04-10')).toEqual({ permission: 'not_permitted', extraActivityHoursPerWeek: 28 });
    life.record('StatusChangeApplied', '2027-01-10', { toStatus: 'engineer_humanities_international' });
    life.record('StatusChangeGranted', '2027-03-01', {
      status: 'engineer_humanities_international',
      periodExpiresOn: '2030-03-01',
      card: card('EH12345678AA'),
    });
    expect(workOn(life, '2027-03-01')).toEqual({ permission: 'status_activities_only', extraActivityHoursPerWeek: null });
  });

  test('no lawful stay, no work', () => {
    const life = new ResidentLife();
    life.record('Landed', '2025-04-01', {
      status: 'engineer_humanities_international',
      periodExpiresOn: '2026-03-31',
      card: card('AB12345678CD'),
    });
    expect(workOn(life, '2026-04-01').permission).toBe('not_permitted');
  });
});
