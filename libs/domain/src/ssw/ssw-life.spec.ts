/**
 * A worker's life from 技能実習 to 特定技能1号, with a change of employer, interviews, an
 * annual report and the 5-year cap, recorded through the decider as the API would.
 */
import { describe, expect, test } from '@jest/globals';
import type { LocalDate } from '../calendar/local-date.js';
import { deadlineView, deadlinesAsOf } from '../deadlines.js';
import { foldResident } from '../resident/fold.js';
import { ResidentLife, card } from '../testing/resident-life.js';
import { organisationDeadlines } from './organisation-deadlines.js';
import { sswPanel } from './ssw-panel.js';

const SSW1 = 'specified_skilled_worker_1';

function internToSsw() {
  const life = new ResidentLife('1998-07-21', 'worker');
  life.record('Landed', '2022-10-01', { status: 'technical_intern_training_1', periodExpiresOn: '2023-09-30', card: card('TI10000001AA') });
  life.record('StatusChangeApplied', '2023-08-01', { toStatus: 'technical_intern_training_2' });
  life.record('StatusChangeGranted', '2023-09-15', {
    status: 'technical_intern_training_2',
    periodExpiresOn: '2025-09-15',
    card: card('TI10000002AA'),
  });
  life.record('StatusChangeApplied', '2025-07-01', { toStatus: SSW1 });
  life.record('StatusChangeGranted', '2025-08-20', {
    status: SSW1,
    periodExpiresOn: '2026-08-20',
    card: card('SW10000003AA'),
    designation: { field: 'food_and_beverage_manufacturing', employer: 'Tokai Foods' },
  });
  life.record('SupportStarted', '2025-08-20', { employer: 'Tokai Foods', plan: 'plan-2025' });
  life.record('OrientationHeld', '2025-08-25', { hours: 8 });
  life.record('SupportInterviewHeld', '2025-11-10', { with: 'worker', mode: 'in_person' });
  life.record('SupportInterviewHeld', '2025-11-12', { with: 'supervisor', mode: 'in_person' });
  life.record('SupportInterviewHeld', '2026-02-05', { with: 'worker', mode: 'online' });
  life.record('SupportInterviewHeld', '2026-02-12', { with: 'supervisor', mode: 'online' });
  life.record('AffiliationChanged', '2026-02-28', {
    kind: 'contract',
    change: 'contract_ended',
    organisation: 'Tokai Foods',
    helloWork: 'insured',
  });
  life.record('StatusChangeApplied', '2026-03-20', { toStatus: SSW1 });
  life.record('AffiliationChanged', '2026-04-15', {
    kind: 'contract',
    change: 'new_contract',
    organisation: 'Chubu Kitchens',
    helloWork: 'insured',
  });
  life.record('StatusChangeGranted', '2026-05-20', {
    status: SSW1,
    periodExpiresOn: '2029-05-20',
    card: card('SW10000004AA'),
    designation: { field: 'food_service', employer: 'Chubu Kitchens' },
  });
  life.record('SupportContractChanged', '2026-05-20', { summary: 'new employer' });
  life.record('SswReportFiled', '2026-05-25', { kind: 'annual', fiscalYear: 2025 });
  life.record('Departed', '2026-08-01', { reentry: 'deemed' });
  life.record('Reentered', '2026-08-20');
  return life;
}

const of = (life: ResidentLife, asOf: string, kind: string) =>
  deadlinesAsOf(life.events, asOf as LocalDate).filter((deadline) => deadline.kind === kind);

