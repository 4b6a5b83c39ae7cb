/**
 * A Specified Skilled Worker taken over (ExistingStatusRecorded): the 5-year count of 1号 runs from
 * the first day in 1号 (施行規則; 運用要領「通算在留期間」), the 指定書 comes with the take-over, and
 * a status not yet in force is refused as in every other fact. Dates worked out by hand.
 */
import { describe, expect, test } from '@jest/globals';
import type { LocalDate } from '../calendar/local-date.js';
import { deadlinesAsOf } from '../deadlines.js';
import { residentAsOf } from '../as-of.js';
import { card, ResidentLife } from '../testing/resident-life.js';
import { sswPanel } from './ssw-panel.js';

const d = (text: string) => text as LocalDate;

/** In 1号 since 2024-07-01; the current 3-year-capable period granted 2026-06-30 to 2027-06-30; taken over Tue 2026-12-01. */
function workerSince2024(count: Record<string, unknown> = { ssw1CountFrom: '2024-07-01' }, extra: Record<string, unknown> = {}) {
  const life = new ResidentLife('1998-07-21');
  life.record('ExistingStatusRecorded', '2026-12-01', {
    status: 'specified_skilled_worker_1',
    grantedOn: '2026-06-30',
    periodExpiresOn: '2027-06-30',
    card: card('AB12345678CD'),
    ...count,
    ...extra,
  });
  return life;
}

const panelAsOf = (life: ResidentLife, day: string) => sswPanel(residentAsOf(life.events, d(day)), d(day));

describe('5-year total of 1号 at a take-over: counted from the first day in 1号, not from the take-over', () => {
  test('ssw1CountFrom 2024-07-01: cap on 2029-07-01 (addYears, 初日不算入); 883 days counted by 2026-12-01', () => {
    const life = workerSince2024();
    expect(panelAsOf(life, '2026-12-01')?.ssw1).toMatchObject({ capReachedOn: '2029-07-01', daysCounted: 883 });
    expect(deadlinesAsOf(life.events, d('2026-12-01'))).toContainEqual(
      expect.objectContaining({ kind: 'ssw1_cap', statutoryDueOn: '2029-07-01', opensOn: '2028-07-01' }),
    );
  });

  test('ssw1MonthsUsed 29 on 2026-12-01: the count as if begun 29 months before, on 2024-07-01: the same cap 2029-07-01', () => {
    const life = workerSince2024({ ssw1MonthsUsed: 29 });
    expect(panelAsOf(life, '2026-12-01')?.ssw1).toMatchObject({ capReachedOn: '2029-07-01', daysCounted: 883 });
  });

  test('SSW1_CAP_EXCEEDED: an extension from 2027-06-30 may end on 2029-07-01 (the cap), not 2029-07-02', () => {
    const life = workerSince2024();
    life.record('ExtensionApplied', '2027-05-06');
    expect(life.refusal('ExtensionGranted', '2027-06-01', { periodExpiresOn: '2029-07-02', card: card('BC12345678DE') })).toBe(
      'SSW1_CAP_EXCEEDED',
    );
    expect(life.refusal('ExtensionGranted', '2027-06-01', { periodExpiresOn: '2029-07-01', card: card('BC12345678DE') })).toBe('ACCEPTED');
  });

  test('without either, the count starts on the day the take-over holds from (the grant 2026-06-30): cap 2031-06-30', () => {
    const life = workerSince2024({});
    expect(panelAsOf(life, '2026-12-01')?.ssw1?.capReachedOn).toBe('2031-06-30');
  });

  test('refused (400): a count start after the day the status holds from (2026-06-30), both ways at once, or either for another status', () => {
    const life = new ResidentLife('1998-07-21');
    const base = { status: 'specified_skilled_worker_1', grantedOn: '2026-06-30', periodExpiresOn: '2027-06-30' };
    expect(life.refusal('ExistingStatusRecorded', '2026-12-01', { ...base, ssw1CountFrom: '2026-07-01' })).toBe('INVALID');
    expect(life.refusal('ExistingStatusRecorded', '2026-12-01', { ...base, ssw1CountFrom: '2026-06-30' })).toBe('ACCEPTED');
    expect(life.refusal('ExistingStatusRecorded', '2026-12-01', { ...base, ssw1CountFrom: '2024-07-01', ssw1MonthsUsed: 29 })).toBe(
      'INVALID',
    );
    expect(life.refusal('ExistingStatusRecorded', '2026-12-01', { ...base, ssw1MonthsUsed: 73 })).toBe('INVALID');
    expect(
      life.refusal('ExistingStatusRecorded', '2026-12-01', {
        status: 'engineer_humanities_international',
        periodExpiresOn: '2027-06-30',
        ssw1MonthsUsed: 12,
      }),
    ).toBe('INVALID');
  });
});

