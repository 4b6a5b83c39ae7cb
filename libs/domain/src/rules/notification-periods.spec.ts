import { describe, expect, test } from '@jest/globals';
import { deadlinesAsOf } from '../deadlines.js';
import { ResidentLife, card } from '../testing/resident-life.js';
import type { LocalDate } from '../calendar/local-date.js';

const deadline = (life: ResidentLife, asOf: string, kind: string) =>
  deadlinesAsOf(life.events, asOf as LocalDate).find((d) => d.kind === kind);
const kinds = (life: ResidentLife, asOf: string, kind: string) =>
  deadlinesAsOf(life.events, asOf as LocalDate).filter((d) => d.kind === kind);

function landed(status = 'specified_skilled_worker_1', on = '2026-04-01', periodExpiresOn = '2027-03-31') {
  const life = new ResidentLife();
  life.record('Landed', on, { status, periodExpiresOn, card: card('SS12345678AA') });
  return life;
}

describe('§1/§6 14-day notifications and the administrative-holiday move (行政機関の休日に関する法律2条)', () => {
  test('residence_notification_90_day: landing 2026-04-01 + 90 days = 2026-06-30; met by ResidenceNotified', () => {
    const life = landed();
    expect(deadline(life, '2026-04-01', 'residence_notification_90_day')).toMatchObject({
      statutoryDueOn: '2026-06-30',
      dueOn: '2026-06-30',
      state: 'open',
    });
    life.record('Moved', '2026-04-03', { address: 'Tokyo' });
    expect(deadline(life, '2026-04-03', 'residence_notification')).toMatchObject({ statutoryDueOn: '2026-04-17', state: 'open' });
    life.record('ResidenceNotified', '2026-04-10', { address: 'Tokyo' });
    expect(deadline(life, '2026-04-10', 'residence_notification_90_day')?.state).toBe('met');
    expect(deadline(life, '2026-04-10', 'residence_notification')).toMatchObject({ state: 'met', metOn: '2026-04-10' });
  });

  test('address_change_notification on a Sunday: moved 2026-03-01 → 2026-03-15 (Sunday) → due Monday 2026-03-16', () => {
    const life = landed('student', '2025-10-01', '2027-09-30');
    life.record('Moved', '2025-10-02', { address: 'Tokyo' });
    life.record('ResidenceNotified', '2025-10-03', { address: 'Tokyo' });
    life.record('Moved', '2026-03-01', { address: 'Osaka' });
    expect(deadline(life, '2026-03-01', 'address_change_notification')).toMatchObject({
      statutoryDueOn: '2026-03-15',
      dueOn: '2026-03-16',
      legalBasis: expect.stringContaining('19条の9'),
      label: { ja: '住居地変更届出', en: expect.any(String) },
    });
    expect(deadline(life, '2026-03-16', 'address_change_notification')?.state).toBe('open');
    expect(deadline(life, '2026-03-17', 'address_change_notification')?.state).toBe('overdue');
    life.record('ResidenceNotified', '2026-03-18', { address: 'Osaka' });
    expect(deadline(life, '2026-03-18', 'address_change_notification')).toMatchObject({ state: 'met_late', metOn: '2026-03-18' });
  });

  test('on a national holiday: moved 2026-04-15 → Shōwa Day 2026-04-29 → due 2026-04-30', () => {
    const life = landed('student', '2025-10-01', '2027-09-30');
    life.record('Moved', '2025-10-02', { address: 'Tokyo' });
    life.record('Moved', '2026-04-15', { address: 'Osaka' });
    expect(deadline(life, '2026-04-15', 'address_change_notification')).toMatchObject({
      statutoryDueOn: '2026-04-29',
      dueOn: '2026-04-30',
    });
  });

  test('on a substitute holiday: moved 2026-04-22 → 振替休日 2026-05-06 → due 2026-05-07', () => {
    const life = landed('student', '2025-10-01', '2027-09-30');
    life.record('Moved', '2025-10-02', { address: 'Tokyo' });
    life.record('Moved', '2026-04-22', { address: 'Osaka' });
    expect(deadline(life, '2026-04-22', 'address_change_notification')).toMatchObject({ dueOn: '2026-05-07' });
  });

  test('on 2 January: moved 2026-12-19 → 2027-01-02 (New Year closure, then a Sunday) → due Monday 2027-01-04', () => {
    const life = landed('student', '2025-10-01', '2027-09-30');
    life.record('Moved', '2025-10-02', { address: 'Tokyo' });
    life.record('Moved', '2026-12-19', { address: 'Osaka' });
    expect(deadline(life, '2026-12-19', 'address_change_notification')).toMatchObject({
      statutoryDueOn: '2027-01-02',
      dueOn: '2027-01-04',
    });
  });

  test('card_detail_change_notification: met by a detail_change card', () => {
    const life = landed('student', '2025-10-01', '2027-09-30');
    life.record('DetailsChanged', '2026-04-15', { fields: ['name'] });
    expect(deadline(life, '2026-04-15', 'card_detail_change_notification')).toMatchObject({
      statutoryDueOn: '2026-04-29',
      dueOn: '2026-04-30',
    });
    life.record('CardIssued', '2026-04-20', { card: card('SS87654321AA'), reason: 'detail_change' });
    expect(deadline(life, '2026-04-20', 'card_detail_change_notification')?.state).toBe('met');
  });
});