describe('from 技能実習 to 特定技能1号 (docs/ssw-duties.md)', () => {
  const life = internToSsw();

  test('the 5 years count from the change grant of 2025-08-20, not from 技能実習: cap 2030-08-20', () => {
    const panel = sswPanel(foldResident(life.events, '2026-08-20' as LocalDate), '2026-08-20' as LocalDate);
    expect(panel).toMatchObject({
      field: { code: 'food_service', ja: '外食業' },
      employer: 'Chubu Kitchens',
      supportSince: '2025-08-20',
      ssw1: { daysCounted: 365, capReachedOn: '2030-08-20', sixthYear: false },
    });
    expect(of(life, '2029-09-01', 'ssw1_cap')).toEqual([
      expect.objectContaining({ statutoryDueOn: '2030-08-20', dueOn: '2030-08-20', state: 'open', owedBy: 'resident' }),
    ]);
  });

  test('the time abroad on a deemed re-entry (2026-08-01 – 08-20) still counts', () => {
    const panel = sswPanel(foldResident(life.events, '2026-09-01' as LocalDate), '2026-09-01' as LocalDate);
    expect(panel?.ssw1).toMatchObject({ daysCounted: 377, capReachedOn: '2030-08-20' });
  });

  test('a grant whose period runs past 2030-08-20 is SSW1_CAP_EXCEEDED; one ending on it is accepted', () => {
    const branch = internToSsw();
    branch.record('ExtensionApplied', '2029-03-01');
    expect(branch.refusal('ExtensionGranted', '2029-05-10', { periodExpiresOn: '2030-08-21', card: card('SW10000005AA') })).toBe(
      'SSW1_CAP_EXCEEDED',
    );
    expect(branch.refusal('ExtensionGranted', '2029-05-10', { periodExpiresOn: '2030-08-20', card: card('SW10000005AA') })).toBe(
      'ACCEPTED',
    );
  });

  test('support from the grant day 2025-08-20 is part of the application: no 19条の18①3号 filing (運用要領第7章); the orientation (+14) is owed', () => {
    expect(of(life, '2025-08-21', 'ssw_support_contract_notification')).toEqual([]);
    expect(of(life, '2025-08-25', 'orientation')).toEqual([
      expect.objectContaining({ dueOn: '2025-09-03', state: 'met', owedBy: 'organisation' }),
    ]);
  });

  test('interviews: due 3 months after the start (2025-11-20), then after each interview, worker and supervisor apart', () => {
    const first = of(life, '2025-10-01', 'support_interview');
    expect(first.map((d) => [d.id.split(':').at(-1), d.dueOn, d.state])).toEqual([
      ['worker', '2025-11-20', 'open'],
      ['supervisor', '2025-11-20', 'open'],
    ]);
    const later = of(life, '2026-03-01', 'support_interview').filter((d) => d.state === 'open');
    expect(later.map((d) => [d.id.split(':').at(-1), d.dueOn])).toEqual([
      ['worker', '2026-05-05'],
      ['supervisor', '2026-05-12'],
    ]);
  });

  test('contract ended on Saturday 28 Feb 2026: ISA notice to 14 Mar (Sat) → 16 Mar; Hello Work by 10 Mar; activity gap to 31 May', () => {
    expect(of(life, '2026-03-01', 'ssw_contract_notification')).toEqual([
      expect.objectContaining({ statutoryDueOn: '2026-03-14', dueOn: '2026-03-16', owedBy: 'employer', employer: 'Tokai Foods' }),
    ]);
    expect(of(life, '2026-03-01', 'hello_work_leaving')).toEqual([expect.objectContaining({ dueOn: '2026-03-10', owedBy: 'employer' })]);
    expect(of(life, '2026-03-01', 'activity_gap_revocation_risk')).toEqual([expect.objectContaining({ dueOn: '2026-05-31' })]);
  });

  test('the new contract of 15 Apr 2026, made for the pending change into 1号, is part of that application: no 19条の18 filing; 19条の16 due 29 Apr (昭和の日) → 30 Apr; Hello Work by 10 May (Sunday) → 11 May', () => {
    const notices = of(life, '2026-04-16', 'ssw_contract_notification');
    expect(notices.map((d) => [d.statutoryDueOn, d.dueOn, d.employer])).toEqual([['2026-03-14', '2026-03-16', 'Tokai Foods']]);
    expect(of(life, '2026-04-16', 'affiliation_notification').filter((d) => d.statutoryDueOn === '2026-04-29')).toEqual([
      expect.objectContaining({ statutoryDueOn: '2026-04-29', dueOn: '2026-04-30', owedBy: 'resident' }),
    ]);
    // The change grant of 2026-05-20 and the support contract changed that day: part of the application too.
    expect(of(life, '2026-05-21', 'ssw_support_contract_notification')).toEqual([]);
    expect(of(life, '2026-04-16', 'hello_work_hiring')).toEqual([
      expect.objectContaining({ statutoryDueOn: '2026-05-10', dueOn: '2026-05-11' }),
    ]);
  });

  test('annual report FY2025 for Tokai Foods: fixed window 2026-04-01 – 31 May, a Sunday, not moved (施行規則; 休日法2条 moves periods counted from an event only); FY2026 for Chubu Kitchens', () => {
    const reports = of(life, '2026-05-25', 'ssw_annual_report');
    expect(reports.map((d) => [d.employer, d.opensOn, d.statutoryDueOn, d.dueOn, d.state])).toEqual([
      ['Tokai Foods', '2026-04-01', '2026-05-31', '2026-05-31', 'met'],
      ['Chubu Kitchens', '2027-04-01', '2027-05-31', '2027-05-31', 'upcoming'],
    ]);
  });

  test('time passing opens each fiscal year held while the period runs (to 2029-05-20): FY2029 from 2029-04-01, none after', () => {
    const years = (asOf: string) => of(life, asOf, 'ssw_annual_report').map((d) => d.id.split(':').at(-1));
    expect(years('2029-03-31')).toEqual(['FY2025', 'FY2026', 'FY2027', 'FY2028']);
    expect(years('2030-12-31')).toEqual(['FY2025', 'FY2026', 'FY2027', 'FY2028', 'FY2029']);
  });

  test('the change grant of 2026-05-20 opens a new orientation and keeps the count running (no break)', () => {
    expect(of(life, '2026-05-21', 'orientation').map((d) => [d.dueOn, d.state])).toEqual([
      ['2025-09-03', 'met'],
      ['2026-06-03', 'open'],
    ]);
    expect(foldResident(life.events, '2026-05-21' as LocalDate).ssw.ssw1Periods).toEqual([{ from: '2025-08-20', to: null }]);
  });

  test('no interview in person since 2025-11-10: a warning from 2026-11-11', () => {
    const warnings = (asOf: string) => sswPanel(foldResident(life.events, asOf as LocalDate), asOf as LocalDate)?.warnings ?? [];
    expect(warnings('2026-11-10')).toEqual([]);
    expect(warnings('2026-11-11').map((w) => w.code)).toEqual(['NO_IN_PERSON_INTERVIEW_12_MONTHS']);
  });
});

