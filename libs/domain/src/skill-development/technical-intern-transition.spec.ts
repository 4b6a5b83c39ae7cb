/**
 * 技能実習 after 2027-04-01 (令和6年法律第60号 附則; ISA/MHLW「技能実習の経過措置について」;
 * docs/domain-rules.md §11): those in it stay and move on from 1号 to 2号; 3号 only after a year in 2号
 * on 2027-04-01; no new start after 2027-06-30.
 */
import { describe, expect, test } from '@jest/globals';
import { card, ResidentLife } from '../testing/resident-life.js';

const landing = (status: string, on: string, periodExpiresOn: string) =>
  new ResidentLife().refusal('Landed', on, { status, periodExpiresOn });

describe('no new 技能実習 after 2027-06-30 (TECHNICAL_INTERN_TRAINING_CLOSED)', () => {
  test('技能実習1号: landed Wed 2027-03-31 and Wed 2027-06-30 accepted, Thu 2027-07-01 refused', () => {
    expect(landing('technical_intern_training_1', '2027-03-31', '2028-03-30')).toBe('ACCEPTED');
    expect(landing('technical_intern_training_1', '2027-06-30', '2028-06-29')).toBe('ACCEPTED');
    expect(landing('technical_intern_training_1', '2027-07-01', '2028-06-30')).toBe('TECHNICAL_INTERN_TRAINING_CLOSED');
  });

  test('a change into 技能実習1号 granted 2027-06-30 accepted, 2027-07-01 refused', () => {
    const life = new ResidentLife();
    life.record('Landed', '2026-10-01', { status: 'trainee', periodExpiresOn: '2027-09-30', card: card('TR00000001AA') });
    life.record('StatusChangeApplied', '2027-05-10', { toStatus: 'technical_intern_training_1' });
    const grant = (on: string) =>
      life.refusal('StatusChangeGranted', on, {
        status: 'technical_intern_training_1',
        periodExpiresOn: '2028-05-31',
        card: card('TI00000001AA'),
      });
    expect(grant('2027-06-30')).toBe('ACCEPTED');
    expect(grant('2027-07-01')).toBe('TECHNICAL_INTERN_TRAINING_CLOSED');
  });
});

describe('those in 技能実習 on 2027-04-01 go on', () => {
  const inFirstYear = () => {
    const life = new ResidentLife();
    life.record('Landed', '2026-10-01', {
      status: 'technical_intern_training_1',
      periodExpiresOn: '2027-09-30',
      card: card('TI00000001AA'),
    });
    return life;
  };

  test('1号 landed 2026-10-01 moves to 2号 on 2027-09-01 (after the start of 育成就労)', () => {
    const life = inFirstYear();
    life.record('StatusChangeApplied', '2027-08-01', { toStatus: 'technical_intern_training_2' });
    expect(
      life.refusal('StatusChangeGranted', '2027-09-01', {
        status: 'technical_intern_training_2',
        periodExpiresOn: '2029-08-31',
        card: card('TI00000002AA'),
      }),
    ).toBe('ACCEPTED');
  });

  test('an extension of 技能実習 after 2027-04-01 is not a start: accepted', () => {
    const life = inFirstYear();
    life.record('ExtensionApplied', '2027-08-01');
    expect(life.refusal('ExtensionGranted', '2027-09-15', { periodExpiresOn: '2027-12-31', card: card('TI00000002AA') })).toBe('ACCEPTED');
  });

  test('2号 from another status after 2027-04-01 is refused', () => {
    const life = new ResidentLife();
    life.record('Landed', '2026-10-01', { status: 'trainee', periodExpiresOn: '2027-09-30', card: card('TR00000001AA') });
    life.record('StatusChangeApplied', '2027-05-10', { toStatus: 'technical_intern_training_2' });
    expect(
      life.refusal('StatusChangeGranted', '2027-06-01', {
        status: 'technical_intern_training_2',
        periodExpiresOn: '2029-05-31',
        card: card('TI00000002AA'),
      }),
    ).toBe('TECHNICAL_INTERN_TRAINING_CLOSED');
  });

  const inSecond = (granted: string) => {
    const life = new ResidentLife();
    life.record('Landed', '2025-04-01', {
      status: 'technical_intern_training_1',
      periodExpiresOn: '2026-04-01',
      card: card('TI00000001AA'),
    });
    life.record('StatusChangeApplied', '2026-02-01', { toStatus: 'technical_intern_training_2' });
    life.record('StatusChangeGranted', granted, {
      status: 'technical_intern_training_2',
      periodExpiresOn: '2028-03-31',
      card: card('TI00000002AA'),
    });
    life.record('StatusChangeApplied', '2028-01-10', { toStatus: 'technical_intern_training_3' });
    return (on: string) =>
      life.refusal('StatusChangeGranted', on, {
        status: 'technical_intern_training_3',
        periodExpiresOn: '2030-03-15',
        card: card('TI00000003AA'),
      });
  };

  test('3号: 2号 granted Wed 2026-04-01 (a year done by 2027-03-31) → 3号 granted 2028-03-15 accepted', () => {
    expect(inSecond('2026-04-01')('2028-03-15')).toBe('ACCEPTED');
  });

  test('3号: 2号 granted Thu 2026-04-02 (a year done only at the end of 2027-04-01) → refused', () => {
    expect(inSecond('2026-04-02')('2028-03-15')).toBe('TECHNICAL_INTERN_TRAINING_CLOSED');
  });

  test('the boundary: 2号 since 2026-06-01, a change to 3号 granted Wed 2027-03-31 accepted, Thu 2027-04-01 refused', () => {
    const life = new ResidentLife();
    life.record('Landed', '2025-06-01', {
      status: 'technical_intern_training_1',
      periodExpiresOn: '2026-06-01',
      card: card('TI00000001AA'),
    });
    life.record('StatusChangeApplied', '2026-05-01', { toStatus: 'technical_intern_training_2' });
    life.record('StatusChangeGranted', '2026-06-01', {
      status: 'technical_intern_training_2',
      periodExpiresOn: '2028-05-31',
      card: card('TI00000002AA'),
    });
    life.record('StatusChangeApplied', '2027-03-01', { toStatus: 'technical_intern_training_3' });
    const grant = (on: string) =>
      life.refusal('StatusChangeGranted', on, {
        status: 'technical_intern_training_3',
        periodExpiresOn: '2029-03-01',
        card: card('TI00000003AA'),
      });
    expect(grant('2027-03-31')).toBe('ACCEPTED');
    expect(grant('2027-04-01')).toBe('TECHNICAL_INTERN_TRAINING_CLOSED');
  });
});
