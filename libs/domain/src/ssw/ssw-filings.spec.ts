/**
 * The employer's 随時届出 (入管法19条の18①) that begin only once the status is obtained, and the
 * kinds of 19条の18①2号 and 施行規則19条の17 (as amended 2025-04-01), with their holiday moves
 * (休日法2条: weekends, national holidays, 29 Dec – 3 Jan).
 */
import { describe, expect, test } from '@jest/globals';
import type { LocalDate } from '../calendar/local-date.js';
import { deadlinesAsOf } from '../deadlines.js';
import { ResidentLife, card } from '../testing/resident-life.js';

const SSW1 = 'specified_skilled_worker_1';

const of = (life: ResidentLife, asOf: string, kind: string) =>
  deadlinesAsOf(life.events, asOf as LocalDate).filter((deadline) => deadline.kind === kind);

function landed(name: string) {
  const life = new ResidentLife('1996-03-03', name);
  life.record('Landed', '2026-04-01', {
    status: SSW1,
    periodExpiresOn: '2027-04-01',
    card: card('SW70000001AA'),
    designation: { field: 'construction', employer: 'Kanto Build' },
  });
  return life;
}

describe('duties that exist only after the status is obtained (19条の16 柱書; 19条の18; 運用要領第7章)', () => {
  test('landed and hired on Wed 2026-04-01 with support from that day: no 19条の16 notice, no 19条の18 filing; Hello Work hiring by Sun 10 May → Mon 11 May', () => {
    const life = landed('arrival');
    life.record('AffiliationChanged', '2026-04-01', {
      kind: 'contract',
      change: 'new_contract',
      employer: 'Kanto Build',
      helloWork: 'insured',
    });
    life.record('SupportStarted', '2026-04-01', { employer: 'Kanto Build' });
    life.record('SupportPlanChanged', '2026-04-01', { summary: 'plan as filed' });
    for (const kind of [
      'affiliation_notification',
      'ssw_contract_notification',
      'ssw_support_contract_notification',
      'ssw_support_plan_notification',
    ]) {
      expect([kind, of(life, '2026-04-02', kind)]).toEqual([kind, []]);
    }
    expect(of(life, '2026-04-02', 'hello_work_hiring')).toEqual([
      expect.objectContaining({ statutoryDueOn: '2026-05-10', dueOn: '2026-05-11', owedBy: 'employer' }),
    ]);
  });

  test('a support contract changed after the landing, on Wed 2026-04-15, is notified: due 29 Apr (昭和の日) → 30 Apr', () => {
    const life = landed('after');
    life.record('SupportStarted', '2026-04-01', { employer: 'Kanto Build' });
    life.record('SupportContractChanged', '2026-04-15', { summary: 'fee' });
    expect(of(life, '2026-04-16', 'ssw_support_contract_notification')).toEqual([
      expect.objectContaining({ statutoryDueOn: '2026-04-29', dueOn: '2026-04-30', owedBy: 'employer', employer: 'Kanto Build' }),
    ]);
  });

  test('hired the day after the landing (Thu 2026-04-02): 19条の16 and 19条の18①1号 both due Thu 16 Apr', () => {
    const life = landed('next-day');
    life.record('AffiliationChanged', '2026-04-02', { kind: 'contract', change: 'new_contract', employer: 'Kanto Build' });
    expect(of(life, '2026-04-03', 'affiliation_notification').map((d) => d.dueOn)).toEqual(['2026-04-16']);
    expect(of(life, '2026-04-03', 'ssw_contract_notification').map((d) => d.dueOn)).toEqual(['2026-04-16']);
  });
});

describe('the other 随時届出 (19条の18①2号, ①4号 with 施行規則19条の17 as amended 2025-04-01)', () => {
  test('support plan changed Mon 2026-04-20: due Mon 4 May (みどりの日) → 5 May → 6 May (振替休日) → Thu 7 May; met by SswReportFiled support_plan', () => {
    const life = landed('plan');
    life.record('SupportStarted', '2026-04-01', { employer: 'Kanto Build' });
    life.record('SupportPlanChanged', '2026-04-20', { summary: 'new 支援責任者' });
    expect(of(life, '2026-04-21', 'ssw_support_plan_notification')).toEqual([
      expect.objectContaining({ statutoryDueOn: '2026-05-04', dueOn: '2026-05-07', owedBy: 'employer', employer: 'Kanto Build' }),
    ]);
    life.record('SswReportFiled', '2026-05-07', { kind: 'support_plan' });
    expect(of(life, '2026-05-07', 'ssw_support_plan_notification').map((d) => d.state)).toEqual(['met']);
  });

  test('standards not met from Fri 2026-12-18: due Fri 1 Jan 2027, in the New Year closure (29 Dec – 3 Jan) → Mon 4 Jan', () => {
    const life = landed('standards');
    life.record('SswStandardsNonConformity', '2026-12-18', { summary: '社会保険料の滞納' });
    expect(of(life, '2026-12-19', 'ssw_standards_nonconformity_notification')).toEqual([
      expect.objectContaining({ statutoryDueOn: '2027-01-01', dueOn: '2027-01-04', owedBy: 'employer' }),
    ]);
    life.record('SswReportFiled', '2027-01-04', { kind: 'standards_nonconformity' });
    expect(of(life, '2027-01-04', 'ssw_standards_nonconformity_notification').map((d) => d.state)).toEqual(['met']);
  });

  test('support cannot be carried out from Tue 2026-09-08: due Tue 22 Sep (国民の休日 between 敬老の日 and 秋分の日) → Thu 24 Sep', () => {
    const life = landed('difficulty');
    life.record('SupportStarted', '2026-04-01', { employer: 'Kanto Build' });
    life.record('SupportDifficulty', '2026-09-08', { summary: 'no interpreter' });
    expect(of(life, '2026-09-09', 'ssw_support_difficulty_notification')).toEqual([
      expect.objectContaining({ statutoryDueOn: '2026-09-22', dueOn: '2026-09-24', owedBy: 'employer' }),
    ]);
    life.record('SswReportFiled', '2026-09-24', { kind: 'support_difficulty' });
    expect(of(life, '2026-09-24', 'ssw_support_difficulty_notification').map((d) => d.state)).toEqual(['met']);
  });

  test('the support plan belongs to 1号 (入管法2条の5⑥): refused for a student; standards are for an employer of 特定技能', () => {
    const life = new ResidentLife('1996-03-03', 'student');
    life.record('Landed', '2026-04-01', { status: 'student', periodExpiresOn: '2028-04-01', card: card('ST70000001AA') });
    expect(life.refusal('SupportPlanChanged', '2026-05-01')).toBe('NOT_SSW1');
    expect(life.refusal('SupportDifficulty', '2026-05-01')).toBe('NOT_SSW1');
    expect(life.refusal('SswStandardsNonConformity', '2026-05-01')).toBe('NOT_SSW');
    expect(life.refusal('SswReportFiled', '2026-05-01', { kind: 'unknown' })).toBe('INVALID');
  });
});
