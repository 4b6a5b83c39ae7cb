/**
 * The facts of 育成就労 (employment for skill development, from 2027-04-01; 令和6年法律第60号;
 * docs/domain-rules.md §11). Kept apart from the core facts; events.ts merges them into the union.
 * The `type` strings are stored: never rename one.
 */
import { integer, oneOf, optional, required, type FieldRule } from '../events/field-rules.js';

/**
 * 転籍: for an unavoidable reason (violence, harassment, unpaid wages … : at any time), or of the
 * worker's own will (本人意向: only after the field's restriction period with the current 育成就労実施者).
 */
export const TRANSFER_REASONS = ['unavoidable', 'own_will'] as const;
export type TransferReason = (typeof TRANSFER_REASONS)[number];

export interface SkillDevelopmentEventDataByType {
  /** One more year beyond the 3-year total approved (a failed test for 特定技能1号, or the plan extended). */
  SkillDevelopmentExtensionApproved: Record<string, never>;
  /**
   * The worker moved to another 育成就労実施者 (転籍) and works there from `occurredOn`.
   * `restrictionMonths`: the field's restriction period for a transfer of the worker's own will
   * (1 to 2 years by field, 主務省令); 12 when not given, the law's floor.
   */
  SkillDevelopmentTransferred: { reason: TransferReason; restrictionMonths?: number };
}

export type SkillDevelopmentEventType = keyof SkillDevelopmentEventDataByType;

export const SKILL_DEVELOPMENT_EVENT_TYPES: readonly SkillDevelopmentEventType[] = [
  'SkillDevelopmentExtensionApproved',
  'SkillDevelopmentTransferred',
];

export const SKILL_DEVELOPMENT_DATA_RULES: Record<SkillDevelopmentEventType, Record<string, FieldRule>> = {
  SkillDevelopmentExtensionApproved: {},
  SkillDevelopmentTransferred: { reason: required(oneOf(TRANSFER_REASONS)), restrictionMonths: optional(integer(12, 24)) },
};

/** Where these facts fall among the facts of one day (fact-order.ts): after the grants, with the 1号 6th year. */
export const SKILL_DEVELOPMENT_SAME_DAY_RANK: Record<SkillDevelopmentEventType, number> = {
  SkillDevelopmentExtensionApproved: 35,
  SkillDevelopmentTransferred: 45,
};
