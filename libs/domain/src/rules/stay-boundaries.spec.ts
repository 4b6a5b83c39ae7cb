import { describe, expect, test } from '@jest/globals';
import type { LocalDate } from '../calendar/local-date.js';
import { deadlinesAsOf } from '../deadlines.js';
import { statusAsOf } from '../status.js';
import { ResidentLife, card } from '../testing/resident-life.js';

const on = (life: ResidentLife, asOf: string) => statusAsOf(life.events, asOf as LocalDate);
const deadline = (life: ResidentLife, asOf: string, kind: string) =>
  deadlinesAsOf(life.events, asOf as LocalDate).find((d) => d.kind === kind);

describe('§2 exactly 3 months is not mid-to-long-term (19条の3①1号 三月以下)', () => {
  test('a "3月" student period granted 2026-04-01 ends 2026-07-01 (初日不算入): no card; one ending 2026-07-02 is mid-to-long-term', () => {
    const life = new ResidentLife();
    expect(life.refusal('Landed', '2026-04-01', { status: 'student', periodExpiresOn: '2026-07-01', card: card('ST00000001AA') })).toBe(
      'NOT_A_MID_TO_LONG_TERM_RESIDENT',
    );
    expect(life.refusal('Landed', '2026-04-01', { status: 'student', periodExpiresOn: '2026-07-02', card: card('ST00000001AA') })).toBe(
      'ACCEPTED',
    );
  });

  test('a temporary visitor (address on file) changed to a work status on 2026-06-01 owes the 14-day (19条の8: 2026-06-15) and the 90-day (22条の4①8号: 2026-08-30, Sunday → 2026-08-31) notifications', () => {
    const life = new ResidentLife();
    life.record('Landed', '2026-04-01', { status: 'temporary_visitor', periodExpiresOn: '2026-06-29' });
    life.record('Moved', '2026-04-03', { address: 'Osaka' });
    expect(deadlinesAsOf(life.events, '2026-04-03' as LocalDate).map((d) => d.kind)).toEqual(['period_renewal']);
    life.record('StatusChangeApplied', '2026-05-01', { toStatus: 'engineer_humanities_international' });
    life.record('StatusChangeGranted', '2026-06-01', {
      status: 'engineer_humanities_international',
      periodExpiresOn: '2027-06-01',
      card: card('EN00000001AA'),
    });
    expect(deadline(life, '2026-06-01', 'residence_notification')).toMatchObject({
      statutoryDueOn: '2026-06-15',
      dueOn: '2026-06-15',
      state: 'open',
    });
    expect(deadline(life, '2026-06-01', 'residence_notification_90_day')).toMatchObject({
      statutoryDueOn: '2026-08-30',
      dueOn: '2026-08-31',
      state: 'open',
    });
    life.record('ResidenceNotified', '2026-06-10', { address: 'Osaka' });
    expect(deadline(life, '2026-06-10', 'residence_notification')?.state).toBe('met');
    expect(deadline(life, '2026-06-10', 'residence_notification_90_day')?.state).toBe('met');
  });

  test('a newborn (born 2026-04-10) granted a status on 2026-05-08 with no address on file owes the 90-day notification (2026-08-06); the first move after it the 14-day one', () => {
    const life = new ResidentLife('2026-04-10');
    life.record('BornInJapan', '2026-04-10');
    life.record('StatusAcquisitionApplied', '2026-04-20', { status: 'spouse_of_permanent_resident' });
    life.record('StatusAcquisitionGranted', '2026-05-08', {
      status: 'spouse_of_permanent_resident',
      periodExpiresOn: '2027-05-08',
      card: card('SP00000001AA'),
    });
    expect(deadline(life, '2026-05-08', 'residence_notification_90_day')).toMatchObject({
      statutoryDueOn: '2026-08-06',
      dueOn: '2026-08-06',
    });
    expect(deadline(life, '2026-05-08', 'residence_notification')).toBeUndefined();
    life.record('Moved', '2026-05-20', { address: 'Kobe' });
    expect(deadline(life, '2026-05-20', 'residence_notification')).toMatchObject({ statutoryDueOn: '2026-06-03' });
  });
});