describe('leave excluded from the count and the 6th year', () => {
  function landedSsw(field = 'construction') {
    const life = new ResidentLife('1995-05-10', 'ssw-leave');
    life.record('Landed', '2026-04-01', {
      status: SSW1,
      periodExpiresOn: '2029-03-31',
      card: card('SW20000001AA'),
      designation: { field, employer: 'Kanto Build' },
    });
    return life;
  }

  test('maternity leave 2027-06-01 – 09-30 moves the cap from 2031-04-01 to 2031-08-01; the claim opens 2031-05-01', () => {
    const life = landedSsw();
    expect(of(life, '2026-04-02', 'ssw1_cap').map((d) => d.statutoryDueOn)).toEqual(['2031-04-01']);
    life.record('SswIntervalExcluded', '2027-10-05', { from: '2027-06-01', to: '2027-09-30', reason: 'maternity' });
    expect(of(life, '2027-10-05', 'ssw1_cap').map((d) => d.statutoryDueOn)).toEqual(['2031-08-01']);
    expect(of(life, '2027-10-05', 'ssw1_exclusion_claim')).toEqual([
      expect.objectContaining({ opensOn: '2031-05-01', dueOn: '2031-08-01', state: 'upcoming' }),
    ]);
  });

  test('illness leave shorter than a month is SSW_EXCLUSION_TOO_SHORT; a month exactly is accepted', () => {
    const life = landedSsw();
    expect(life.refusal('SswIntervalExcluded', '2027-03-01', { from: '2027-01-10', to: '2027-02-08', reason: 'illness_injury' })).toBe(
      'SSW_EXCLUSION_TOO_SHORT',
    );
    expect(life.refusal('SswIntervalExcluded', '2027-03-01', { from: '2027-01-10', to: '2027-02-09', reason: 'illness_injury' })).toBe(
      'ACCEPTED',
    );
  });

  test('illness 2027-01-10 – 2028-01-09 (365 days, a year) moves the cap from 2031-04-01 to 2032-03-31 (2032-02-29 inside)', () => {
    const life = landedSsw();
    life.record('SswIntervalExcluded', '2028-01-15', { from: '2027-01-10', to: '2028-01-09', reason: 'illness_injury' });
    expect(of(life, '2028-01-15', 'ssw1_cap').map((d) => d.statutoryDueOn)).toEqual(['2032-03-31']);
  });

  test('illness past a year is SSW_EXCLUSION_TOO_LONG, also when recorded in two pieces; 労災 may run 3 years (cap 2034-04-01)', () => {
    const life = landedSsw();
    expect(life.refusal('SswIntervalExcluded', '2028-02-01', { from: '2027-01-10', to: '2028-01-10', reason: 'illness_injury' })).toBe(
      'SSW_EXCLUSION_TOO_LONG',
    );
    life.record('SswIntervalExcluded', '2027-10-05', { from: '2027-01-10', to: '2027-09-30', reason: 'illness_injury' });
    expect(life.refusal('SswIntervalExcluded', '2028-03-05', { from: '2027-10-01', to: '2028-02-29', reason: 'illness_injury' })).toBe(
      'SSW_EXCLUSION_TOO_LONG',
    );
    const injured = landedSsw();
    expect(
      injured.refusal('SswIntervalExcluded', '2030-02-01', { from: '2027-01-10', to: '2030-01-10', reason: 'occupational_illness_injury' }),
    ).toBe('SSW_EXCLUSION_TOO_LONG');
    // 2027-01-10 – 2030-01-09 is 1096 days (2028-02-29 inside): 2031-04-01 + 1096 days = 2034-04-01.
    injured.record('SswIntervalExcluded', '2030-02-01', { from: '2027-01-10', to: '2030-01-09', reason: 'occupational_illness_injury' });
    expect(of(injured, '2030-02-01', 'ssw1_cap').map((d) => d.statutoryDueOn)).toEqual(['2034-04-01']);
  });

  test('a 6th year moves the cap to 2032-04-01; not in a field without 2号 (介護)', () => {
    const life = landedSsw();
    life.record('SswSixthYearApproved', '2030-12-01');
    expect(of(life, '2030-12-01', 'ssw1_cap').map((d) => d.statutoryDueOn)).toEqual(['2032-04-01']);
    expect(landedSsw('nursing_care').refusal('SswSixthYearApproved', '2030-12-01')).toBe('SSW_SIXTH_YEAR_NOT_AVAILABLE');
  });

  test('a change to 特定技能2号 meets the cap; the interviews end with the 1号', () => {
    const life = landedSsw();
    life.record('SupportStarted', '2026-04-01', { employer: 'Kanto Build' });
    life.record('StatusChangeApplied', '2028-01-10', { toStatus: 'specified_skilled_worker_2' });
    life.record('StatusChangeGranted', '2028-02-01', {
      status: 'specified_skilled_worker_2',
      periodExpiresOn: '2031-02-01',
      card: card('SW20000002AA'),
      designation: { field: 'construction', employer: 'Kanto Build' },
    });
    expect(of(life, '2028-02-01', 'ssw1_cap').map((d) => [d.state, d.metOn])).toEqual([['met', '2028-02-01']]);
    expect(of(life, '2028-02-01', 'support_interview').every((d) => d.state === 'void' || d.state === 'met' || d.state === 'overdue')).toBe(
      true,
    );
  });
});