describe('§6 affiliation (所属機関, 19条の16①②) and the activity-gap revocation risk (22条の4①6号)', () => {
  test('a job left on 30 April: notification by 14 May; risk window to 31 July (民法143, not 30 July)', () => {
    const life = landed();
    life.record('AffiliationChanged', '2026-04-30', { kind: 'contract', change: 'left', organisation: 'Sakura Foods' });
    expect(deadline(life, '2026-04-30', 'affiliation_notification')).toMatchObject({
      statutoryDueOn: '2026-05-14',
      dueOn: '2026-05-14',
      legalBasis: expect.stringContaining('19条の16'),
    });
    expect(deadline(life, '2026-04-30', 'activity_gap_revocation_risk')).toMatchObject({
      statutoryDueOn: '2026-07-31',
      dueOn: '2026-07-31',
      state: 'open',
    });
    life.record('AffiliationNotified', '2026-05-08');
    life.record('AffiliationChanged', '2026-06-01', { kind: 'contract', change: 'new_contract', organisation: 'Fuji Care' });
    expect(deadline(life, '2026-05-08', 'affiliation_notification')?.state).toBe('met');
    expect(deadline(life, '2026-06-01', 'activity_gap_revocation_risk')).toMatchObject({ state: 'met', metOn: '2026-06-01' });
    expect(kinds(life, '2026-06-01', 'affiliation_notification')).toHaveLength(2);
  });

  test('the risk window of a job left on 10 April ends on 10 July', () => {
    const life = landed();
    life.record('AffiliationChanged', '2026-04-10', { kind: 'contract', change: 'contract_ended' });
    expect(deadline(life, '2026-04-10', 'activity_gap_revocation_risk')?.statutoryDueOn).toBe('2026-07-10');
  });

  test('a status with no 所属機関 category (permanent resident) has no affiliation deadline', () => {
    const life = landed('long_term_resident');
    life.record('AffiliationChanged', '2026-04-30', { kind: 'contract', change: 'left' });
    expect(deadline(life, '2026-04-30', 'affiliation_notification')).toBeUndefined();
  });
});

describe('§6 spouse (19条の16③, 22条の4①7号)', () => {
  test('divorce on 2026-12-19: notify by 2027-01-02 → 2027-01-04; revocation risk addMonths(6) = 2027-06-19, not moved', () => {
    const life = landed('spouse_of_japanese', '2025-10-01', '2028-09-30');
    life.record('SpouseRelationshipEnded', '2026-12-19', { cause: 'divorce' });
    expect(deadline(life, '2026-12-19', 'spouse_notification')).toMatchObject({ statutoryDueOn: '2027-01-02', dueOn: '2027-01-04' });
    expect(deadline(life, '2026-12-19', 'spouse_activity_revocation_risk')).toMatchObject({
      statutoryDueOn: '2027-06-19',
      dueOn: '2027-06-19',
    });
    life.record('SpouseNotified', '2026-12-25');
    life.record('StatusChangeApplied', '2027-02-01', { toStatus: 'long_term_resident' });
    life.record('StatusChangeGranted', '2027-03-01', {
      status: 'long_term_resident',
      periodExpiresOn: '2030-03-01',
      card: card('LT12345678AA'),
    });
    expect(deadline(life, '2027-03-01', 'spouse_notification')?.state).toBe('met');
    expect(deadline(life, '2027-03-01', 'spouse_activity_revocation_risk')).toMatchObject({ state: 'met', metOn: '2027-03-01' });
  });

  test('a dependent (spouse category) owes the notification but runs no spouse revocation risk', () => {
    const life = landed('dependent', '2025-10-01', '2028-09-30');
    life.record('SpouseRelationshipEnded', '2026-05-01', { cause: 'death' });
    expect(deadline(life, '2026-05-01', 'spouse_notification')?.statutoryDueOn).toBe('2026-05-15');
    expect(deadline(life, '2026-05-01', 'spouse_activity_revocation_risk')).toBeUndefined();
  });
});

describe('§6 void deadlines', () => {
  test('a status change ends the deadlines of the status it belonged to', () => {
    const life = landed('student', '2025-10-01', '2027-09-30');
    life.record('StatusChangeApplied', '2026-08-01', { toStatus: 'engineer_humanities_international' });
    life.record('StatusChangeGranted', '2026-09-01', {
      status: 'engineer_humanities_international',
      periodExpiresOn: '2031-09-01',
      card: card('EH12345678AA'),
    });
    const renewals = kinds(life, '2026-09-01', 'period_renewal');
    expect(renewals.map((d) => [d.statutoryDueOn, d.state])).toEqual([
      ['2027-09-30', 'met'],
      ['2031-09-01', 'upcoming'],
    ]);
  });

  test('death voids every open deadline', () => {
    const life = landed();
    life.record('Moved', '2026-04-03', { address: 'Tokyo' });
    life.record('Died', '2026-04-05');
    expect(deadline(life, '2026-04-05', 'residence_notification')?.state).toBe('void');
    expect(deadline(life, '2026-04-05', 'period_renewal')?.state).toBe('void');
  });
});