describe('§4 special period needs a period of more than 30 days (20条6項)', () => {
  test('a 30-day stay granted 2026-04-01 ends 2026-05-01: applied for on 2026-05-01, it gives no special period (unlawful on 2026-05-02)', () => {
    const life = new ResidentLife();
    life.record('Landed', '2026-04-01', { status: 'student', periodExpiresOn: '2026-05-01' });
    life.record('ExtensionApplied', '2026-05-01');
    expect(on(life, '2026-05-02').residence).toMatchObject({ lawful: false, basis: 'none' });
  });

  test('a 31-day stay (ending 2026-05-02, Saturday) applied for on 2026-05-01 runs on as a special period to 2026-07-02', () => {
    const life = new ResidentLife();
    life.record('Landed', '2026-04-01', { status: 'student', periodExpiresOn: '2026-05-02' });
    life.record('ExtensionApplied', '2026-05-01');
    expect(on(life, '2026-05-03').residence).toMatchObject({ lawful: true, basis: 'special_period', lawfulUntil: '2026-07-02' });
  });
});

describe('§3 資格外活動許可 ends with the period of stay it was granted in (corrected 2026-11-23)', () => {
  function studentWithPermission() {
    const life = new ResidentLife();
    life.record('Landed', '2025-04-01', { status: 'student', periodExpiresOn: '2026-03-31', card: card('ST00000001AA') });
    life.record('ExtraActivityPermitted', '2025-04-10', { scope: 'comprehensive' });
    return life;
  }

  test('extension granted early (2026-03-10, to 2027-03-31): the old 28 h/week runs to 2026-03-31 and is gone on 2026-04-01 until granted again (2026-04-05)', () => {
    const life = studentWithPermission();
    life.record('ExtensionApplied', '2026-02-02');
    life.record('ExtensionGranted', '2026-03-10', { periodExpiresOn: '2027-03-31', card: card('ST00000002AA') });
    expect(on(life, '2026-03-31').work).toEqual({ permission: 'not_permitted', extraActivityHoursPerWeek: 28 });
    expect(on(life, '2026-04-01').work).toEqual({ permission: 'not_permitted', extraActivityHoursPerWeek: null });
    life.record('ExtraActivityPermitted', '2026-04-05', { scope: 'comprehensive' });
    expect(on(life, '2026-04-05').work.extraActivityHoursPerWeek).toBe(28);
  });

  test('during the special period (applied 2026-03-20, decided 2026-04-20) the permission still counts; the grant ends it', () => {
    const life = studentWithPermission();
    life.record('ExtensionApplied', '2026-03-20');
    expect(on(life, '2026-04-10')).toMatchObject({ residence: { basis: 'special_period' }, work: { extraActivityHoursPerWeek: 28 } });
    life.record('ExtensionGranted', '2026-04-20', { periodExpiresOn: '2027-03-31', card: card('ST00000002AA') });
    expect(on(life, '2026-04-20').work.extraActivityHoursPerWeek).toBeNull();
  });
});

describe('§4 re-entry limits (26条③, 26条の2①; docs/sources/residence-card-guide.md)', () => {
  function permanentResident() {
    const life = new ResidentLife();
    life.record('Landed', '2022-04-01', { status: 'spouse_of_japanese', periodExpiresOn: '2027-03-31', card: card('SP00000001AA') });
    life.record('PermanentResidenceApplied', '2022-05-01');
    life.record('PermanentResidenceGranted', '2025-01-10', { card: card('PR00000001AA') });
    return life;
  }

  test('PERMIT_TOO_LONG: departing 2026-03-01, a permit to 2031-03-02 is over 5 years; to 2031-03-01 it is accepted', () => {
    const life = permanentResident();
    expect(life.refusal('Departed', '2026-03-01', { reentry: 'permit', permitExpiresOn: '2031-03-02' })).toBe('PERMIT_TOO_LONG');
    expect(life.refusal('Departed', '2026-03-01', { reentry: 'permit', permitExpiresOn: '2031-03-01' })).toBe('ACCEPTED');
  });

  test('a permit to 2028-03-01 does not carry a period ending 2027-03-31: re-entry due and lawful stay abroad end 2027-03-31, the lapse follows on 2027-04-01', () => {
    const life = new ResidentLife();
    life.record('Landed', '2024-04-01', {
      status: 'engineer_humanities_international',
      periodExpiresOn: '2027-03-31',
      card: card('EN00000001AA'),
    });
    life.record('Departed', '2026-09-01', { reentry: 'permit', permitExpiresOn: '2028-03-01' });
    expect(deadline(life, '2026-09-01', 'reentry')).toMatchObject({ statutoryDueOn: '2027-03-31', dueOn: '2027-03-31' });
    expect(on(life, '2027-03-31').residence).toMatchObject({ lawful: true, basis: 'reentry_permit_abroad', lawfulUntil: '2027-03-31' });
    expect(on(life, '2027-04-01').card).toMatchObject({ state: 'invalidated', invalidationReason: 'reentry_lapsed' });
  });

  test('CARD_NOT_HELD: card lost 2026-02-01, deemed re-entry on 2026-02-10 refused; after the reissue on 2026-02-05 accepted', () => {
    const life = permanentResident();
    life.record('CardLost', '2026-02-01');
    expect(life.refusal('Departed', '2026-02-10', { reentry: 'deemed' })).toBe('CARD_NOT_HELD');
    expect(life.refusal('Departed', '2026-02-10', { reentry: 'permit', permitExpiresOn: '2027-02-10' })).toBe('ACCEPTED');
    life.record('CardIssued', '2026-02-05', { card: card('PR00000002AA'), reason: 'loss_reissue' });
    expect(life.refusal('Departed', '2026-02-10', { reentry: 'deemed' })).toBe('ACCEPTED');
  });
});

