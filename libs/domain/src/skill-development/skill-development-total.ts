/**
 * The total period of 育成就労 (docs/domain-rules.md §11): 3 years in principle (育成就労法: the
 * 育成就労計画 covers at most 3 years; ISA 育成就労制度Q&A Q13 "原則3年"), and one year more where a
 * test for 特定技能1号 was failed or the plan was extended (Q13: 最長1年; a transfer's new plan may
 * then run to 4 years in all) — recorded as SkillDevelopmentExtensionApproved.
 *
 * Counted like the 5-year total of 特定技能1号 (ssw1-cap.ts): from the day the status starts, across
 * grants and 育成就労実施者, a break pushing the end back by its length (reading: the 省令 on the
 * count was not read here). A status from 2027-04-01 held without a break reaches 3 years on
 * 2030-04-01 = addYears(start, 3).
 */
import type { LocalDate } from '../calendar/local-date.js';
import { capIfHeldFrom, type CapInput } from '../ssw/ssw1-cap.js';
import type { SkillDevelopmentState } from './skill-development-state.js';

export const SKILL_DEVELOPMENT_TOTAL_YEARS = 3;

export function totalInput(state: SkillDevelopmentState): CapInput {
  return { periods: state.periods, exclusions: [], sixthYear: state.extended, years: SKILL_DEVELOPMENT_TOTAL_YEARS };
}

/** The day the total is reached by a 育成就労 period starting (or held) from `from`. */
export function skillDevelopmentTotalReachedOn(state: SkillDevelopmentState, from: LocalDate): LocalDate {
  return capIfHeldFrom(totalInput(state), from);
}