describe('the 指定書 of a take-over: field, employer and job category', () => {
  test('designation { field: construction, employer, jobCategory 土木 } is on the SSW panel', () => {
    const life = workerSince2024(undefined, { designation: { field: 'construction', employer: 'ABC建設株式会社', jobCategory: '土木' } });
    expect(panelAsOf(life, '2026-12-01')).toMatchObject({
      field: { code: 'construction', ja: '建設' },
      employer: 'ABC建設株式会社',
      jobCategory: '土木',
    });
  });

  test('a 特定活動 code for 特定技能, or a field for another status, is refused (400); 特定活動 codes still go with 特定活動', () => {
    const life = new ResidentLife('1998-07-21');
    const ssw = { status: 'specified_skilled_worker_1', periodExpiresOn: '2027-06-30' };
    expect(life.refusal('ExistingStatusRecorded', '2026-12-01', { ...ssw, designation: 'other' })).toBe('INVALID');
    expect(
      life.refusal('ExistingStatusRecorded', '2026-12-01', {
        status: 'engineer_humanities_international',
        periodExpiresOn: '2027-06-30',
        designation: { field: 'construction' },
      }),
    ).toBe('INVALID');
    expect(
      life.refusal('ExistingStatusRecorded', '2026-12-01', {
        status: 'designated_activities',
        periodExpiresOn: '2027-06-30',
        designation: 'other',
      }),
    ).toBe('ACCEPTED');
  });
});

describe('STATUS_NOT_IN_FORCE for every fact that states a status held: 育成就労 from 2027-04-01', () => {
  const skillDevelopment = { status: 'employment_for_skill_development', periodExpiresOn: '2028-03-31' };

  test('a take-over on 2027-03-31 is refused; on 2027-04-01 accepted', () => {
    expect(new ResidentLife().refusal('ExistingStatusRecorded', '2027-03-31', skillDevelopment)).toBe('STATUS_NOT_IN_FORCE');
    expect(new ResidentLife().refusal('ExistingStatusRecorded', '2027-04-01', skillDevelopment)).toBe('ACCEPTED');
  });

  test('a take-over on 2027-05-10 whose grant is dated 2027-03-15 is refused; granted 2027-04-01, accepted', () => {
    expect(new ResidentLife().refusal('ExistingStatusRecorded', '2027-05-10', { ...skillDevelopment, grantedOn: '2027-03-15' })).toBe(
      'STATUS_NOT_IN_FORCE',
    );
    expect(new ResidentLife().refusal('ExistingStatusRecorded', '2027-05-10', { ...skillDevelopment, grantedOn: '2027-04-01' })).toBe(
      'ACCEPTED',
    );
  });

  test('an acquisition granted on 2027-03-31 is refused like a landing or a change', () => {
    const life = new ResidentLife('2027-03-01');
    life.record('BornInJapan', '2027-03-01');
    life.record('StatusAcquisitionApplied', '2027-03-20', { status: 'employment_for_skill_development' });
    expect(life.refusal('StatusAcquisitionGranted', '2027-03-31', { ...skillDevelopment, card: card('AB12345678CD') })).toBe(
      'STATUS_NOT_IN_FORCE',
    );
  });
});