describe('§6 activity gap (22条の4①6号)', () => {
  test('高度専門職2号: 6 months, not 3 — contract ended 2026-01-31 → due 2026-07-31 (month end)', () => {
    const life = new ResidentLife('1985-03-03');
    life.record('Landed', '2022-04-01', {
      status: 'highly_skilled_professional_1b',
      periodExpiresOn: '2027-03-31',
      card: card('HS00000001AA'),
    });
    life.record('StatusChangeApplied', '2025-01-10', { toStatus: 'highly_skilled_professional_2' });
    life.record('StatusChangeGranted', '2025-03-01', { status: 'highly_skilled_professional_2', card: card('HS00000002AA') });
    life.record('AffiliationChanged', '2026-01-31', { kind: 'contract', change: 'contract_ended' });
    expect(deadline(life, '2026-01-31', 'activity_gap_revocation_risk')).toMatchObject({
      statutoryDueOn: '2026-07-31',
      dueOn: '2026-07-31',
    });
  });

  test('an engineer (別表第一, not 2号): 3 months — contract ended 2026-01-31 → due 2026-04-30', () => {
    const life = new ResidentLife();
    life.record('Landed', '2025-04-01', {
      status: 'engineer_humanities_international',
      periodExpiresOn: '2028-03-31',
      card: card('EN00000001AA'),
    });
    life.record('AffiliationChanged', '2026-01-31', { kind: 'contract', change: 'contract_ended' });
    expect(deadline(life, '2026-01-31', 'activity_gap_revocation_risk')?.statutoryDueOn).toBe('2026-04-30');
  });

  test('a dependent (家族滞在) whose marriage ends on 2026-08-31 runs the 3-month risk to 2026-11-30 and owes the spouse notification by 2026-09-14; a change of status answers the risk', () => {
    const life = new ResidentLife();
    life.record('Landed', '2026-04-01', { status: 'dependent', periodExpiresOn: '2027-04-01', card: card('DP00000001AA') });
    life.record('SpouseRelationshipEnded', '2026-08-31', { cause: 'divorce' });
    expect(deadline(life, '2026-08-31', 'activity_gap_revocation_risk')).toMatchObject({ statutoryDueOn: '2026-11-30', state: 'open' });
    expect(deadline(life, '2026-08-31', 'spouse_notification')?.dueOn).toBe('2026-09-14');
    expect(deadline(life, '2026-08-31', 'spouse_activity_revocation_risk')).toBeUndefined();
    life.record('StatusChangeApplied', '2026-10-01', { toStatus: 'long_term_resident' });
    life.record('StatusChangeGranted', '2026-11-10', {
      status: 'long_term_resident',
      periodExpiresOn: '2027-11-10',
      card: card('LT00000001AA'),
    });
    expect(deadline(life, '2026-11-10', 'activity_gap_revocation_risk')?.state).toBe('met');
  });
});
