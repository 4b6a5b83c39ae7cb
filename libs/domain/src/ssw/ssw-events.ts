/**
 * The facts of a Specified Skilled Worker's support and of the employer's filings
 * (docs/ssw-duties.md). Kept apart from the core facts; events.ts merges them into the union.
 * The `type` strings are stored: never rename one.
 */
import type { LocalDate } from '../calendar/local-date.js';
import {
  check,
  date,
  integer,
  multiLineText,
  object,
  oneOf,
  optional,
  required,
  text,
  type Check,
  type FieldError,
  type FieldRule,
} from '../events/field-rules.js';
import { DESIGNATIONS } from '../status-catalogue.js';
import { specifiedField, SPECIFIED_FIELD_CODES, type SpecifiedFieldCode } from './specified-fields.js';

/** 指定書 of a 特定技能 grant: the field (特定産業分野) and the employer (所属機関). */
export interface SswDesignation {
  field: SpecifiedFieldCode;
  /** An employer record id or the employer's name. */
  employer?: string;
  /** 業務区分, where the field has more than one (e.g. 建設: 土木), as the 指定書 names it. */
  jobCategory?: string;
}

export const INTERVIEW_PARTIES = ['worker', 'supervisor'] as const;
export type InterviewParty = (typeof INTERVIEW_PARTIES)[number];
export const INTERVIEW_MODES = ['in_person', 'online'] as const;

/**
 * 令和7年法務省令第47号: pregnancy, birth, childcare, illness or injury (労災 apart: its leave
 * may be left out for 3 years, other illness for 1; ssw1-exclusions.ts); and a re-entry barred (運用要領).
 */
export const EXCLUSION_REASONS = ['maternity', 'childcare', 'illness_injury', 'occupational_illness_injury', 'reentry_barred'] as const;
export type ExclusionReason = (typeof EXCLUSION_REASONS)[number];

/** 受入れ困難 (施行規則19条の17): since 2025-04 also a worker unable to work for a month or more. */
export const ACCEPTANCE_DIFFICULTY_CAUSES = [
  'business_reasons',
  'death',
  'illness',
  'disappearance',
  'return_home',
  'unable_to_work',
  'other',
] as const;

/** What an employer's filing covers: the annual report, or the 随時届出 of 19条の18①1–4号 (施行規則19条の17). */
export const SSW_REPORT_KINDS = [
  'annual',
  'contract',
  'support_contract',
  'acceptance_difficulty',
  'support_plan',
  'standards_nonconformity',
  'support_difficulty',
] as const;
export type SswReportKind = (typeof SSW_REPORT_KINDS)[number];

/** How a filing reached the office: 窓口, 郵送 or 電子届出 (the ISA's online filing). */
export const FILING_ROUTES = ['counter', 'post', 'online'] as const;

export const HELLO_WORK_KINDS = ['hiring', 'leaving'] as const;
/** 雇用保険 insured or not: it decides the Hello Work due date (労働施策総合推進法施行規則12条). */
export const HELLO_WORK_INSURANCE = ['insured', 'not_insured'] as const;
export type HelloWorkInsurance = (typeof HELLO_WORK_INSURANCE)[number];

/** How a filing was made and the number the office gave it: both optional, for the file. */
export interface FilingDetails {
  filedVia?: (typeof FILING_ROUTES)[number];
  referenceNumber?: string;
}

export interface SswEventDataByType {
  /** The organisation supports this worker under a 支援委託契約 (全部委託) with the employer. */
  SupportStarted: { employer: string; plan?: string };
  SupportEnded: { reason: string };
  SupportContractChanged: { summary?: string };
  /** 定期面談 (基準省令3条): with the worker and, separately, with the supervisor. */
  SupportInterviewHeld: {
    with: InterviewParty;
    mode: (typeof INTERVIEW_MODES)[number];
    /** Who interpreted (name or language), when someone did. */
    interpreter?: string;
    /** 面談記録: what was found … */
    findings?: string;
    /** … and what was done about it. */
    actions?: string;
  };
  /** 生活オリエンテーション. */
  OrientationHeld: { hours: number };
  /** An interval left out of the 5-year count of 特定技能1号 (令和7年法務省令第47号). */
  SswIntervalExcluded: { from: LocalDate; to: LocalDate; reason: ExclusionReason };
  /** A 6th year of 特定技能1号 allowed (failed the 2号 test with ≥ 80 % of the pass mark). */
  SswSixthYearApproved: Record<string, never>;
  /** The terms of the 特定技能雇用契約 changed (19条の18①1号). */
  SswContractChanged: { summary?: string };
  /** 受入れ困難 (19条の18①4号; 施行規則19条の17). */
  AcceptanceDifficulty: { cause: (typeof ACCEPTANCE_DIFFICULTY_CAUSES)[number] };
  /** The 1号特定技能外国人支援計画 changed (19条の18①2号): a new 支援責任者, another support item … */
  SupportPlanChanged: { summary?: string };
  /** The employer no longer meets 特定技能基準省令2条 (19条の18①4号; 施行規則19条の17 as amended 2025-04-01). */
  SswStandardsNonConformity: { summary?: string };
  /** The support under the plan cannot be carried out (19条の18①4号; 施行規則19条の17 as amended 2025-04-01). */
  SupportDifficulty: { summary?: string };
  /** The employer's filing to ISA (定期届出 / 随時届出). */
  SswReportFiled: { kind: SswReportKind; fiscalYear?: number } & FilingDetails;
  /** 外国人雇用状況の届出 filed at Hello Work. */
  HelloWorkNotified: { kind: (typeof HELLO_WORK_KINDS)[number] } & FilingDetails;
}