describe('refusals and employer filings after the worker left', () => {
  test('support facts need SupportStarted; a second start is refused; 1号 facts need 1号', () => {
    const life = new ResidentLife('1995-05-10', 'r');
    life.record('Landed', '2026-04-01', { status: 'student', periodExpiresOn: '2028-03-31', card: card('ST30000001AA') });
    expect(life.refusal('SupportInterviewHeld', '2026-05-01', { with: 'worker', mode: 'online' })).toBe('NO_SUPPORT');
    expect(life.refusal('SswIntervalExcluded', '2026-05-01', { from: '2026-04-01', to: '2026-04-30', reason: 'maternity' })).toBe(
      'NOT_SSW1',
    );
    expect(life.refusal('SswContractChanged', '2026-05-01')).toBe('NOT_SSW');
    expect(life.refusal('AcceptanceDifficulty', '2026-05-01', { cause: 'illness' })).toBe('NOT_SSW');
    life.record('SupportStarted', '2026-05-01', { employer: 'X' });
    expect(life.refusal('SupportStarted', '2026-05-02', { employer: 'X' })).toBe('SUPPORT_ALREADY_STARTED');
  });

  test('a designation with a field is only for 特定技能; an announced field is not yet accepted', () => {
    const life = new ResidentLife();
    const land = (status: string, designation: unknown) =>
      life.refusal('Landed', '2026-04-01', { status, periodExpiresOn: '2027-03-31', designation });
    expect(land('student', { field: 'construction' })).toBe('INVALID');
    expect(land(SSW1, 'other')).toBe('INVALID');
    expect(land(SSW1, { field: 'logistics_warehousing' })).toBe('INVALID');
    expect(land(SSW1, { field: 'railway' })).toBe('ACCEPTED');
  });

  test('the worker returns home: acceptance difficulty notified by the employer even after the final departure', () => {
    const life = new ResidentLife('1995-05-10', 'home');
    life.record('Landed', '2026-04-01', {
      status: SSW1,
      periodExpiresOn: '2027-03-31',
      card: card('SW40000001AA'),
      designation: { field: 'agriculture', employer: 'Hokkaido Farms' },
    });
    life.record('SupportStarted', '2026-04-01', { employer: 'Hokkaido Farms' });
    life.record('AcceptanceDifficulty', '2026-09-30', { cause: 'return_home' });
    life.record('Departed', '2026-09-30', { reentry: 'none' });
    life.record('SupportEnded', '2026-10-02', { reason: 'returned home' });
    const at = '2026-10-02';
    expect(of(life, at, 'ssw_acceptance_difficulty_notification')).toEqual([
      expect.objectContaining({ statutoryDueOn: '2026-10-14', state: 'open', employer: 'Hokkaido Farms' }),
    ]);
    expect(of(life, at, 'ssw1_cap').map((d) => d.state)).toEqual(['met']);
    expect(of(life, at, 'ssw_annual_report').map((d) => [d.id.split(':').at(-1), d.state])).toEqual([['FY2026', 'upcoming']]);
    life.record('SswReportFiled', '2026-10-09', { kind: 'acceptance_difficulty' });
    expect(of(life, '2026-10-09', 'ssw_acceptance_difficulty_notification').map((d) => d.state)).toEqual(['met']);
    expect(life.refusal('SswReportFiled', '2026-10-09', { kind: 'annual' })).toBe('INVALID');
  });
});

