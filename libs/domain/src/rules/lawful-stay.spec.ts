import { describe, expect, test } from '@jest/globals';
import { statusAsOf } from '../status.js';
import { deadlinesAsOf } from '../deadlines.js';
import { ResidentLife, card } from '../testing/resident-life.js';
import type { LocalDate } from '../calendar/local-date.js';

const residenceOn = (life: ResidentLife, asOf: string) => statusAsOf(life.events, asOf as LocalDate).residence;
const renewalOn = (life: ResidentLife, asOf: string) =>
  deadlinesAsOf(life.events, asOf as LocalDate).find((deadline) => deadline.kind === 'period_renewal');

function studentUntil(periodExpiresOn: string, landedOn = '2025-04-01') {
  const life = new ResidentLife();
  life.record('Landed', landedOn, { status: 'student', periodExpiresOn, card: card('AB12345678CD') });
  return life;
}

describe('§4 renewal window (docs/sources/online-renewal-guide.md, reading: (expiry + 1 day) − 3 months)', () => {
  test('expiry 2025-06-30 opens on 2025-04-01, as the seed says', () => {
    const life = studentUntil('2025-06-30', '2024-06-20');
    expect(renewalOn(life, '2025-03-31')).toMatchObject({
      opensOn: '2025-04-01',
      statutoryDueOn: '2025-06-30',
      dueOn: '2025-06-30',
      state: 'upcoming',
      legalBasis: expect.stringContaining('21条'),
    });
    expect(renewalOn(life, '2025-04-01')?.state).toBe('open');
    expect(renewalOn(life, '2025-07-01')?.state).toBe('overdue');
  });

  test('expiry 2026-03-31 opens on 2026-01-01', () => {
    expect(renewalOn(studentUntil('2026-03-31', '2025-03-20'), '2025-12-01')?.opensOn).toBe('2026-01-01');
  });

  test('a period shorter than 6 months is open from the grant (opensOn null)', () => {
    // landed 2026-04-01: 6 months later is 2026-10-01; 2026-09-30 is shorter.
    expect(renewalOn(studentUntil('2026-09-30', '2026-04-01'), '2026-04-02')).toMatchObject({ opensOn: null, state: 'open' });
  });

  test('an expiry on Saturday 3 January (New Year closure) may be applied for until Monday 5 January, but the stay itself ends on the 3rd', () => {
    const life = studentUntil('2026-01-03', '2025-01-06');
    expect(renewalOn(life, '2025-12-01')).toMatchObject({ statutoryDueOn: '2026-01-03', dueOn: '2026-01-05' });
    expect(residenceOn(life, '2026-01-03')).toMatchObject({ lawful: true, lawfulUntil: '2026-01-03' });
    expect(residenceOn(life, '2026-01-04')).toMatchObject({ lawful: false, basis: 'none' });
    // Applied on the moved last day: the special period runs from the expiry (reading).
    life.record('ExtensionApplied', '2026-01-05');
    expect(residenceOn(life, '2026-01-06')).toMatchObject({ lawful: true, basis: 'special_period', lawfulUntil: '2026-03-03' });
    expect(renewalOn(life, '2026-01-06')).toMatchObject({ state: 'met', metOn: '2026-01-05' });
  });
});

describe('§4 special period (特例期間, 入管法20条6項, 21条4項)', () => {
  test('ends by decision: applied 2026-03-20, expiry 2026-03-31, granted 2026-04-20', () => {
    const life = studentUntil('2026-03-31');
    life.record('ExtensionApplied', '2026-03-20');
    // 2026-03-31 is a month end, so 2 months later is the month end 2026-05-31 (民法143).
    expect(residenceOn(life, '2026-04-15')).toMatchObject({
      lawful: true,
      basis: 'special_period',
      periodExpiresOn: '2026-03-31',
      lawfulUntil: '2026-05-31',
      status: 'student',
    });
    expect(statusAsOf(life.events, '2026-04-15' as LocalDate).card.state).toBe('valid');
    life.record('ExtensionGranted', '2026-04-20', { periodExpiresOn: '2027-04-20', card: card('BC12345678DE') });
    expect(residenceOn(life, '2026-04-21')).toMatchObject({ basis: 'period_of_stay', lawfulUntil: '2027-04-20' });
    expect(statusAsOf(life.events, '2026-04-21' as LocalDate).card).toMatchObject({ number: 'BC12345678DE', expiresOn: '2027-04-20' });
  });

  test('ends by the 2-month limit when no decision is recorded', () => {
    const life = studentUntil('2026-03-31');
    life.record('StatusChangeApplied', '2026-03-31', { toStatus: 'engineer_humanities_international' });
    expect(residenceOn(life, '2026-05-31')).toMatchObject({ lawful: true, basis: 'special_period' });
    expect(residenceOn(life, '2026-06-01')).toMatchObject({ lawful: false, basis: 'none' });
  });

  test('a permanent-residence application gives no special period', () => {
    const life = new ResidentLife();
    life.record('Landed', '2025-04-01', { status: 'spouse_of_japanese', periodExpiresOn: '2026-03-31', card: card('AB12345678CD') });
    life.record('PermanentResidenceApplied', '2026-03-01');
    expect(residenceOn(life, '2026-03-31').lawful).toBe(true);
    expect(residenceOn(life, '2026-04-01')).toMatchObject({ lawful: false, basis: 'none' });
  });

  test('a period of 30 days or less gives no special period', () => {
    const life = new ResidentLife();
    life.record('Landed', '2026-04-01', { status: 'temporary_visitor', periodExpiresOn: '2026-04-15' });
    life.record('StatusChangeApplied', '2026-04-10', { toStatus: 'spouse_of_japanese' });
    expect(residenceOn(life, '2026-04-16').lawful).toBe(false);
  });

  test('an application after the expiry gives no special period', () => {
    const life = studentUntil('2026-03-31');
    life.record('ExtensionApplied', '2026-04-02');
    expect(residenceOn(life, '2026-04-02').lawful).toBe(false);
  });

  test('a denial after the expiry ends the stay on the decision day and invalidates the card (status_lost)', () => {
    const life = studentUntil('2026-03-31');
    life.record('ExtensionApplied', '2026-03-20');
    life.record('ExtensionDenied', '2026-04-10');
    const status = statusAsOf(life.events, '2026-04-11' as LocalDate);
    expect(status.residence).toMatchObject({ lawful: false, basis: 'none' });
    expect(status.card).toMatchObject({ state: 'invalidated', invalidationReason: 'status_lost', invalidatedOn: '2026-04-10' });
  });

  test('a denial before the expiry leaves the current period running', () => {
    const life = studentUntil('2026-03-31');
    life.record('ExtensionApplied', '2026-03-01');
    life.record('ExtensionDenied', '2026-03-10');
    expect(residenceOn(life, '2026-03-31')).toMatchObject({ lawful: true, basis: 'period_of_stay' });
    expect(residenceOn(life, '2026-04-01').lawful).toBe(false);
  });
});

