/**
 * Deadlines of docs/ssw-duties.md: the worker's 5-year cap, the support organisation's interviews
 * and orientation, the employer's filings to ISA (19条の18) and to Hello Work, and the support
 * organisation's own registration. deadline-catalogue.ts merges them into the catalogue.
 */
import type { DeadlineDefinition } from '../deadline-definition.js';

export const SSW_DEADLINE_KINDS = [
  'ssw1_cap',
  'ssw1_exclusion_claim',
  'support_interview',
  'orientation',
  'ssw_annual_report',
  'ssw_contract_notification',
  'ssw_support_contract_notification',
  'ssw_acceptance_difficulty_notification',
  'ssw_support_plan_notification',
  'ssw_standards_nonconformity_notification',
  'ssw_support_difficulty_notification',
  'hello_work_hiring',
  'hello_work_leaving',
  'support_registration_renewal',
  'support_registered_matters_notification',
  'support_business_suspension_notification',
  'support_business_resumption_notification',
  'support_annual_report',
] as const;

export type SswDeadlineKind = (typeof SSW_DEADLINE_KINDS)[number];

export const SSW_DEADLINE_CATALOGUE: Readonly<Record<SswDeadlineKind, DeadlineDefinition>> = {
  ssw1_cap: {
    legalBasis: '入管法施行規則21条の2 (令和7年法務省令第47号)',
    label: { ja: '特定技能1号の通算在留期間(5年)満了', en: 'Specified Skilled Worker (i): the 5-year total ends' },
    movesOnHoliday: false,
    owedBy: 'resident',
  },
  ssw1_exclusion_claim: {
    legalBasis: '入管法施行規則21条の2 (令和7年法務省令第47号); 特定技能運用要領',
    label: { ja: '通算在留期間から除く期間の申出', en: 'Claim the leave excluded from the 5-year total' },
    movesOnHoliday: false,
    owedBy: 'resident',
  },
  support_interview: {
    legalBasis: '特定技能基準省令3条1項1号; 特定技能運用要領 (定期的な面談)',
    label: { ja: '定期面談(3か月に1回以上)', en: 'Support interview (at least every 3 months)' },
    movesOnHoliday: false,
    owedBy: 'organisation',
  },
  orientation: {
    legalBasis: '特定技能基準省令3条1項1号; 特定技能運用要領 (生活オリエンテーション)',
    label: { ja: '生活オリエンテーション', en: 'Life orientation' },
    movesOnHoliday: false,
    owedBy: 'organisation',
  },
  ssw_annual_report: {
    legalBasis: '入管法19条の18第2項 (年1回, 令和7年4月1日施行の施行規則)',
    label: { ja: '定期届出(受入れ・活動・支援実施状況)', en: 'Annual report on the Specified Skilled Worker' },
    // A fixed window (4/1–5/31) set by the 省令, not a period counted from an event: 休日法2条 does not move it.
    movesOnHoliday: false,
    owedBy: 'employer',
  },
  ssw_contract_notification: {
    legalBasis: '入管法19条の18第1項1号',
    label: { ja: '特定技能雇用契約に係る届出', en: 'Notify the employment contract change, end or new contract' },
    movesOnHoliday: true,
    owedBy: 'employer',
  },
  ssw_support_contract_notification: {
    legalBasis: '入管法19条の18第1項3号',
    label: { ja: '支援委託契約に係る届出', en: 'Notify the support contract concluded, changed or ended' },
    movesOnHoliday: true,
    owedBy: 'employer',
  },
  ssw_acceptance_difficulty_notification: {
    legalBasis: '入管法19条の18第1項4号; 施行規則19条の17',
    label: { ja: '受入れ困難に係る届出', en: 'Notify that the acceptance cannot continue' },
    movesOnHoliday: true,
    owedBy: 'employer',
  },
  ssw_support_plan_notification: {
    legalBasis: '入管法19条の18第1項2号; 施行規則19条の17',
    label: { ja: '支援計画変更に係る届出', en: 'Notify the change of the support plan' },
    movesOnHoliday: true,
    owedBy: 'employer',
  },
  ssw_standards_nonconformity_notification: {
    legalBasis: '入管法19条の18第1項4号; 施行規則19条の17 (令和7年法務省令第7号); 特定技能基準省令2条',
    label: { ja: '基準不適合に係る届出', en: 'Notify that the employer no longer meets the standards' },
    movesOnHoliday: true,
    owedBy: 'employer',
  },
  ssw_support_difficulty_notification: {
    legalBasis: '入管法19条の18第1項4号; 施行規則19条の17 (令和7年法務省令第7号)',
    label: { ja: '支援実施困難に係る届出', en: 'Notify that the support cannot be carried out' },
    movesOnHoliday: true,
    owedBy: 'employer',
  },
  hello_work_hiring: {
    legalBasis: '労働施策総合推進法28条; 同法施行規則12条',
    label: { ja: '外国人雇用状況の届出(雇入れ)', en: 'Notify Hello Work of the hiring' },
    movesOnHoliday: true,
    owedBy: 'employer',
  },
  hello_work_leaving: {
    legalBasis: '労働施策総合推進法28条; 同法施行規則12条',
    label: { ja: '外国人雇用状況の届出(離職)', en: 'Notify Hello Work of the leaving' },
    movesOnHoliday: true,
    owedBy: 'employer',
  },
  support_registration_renewal: {
    legalBasis: '入管法19条の23第2項; 出入国在留管理庁「登録支援機関の登録更新申請」(令和5年8月)',
    label: { ja: '登録支援機関の登録更新申請', en: 'Renew the registration as a support organisation' },
    // A fixed window from an ISA notice (end of the month 4 months before the expiry month): no holiday move.
    movesOnHoliday: false,
    owedBy: 'organisation',
  },
  support_registered_matters_notification: {
    legalBasis: '入管法19条の27第1項; 施行規則19条の22',
    label: { ja: '登録事項変更に係る届出', en: 'Notify the change of a registered matter' },
    movesOnHoliday: true,
    owedBy: 'organisation',
  },
  support_business_suspension_notification: {
    legalBasis: '入管法19条の29第1項 (休止・廃止の日から14日以内)',
    label: { ja: '支援業務の休止・廃止に係る届出', en: 'Notify the suspension or closure of the support business' },
    movesOnHoliday: true,
    owedBy: 'organisation',
  },
  support_business_resumption_notification: {
    legalBasis: '入管法19条の29第2項 (再開予定日の1か月前まで)',
    label: { ja: '支援業務の再開に係る届出', en: 'Notify the resumption of the support business' },
    // Counted back from the planned resumption: the earlier day, never moved.
    movesOnHoliday: false,
    owedBy: 'organisation',
  },
  support_annual_report: {
    legalBasis: '入管法19条の30; 施行規則 (2025-04-01改正: 年1回, 4月1日〜5月31日)',
    label: { ja: '支援実施状況に係る届出(登録支援機関の定期届出)', en: "File the support organisation's yearly report" },
    // A fixed window from the 省令, not a period counted from an event: no holiday move.
    movesOnHoliday: false,
    owedBy: 'organisation',
  },
};
