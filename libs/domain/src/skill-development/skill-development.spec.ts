/**
 * 育成就労 (from 2027-04-01; 令和6年法律第60号; docs/domain-rules.md §11): the total of 3 years (4 with
 * the year more), and the restriction on a transfer of the worker's own will. Dates worked out by
 * hand: a total counted like a period of stay (初日不算入: 3 years from 2027-04-01 end 2030-04-01);
 * a restriction counted from the first day with the employer (the day counts).
 */
import { describe, expect, test } from '@jest/globals';
import { card, ResidentLife } from '../testing/resident-life.js';
import { earliestOwnWillTransfer } from './skill-development-checks.js';
import type { LocalDate } from '../calendar/local-date.js';

const SD = 'employment_for_skill_development';

const landedOn = (on: string, periodExpiresOn: string) => {
  const life = new ResidentLife();
  life.record('Landed', on, { status: SD, periodExpiresOn, card: card('SD00000001AA') });
  return life;
};

describe('the total of 育成就労: 3 years from the first day in the status (SKILL_DEVELOPMENT_CAP_EXCEEDED)', () => {
  test('landed Thu 2027-04-01: a period to 2030-04-01 accepted, to 2030-04-02 refused', () => {
    const landing = (periodExpiresOn: string) => new ResidentLife().refusal('Landed', '2027-04-01', { status: SD, periodExpiresOn });
    expect(landing('2030-04-01')).toBe('ACCEPTED');
    expect(landing('2030-04-02')).toBe('SKILL_DEVELOPMENT_CAP_EXCEEDED');
  });

  test('landed on the leap day 2028-02-29: the total is reached on 2031-02-28 (no 29 February in 2031)', () => {
    const landing = (periodExpiresOn: string) => new ResidentLife().refusal('Landed', '2028-02-29', { status: SD, periodExpiresOn });
    expect(landing('2031-02-28')).toBe('ACCEPTED');
    expect(landing('2031-03-01')).toBe('SKILL_DEVELOPMENT_CAP_EXCEEDED');
  });

  test('landed on a month end, 2027-08-31: the total is reached on 2030-08-31', () => {
    const landing = (periodExpiresOn: string) => new ResidentLife().refusal('Landed', '2027-08-31', { status: SD, periodExpiresOn });
    expect(landing('2030-08-31')).toBe('ACCEPTED');
    expect(landing('2030-09-01')).toBe('SKILL_DEVELOPMENT_CAP_EXCEEDED');
  });

  test('across grants: landed 2027-04-01 for a year, extended on 2028-03-01 — to 2030-04-01 accepted, to 2030-04-02 refused', () => {
    const life = landedOn('2027-04-01', '2028-03-31');
    life.record('ExtensionApplied', '2028-02-01');
    const extension = (periodExpiresOn: string) =>
      life.refusal('ExtensionGranted', '2028-03-01', { periodExpiresOn, card: card('SD00000002AA') });
    expect(extension('2030-04-02')).toBe('SKILL_DEVELOPMENT_CAP_EXCEEDED');
    expect(extension('2030-04-01')).toBe('ACCEPTED');
  });

  test('a year more approved on 2029-12-01 (test failed): an extension to 2031-04-01 accepted, 2031-04-02 refused', () => {
    const life = landedOn('2027-04-01', '2030-04-01');
    life.record('ExtensionApplied', '2030-01-10');
    expect(life.refusal('ExtensionGranted', '2030-03-01', { periodExpiresOn: '2031-04-01', card: card('SD00000002AA') })).toBe(
      'SKILL_DEVELOPMENT_CAP_EXCEEDED',
    );
    life.record('SkillDevelopmentExtensionApproved', '2029-12-01');
    expect(life.refusal('ExtensionGranted', '2030-03-01', { periodExpiresOn: '2031-04-01', card: card('SD00000002AA') })).toBe('ACCEPTED');
    expect(life.refusal('ExtensionGranted', '2030-03-01', { periodExpiresOn: '2031-04-02', card: card('SD00000002AA') })).toBe(
      'SKILL_DEVELOPMENT_CAP_EXCEEDED',
    );
  });

  test('a year more for someone never in 育成就労 is refused (NOT_SKILL_DEVELOPMENT)', () => {
    const life = new ResidentLife();
    life.record('Landed', '2027-04-01', {
      status: 'engineer_humanities_international',
      periodExpiresOn: '2028-04-01',
      card: card('EN00000001AA'),
    });
    expect(life.refusal('SkillDevelopmentExtensionApproved', '2027-05-01')).toBe('NOT_SKILL_DEVELOPMENT');
  });
});