describe('the panel and the organisation', () => {
  test('an orientation under 8 hours is recorded with a warning; the panel is null for a resident never in 特定技能', () => {
    const life = new ResidentLife('1995-05-10', 'short');
    expect(sswPanel(foldResident(life.events, '2026-05-01' as LocalDate), '2026-05-01' as LocalDate)).toBeNull();
    life.record('Landed', '2026-04-01', { status: SSW1, periodExpiresOn: '2027-03-31', card: card('SW50000001AA') });
    life.record('SupportStarted', '2026-04-01', { employer: 'Kyushu Hotels' });
    life.record('OrientationHeld', '2026-04-03', { hours: 6 });
    const panel = sswPanel(foldResident(life.events, '2026-05-01' as LocalDate), '2026-05-01' as LocalDate);
    expect(panel).toMatchObject({
      employer: 'Kyushu Hotels',
      field: null,
      nextInterviews: { worker: '2026-07-01', supervisor: '2026-07-01' },
    });
    expect(panel?.warnings.map((w) => w.code)).toEqual(['ORIENTATION_UNDER_8_HOURS']);
  });

  test('Hello Work hiring of a worker not insured: by the end of the next month; met by HelloWorkNotified', () => {
    const life = new ResidentLife('1995-05-10', 'hw');
    life.record('Landed', '2026-04-01', { status: 'student', periodExpiresOn: '2028-03-31', card: card('ST60000001AA') });
    life.record('AffiliationChanged', '2026-06-15', {
      kind: 'activity',
      change: 'new_contract',
      employer: 'Konbini',
      helloWork: 'not_insured',
    });
    expect(of(life, '2026-06-15', 'hello_work_hiring')).toEqual([
      expect.objectContaining({ statutoryDueOn: '2026-07-31', owedBy: 'employer', employer: 'Konbini' }),
    ]);
    life.record('HelloWorkNotified', '2026-07-01', { kind: 'hiring' });
    expect(of(life, '2026-07-01', 'hello_work_hiring').map((d) => d.state)).toEqual(['met']);
  });

  test('registration expiring 2027-08-31 (ISA notice R5.8): renewal window 2027-02-01 – 2027-04-30, owed by the organisation', () => {
    const [deadline] = organisationDeadlines({ registrationExpiresOn: '2027-08-31' as LocalDate, recordedOn: '2026-12-01' as LocalDate });
    expect(deadline).toMatchObject({ opensOn: '2027-02-01', statutoryDueOn: '2027-04-30', dueOn: '2027-04-30', createdOn: '2026-12-01' });
    expect(deadlineView(deadline!, '2027-03-01' as LocalDate)).toMatchObject({ state: 'open', owedBy: 'organisation' });
    expect(organisationDeadlines(null)).toEqual([]);
    const applied = organisationDeadlines({
      registrationExpiresOn: '2026-06-30' as LocalDate,
      registrationRenewalAppliedOn: '2026-01-15' as LocalDate,
      recordedOn: '2025-01-01' as LocalDate,
    });
    // 2026-02-28 is a Saturday: a fixed window from the ISA notice, not a period counted from an event, so it stays.
    expect(applied[0]).toMatchObject({ opensOn: '2025-12-01', statutoryDueOn: '2026-02-28', dueOn: '2026-02-28', metOn: '2026-01-15' });
  });
});
