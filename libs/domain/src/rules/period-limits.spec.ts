import { describe, expect, test } from '@jest/globals';
import { ResidentLife, card } from '../testing/resident-life.js';

const landing = (status: string, on: string, periodExpiresOn: string) =>
  new ResidentLife().refusal('Landed', on, { status, periodExpiresOn });

describe('§3 longest period per status (施行規則別表第二): PERIOD_TOO_LONG above it', () => {
  test('student: 4 years 3 months — landed 2026-04-01, to 2030-07-01 accepted, to 2030-07-02 refused', () => {
    expect(landing('student', '2026-04-01', '2030-07-01')).toBe('ACCEPTED');
    expect(landing('student', '2026-04-01', '2030-07-02')).toBe('PERIOD_TOO_LONG');
  });

  test('特定技能1号: 1 year for a grant on 2025-09-29 (to 2026-09-29), 3 years from 2025-09-30 (to 2028-09-30)', () => {
    expect(landing('specified_skilled_worker_1', '2025-09-29', '2026-09-29')).toBe('ACCEPTED');
    expect(landing('specified_skilled_worker_1', '2025-09-29', '2026-09-30')).toBe('PERIOD_TOO_LONG');
    expect(landing('specified_skilled_worker_1', '2025-09-30', '2028-09-30')).toBe('ACCEPTED');
    expect(landing('specified_skilled_worker_1', '2025-09-30', '2028-10-01')).toBe('PERIOD_TOO_LONG');
  });

  test('特定技能2号, 興行 and 文化活動: 3 years; 技能実習1号 and 研修: 1 year; 技能実習2号: 2 years (landed 2026-04-01)', () => {
    expect(landing('specified_skilled_worker_2', '2026-04-01', '2029-04-02')).toBe('PERIOD_TOO_LONG');
    expect(landing('entertainer', '2026-04-01', '2029-04-01')).toBe('ACCEPTED');
    expect(landing('cultural_activities', '2026-04-01', '2029-04-02')).toBe('PERIOD_TOO_LONG');
    expect(landing('technical_intern_training_1', '2026-04-01', '2027-04-02')).toBe('PERIOD_TOO_LONG');
    expect(landing('trainee', '2026-04-01', '2027-04-01')).toBe('ACCEPTED');
    expect(landing('technical_intern_training_2', '2026-04-01', '2028-04-02')).toBe('PERIOD_TOO_LONG');
  });

  test('短期滞在: 90 days — landed 2026-04-01, to 2026-06-30 accepted, to 2026-07-01 refused', () => {
    expect(landing('temporary_visitor', '2026-04-01', '2026-06-30')).toBe('ACCEPTED');
    expect(landing('temporary_visitor', '2026-04-01', '2026-07-01')).toBe('PERIOD_TOO_LONG');
  });

  test('an extension counts from the day after the old expiry (2027-03-31): granted 2027-02-10, to 2032-03-31 accepted, 2032-04-01 refused', () => {
    const life = new ResidentLife();
    life.record('Landed', '2024-04-01', {
      status: 'engineer_humanities_international',
      periodExpiresOn: '2027-03-31',
      card: card('EN00000001AA'),
    });
    life.record('ExtensionApplied', '2027-01-10');
    expect(life.refusal('ExtensionGranted', '2027-02-10', { periodExpiresOn: '2032-04-01', card: card('EN00000002AA') })).toBe(
      'PERIOD_TOO_LONG',
    );
    expect(life.refusal('ExtensionGranted', '2027-02-10', { periodExpiresOn: '2032-03-31', card: card('EN00000002AA') })).toBe('ACCEPTED');
  });

  test('a change of status counts from the grant day: granted 2027-02-10, to 2032-02-10 accepted, 2032-02-11 refused', () => {
    const life = new ResidentLife();
    life.record('Landed', '2024-04-01', {
      status: 'engineer_humanities_international',
      periodExpiresOn: '2027-03-31',
      card: card('EN00000001AA'),
    });
    life.record('StatusChangeApplied', '2027-01-10', { toStatus: 'business_manager' });
    const grant = (periodExpiresOn: string) =>
      life.refusal('StatusChangeGranted', '2027-02-10', { status: 'business_manager', periodExpiresOn, card: card('BM00000001AA') });
    expect(grant('2032-02-11')).toBe('PERIOD_TOO_LONG');
    expect(grant('2032-02-10')).toBe('ACCEPTED');
  });
});

describe('§3 育成就労 is not in force before 2027-04-01: STATUS_NOT_IN_FORCE', () => {
  test('a landing on 2027-03-31 is refused, one on 2027-04-01 accepted', () => {
    expect(landing('employment_for_skill_development', '2027-03-31', '2028-03-31')).toBe('STATUS_NOT_IN_FORCE');
    expect(landing('employment_for_skill_development', '2027-04-01', '2028-03-31')).toBe('ACCEPTED');
  });

  test('a change granted on 2027-03-31 is refused, on 2027-04-01 accepted', () => {
    const life = new ResidentLife();
    life.record('Landed', '2026-04-01', {
      status: 'technical_intern_training_1',
      periodExpiresOn: '2027-04-01',
      card: card('TI00000001AA'),
    });
    life.record('StatusChangeApplied', '2027-03-01', { toStatus: 'employment_for_skill_development' });
    const grant = (on: string) =>
      life.refusal('StatusChangeGranted', on, {
        status: 'employment_for_skill_development',
        periodExpiresOn: '2028-03-31',
        card: card('ES00000001AA'),
      });
    expect(grant('2027-03-31')).toBe('STATUS_NOT_IN_FORCE');
    expect(grant('2027-04-01')).toBe('ACCEPTED');
  });
});