describe('転籍: a transfer of the worker own will after the restriction period (TRANSFER_RESTRICTED); an unavoidable one at any time', () => {
  test('the first day after 12 months with the employer: from 2027-04-01 → 2028-04-01; from the leap day 2028-02-29 → 2029-03-01; from 2027-08-31 → 2028-08-31', () => {
    expect(earliestOwnWillTransfer('2027-04-01' as LocalDate, 12)).toBe('2028-04-01');
    expect(earliestOwnWillTransfer('2028-02-29' as LocalDate, 12)).toBe('2029-03-01');
    expect(earliestOwnWillTransfer('2027-08-31' as LocalDate, 12)).toBe('2028-08-31');
    expect(earliestOwnWillTransfer('2027-04-01' as LocalDate, 24)).toBe('2029-04-01');
  });

  test('landed 2027-04-01: own will on 2028-03-31 refused, on 2028-04-01 accepted; unavoidable on 2027-06-01 accepted', () => {
    const life = landedOn('2027-04-01', '2030-04-01');
    expect(life.refusal('SkillDevelopmentTransferred', '2028-03-31', { reason: 'own_will' })).toBe('TRANSFER_RESTRICTED');
    expect(life.refusal('SkillDevelopmentTransferred', '2028-04-01', { reason: 'own_will' })).toBe('ACCEPTED');
    expect(life.refusal('SkillDevelopmentTransferred', '2027-06-01', { reason: 'unavoidable' })).toBe('ACCEPTED');
  });

  test("a field's 2-year restriction: own will on 2029-03-31 refused, on 2029-04-01 accepted; more than 24 months is not a restriction period", () => {
    const life = landedOn('2027-04-01', '2030-04-01');
    expect(life.refusal('SkillDevelopmentTransferred', '2029-03-31', { reason: 'own_will', restrictionMonths: 24 })).toBe(
      'TRANSFER_RESTRICTED',
    );
    expect(life.refusal('SkillDevelopmentTransferred', '2029-04-01', { reason: 'own_will', restrictionMonths: 24 })).toBe('ACCEPTED');
    expect(life.refusal('SkillDevelopmentTransferred', '2029-04-01', { reason: 'own_will', restrictionMonths: 25 })).toBe('INVALID');
  });

  test('after an unavoidable transfer on 2027-10-15 the restriction counts from it: own will on 2028-10-14 refused, 2028-10-15 accepted', () => {
    const life = landedOn('2027-04-01', '2030-04-01');
    life.record('SkillDevelopmentTransferred', '2027-10-15', { reason: 'unavoidable' });
    expect(life.refusal('SkillDevelopmentTransferred', '2028-10-14', { reason: 'own_will' })).toBe('TRANSFER_RESTRICTED');
    expect(life.refusal('SkillDevelopmentTransferred', '2028-10-15', { reason: 'own_will' })).toBe('ACCEPTED');
  });

  test('landed on the leap day 2028-02-29: own will on 2029-02-28 refused, 2029-03-01 accepted', () => {
    const life = landedOn('2028-02-29', '2031-02-28');
    expect(life.refusal('SkillDevelopmentTransferred', '2029-02-28', { reason: 'own_will' })).toBe('TRANSFER_RESTRICTED');
    expect(life.refusal('SkillDevelopmentTransferred', '2029-03-01', { reason: 'own_will' })).toBe('ACCEPTED');
  });

  test('a transfer of someone not in 育成就労 is refused (NOT_SKILL_DEVELOPMENT)', () => {
    const life = new ResidentLife();
    life.record('Landed', '2027-04-01', {
      status: 'engineer_humanities_international',
      periodExpiresOn: '2028-04-01',
      card: card('EN00000001AA'),
    });
    expect(life.refusal('SkillDevelopmentTransferred', '2027-05-01', { reason: 'unavoidable' })).toBe('NOT_SKILL_DEVELOPMENT');
  });
});

describe('a take-over of a worker in 育成就労 counts from the first day in the status (skillDevelopmentCountFrom)', () => {
  const takeOver = (data: Record<string, unknown>) =>
    new ResidentLife().refusal('ExistingStatusRecorded', '2028-06-01', { status: SD, card: card('SD00000009AA'), ...data });

  test('in 育成就労 since 2027-04-01, taken over 2028-06-01: a period to 2030-04-01 accepted, to 2030-04-02 refused', () => {
    expect(takeOver({ skillDevelopmentCountFrom: '2027-04-01', periodExpiresOn: '2030-04-01' })).toBe('ACCEPTED');
    expect(takeOver({ skillDevelopmentCountFrom: '2027-04-01', periodExpiresOn: '2030-04-02' })).toBe('SKILL_DEVELOPMENT_CAP_EXCEEDED');
  });

  test('without it, from the day the facts hold from (granted 2028-04-01): to 2031-04-01 accepted, 2031-04-02 refused', () => {
    expect(takeOver({ grantedOn: '2028-04-01', periodExpiresOn: '2031-04-01' })).toBe('ACCEPTED');
    expect(takeOver({ grantedOn: '2028-04-01', periodExpiresOn: '2031-04-02' })).toBe('SKILL_DEVELOPMENT_CAP_EXCEEDED');
  });

  test('a later extension keeps to the total counted from 2027-04-01', () => {
    const life = new ResidentLife();
    life.record('ExistingStatusRecorded', '2028-06-01', {
      status: SD,
      periodExpiresOn: '2029-03-31',
      card: card('SD00000009AA'),
      skillDevelopmentCountFrom: '2027-04-01',
    });
    life.record('ExtensionApplied', '2029-02-01');
    const extension = (periodExpiresOn: string) =>
      life.refusal('ExtensionGranted', '2029-03-01', { periodExpiresOn, card: card('SD00000010AA') });
    expect(extension('2030-04-02')).toBe('SKILL_DEVELOPMENT_CAP_EXCEEDED');
    expect(extension('2030-04-01')).toBe('ACCEPTED');
  });

  test('before 2027-04-01, after the day the facts hold from, or for another status: 400 (INVALID)', () => {
    expect(takeOver({ skillDevelopmentCountFrom: '2027-03-31', periodExpiresOn: '2029-03-31' })).toBe('INVALID');
    expect(takeOver({ skillDevelopmentCountFrom: '2028-06-02', periodExpiresOn: '2029-03-31' })).toBe('INVALID');
    expect(
      new ResidentLife().refusal('ExistingStatusRecorded', '2028-06-01', {
        status: 'engineer_humanities_international',
        periodExpiresOn: '2029-03-31',
        card: card('EN00000009AA'),
        skillDevelopmentCountFrom: '2027-04-01',
      }),
    ).toBe('INVALID');
  });
});