export type SswEventType = keyof SswEventDataByType;

export const SSW_EVENT_TYPES: readonly SswEventType[] = [
  'SupportStarted',
  'SupportEnded',
  'SupportContractChanged',
  'SupportInterviewHeld',
  'OrientationHeld',
  'SswIntervalExcluded',
  'SswSixthYearApproved',
  'SswContractChanged',
  'AcceptanceDifficulty',
  'SswReportFiled',
  'HelloWorkNotified',
  'SupportPlanChanged',
  'SswStandardsNonConformity',
  'SupportDifficulty',
];

const fail = (field: string, message: string): FieldError[] => [{ field, message }];

const fieldCode: Check = check({ ...oneOf(SPECIFIED_FIELD_CODES).schema, description: '特定産業分野 in force' }, (value, path) => {
  const field = typeof value === 'string' ? specifiedField(value) : undefined;
  if (field !== undefined && !field.inForce) return fail(path, `${field.ja} (${field.code}) is announced but not yet a 特定産業分野`);
  return oneOf(SPECIFIED_FIELD_CODES)(value, path);
});

const sswDesignation = object({ field: required(fieldCode), employer: optional(text(200)), jobCategory: optional(text(100)) });

/** A designation: the 特定活動 case (a code) or, for 特定技能, `{ field, employer }`. */
export const designation: Check = check(
  {
    oneOf: [oneOf(DESIGNATIONS).schema, sswDesignation.schema],
    description: 'the 特定活動 case (a code) or, for 特定技能, { field, employer, jobCategory }',
  },
  (value, path) =>
    typeof value === 'object' && value !== null && !Array.isArray(value) ? sswDesignation(value, path) : oneOf(DESIGNATIONS)(value, path),
);

const FILING_DETAILS: Record<string, FieldRule> = { filedVia: optional(oneOf(FILING_ROUTES)), referenceNumber: optional(text(50)) };

export const SSW_DATA_RULES: Record<SswEventType, Record<string, FieldRule>> = {
  SupportStarted: { employer: required(text(200)), plan: optional(text(200)) },
  SupportEnded: { reason: required(multiLineText()) },
  SupportContractChanged: { summary: optional(multiLineText()) },
  SupportInterviewHeld: {
    with: required(oneOf(INTERVIEW_PARTIES)),
    mode: required(oneOf(INTERVIEW_MODES)),
    interpreter: optional(text(100)),
    findings: optional(multiLineText(2000)),
    actions: optional(multiLineText(2000)),
  },
  OrientationHeld: { hours: required(integer(1, 40)) },
  SswIntervalExcluded: { from: required(date), to: required(date), reason: required(oneOf(EXCLUSION_REASONS)) },
  SswSixthYearApproved: {},
  SswContractChanged: { summary: optional(multiLineText()) },
  AcceptanceDifficulty: { cause: required(oneOf(ACCEPTANCE_DIFFICULTY_CAUSES)) },
  SswReportFiled: { kind: required(oneOf(SSW_REPORT_KINDS)), fiscalYear: optional(integer(2019, 2100)), ...FILING_DETAILS },
  HelloWorkNotified: { kind: required(oneOf(HELLO_WORK_KINDS)), ...FILING_DETAILS },
  SupportPlanChanged: { summary: optional(text()) },
  SswStandardsNonConformity: { summary: optional(text()) },
  SupportDifficulty: { summary: optional(text()) },
};

/** Where these facts fall among the facts of one day (fact-order.ts). */
export const SSW_SAME_DAY_RANK: Record<SswEventType, number> = {
  SswContractChanged: 20,
  AcceptanceDifficulty: 20,
  SswStandardsNonConformity: 20,
  SupportPlanChanged: 45,
  SupportDifficulty: 55,
  SswSixthYearApproved: 35,
  SupportStarted: 45,
  SupportContractChanged: 45,
  OrientationHeld: 55,
  SupportInterviewHeld: 55,
  SswIntervalExcluded: 60,
  SswReportFiled: 60,
  HelloWorkNotified: 60,
  SupportEnded: 75,
};

const SSW_STATUSES = ['specified_skilled_worker_1', 'specified_skilled_worker_2'];

/** Rules that tie one field to another within one fact. */
export function sswCrossFieldErrors(event: { type: string; data: unknown }): FieldError[] {
  const data = event.data as Record<string, unknown>;
  const interval = event.data as { from?: string; to?: string };
  if (event.type === 'SswIntervalExcluded' && interval.to! < interval.from!) {
    return fail('data.to', 'must be on or after the first day of the interval');
  }
  if (event.type === 'SswReportFiled' && data['kind'] === 'annual' && data['fiscalYear'] === undefined) {
    return fail('data.fiscalYear', 'is required for the annual report (the fiscal year from 1 April it covers)');
  }
  const status = data['status'];
  const given = data['designation'];
  if (typeof status === 'string' && given !== undefined) {
    const ssw = SSW_STATUSES.includes(status);
    if (ssw && typeof given !== 'object') return fail('data.designation', 'of 特定技能 is { field, employer }');
    if (!ssw && typeof given === 'object') return fail('data.designation', 'with a field is only for specified_skilled_worker_1 / _2');
  }
  return [];
}