describe('§4 the 5-year limit (docs/sources/residency-management-system.md: 上限5年)', () => {
  test('a period ending 5 years and 1 day after the landing is PERIOD_TOO_LONG; 5 years is accepted', () => {
    const life = new ResidentLife();
    const engineer = 'engineer_humanities_international';
    expect(life.refusal('Landed', '2026-04-01', { status: engineer, periodExpiresOn: '2031-04-02' })).toBe('PERIOD_TOO_LONG');
    expect(life.refusal('Landed', '2026-04-01', { status: engineer, periodExpiresOn: '2031-04-01' })).toBe('ACCEPTED');
  });
});

describe('§4 no period end', () => {
  test('a permanent resident and a Highly Skilled Professional (ii) stay lawfully with no end', () => {
    const life = studentUntil('2026-03-31');
    life.record('PermanentResidenceApplied', '2026-01-10');
    life.record('PermanentResidenceGranted', '2026-03-01', { card: card('PR12345678AA') });
    expect(residenceOn(life, '2040-01-01')).toMatchObject({
      lawful: true,
      basis: 'permanent',
      status: 'permanent_resident',
      periodExpiresOn: null,
      lawfulUntil: null,
    });
    const hsp = studentUntil('2026-03-31');
    hsp.record('StatusChangeApplied', '2026-03-01', { toStatus: 'highly_skilled_professional_2' });
    hsp.record('StatusChangeGranted', '2026-03-20', { status: 'highly_skilled_professional_2', card: card('HS12345678AA') });
    expect(residenceOn(hsp, '2035-01-01')).toMatchObject({ lawful: true, basis: 'permanent', lawfulUntil: null });
  });
});

describe('§4 newborns (入管法22条の2; docs/sources/residence-card-guide.md §2-4)', () => {
  test('lawful on birth grace until birth + 60 days; acquisition due by birth + 30 days', () => {
    const baby = new ResidentLife('2026-05-10');
    baby.record('BornInJapan', '2026-05-10');
    // 2026-05-10 + 60 days: 21 days to 05-31, 30 to 06-30, 9 more → 2026-07-09.
    expect(residenceOn(baby, '2026-07-09')).toMatchObject({ lawful: true, basis: 'birth_grace', lawfulUntil: '2026-07-09' });
    expect(residenceOn(baby, '2026-07-10')).toMatchObject({ lawful: false, basis: 'none' });
    expect(deadlinesAsOf(baby.events, '2026-05-10' as LocalDate)).toEqual([
      expect.objectContaining({ kind: 'status_acquisition', statutoryDueOn: '2026-06-09', dueOn: '2026-06-09', state: 'open' }),
    ]);
  });

  test('while an acquisition applied for in time is pending, the stay is lawful until the decision', () => {
    const baby = new ResidentLife('2026-05-10');
    baby.record('BornInJapan', '2026-05-10');
    baby.record('StatusAcquisitionApplied', '2026-06-01', { status: 'dependent' });
    expect(residenceOn(baby, '2026-08-01').lawful).toBe(true);
    baby.record('StatusAcquisitionGranted', '2026-08-10', {
      status: 'dependent',
      periodExpiresOn: '2027-08-10',
      card: card('BB12345678CC'),
    });
    expect(residenceOn(baby, '2026-08-11')).toMatchObject({ basis: 'period_of_stay', status: 'dependent' });
    expect(deadlinesAsOf(baby.events, '2026-08-11' as LocalDate)[0]).toMatchObject({ kind: 'status_acquisition', state: 'met' });
  });

  test('the date of a birth must be the resident’s date of birth', () => {
    expect(new ResidentLife('2026-05-10').refusal('BornInJapan', '2026-05-11')).toBe('BIRTH_DATE_MISMATCH');
  });
});
