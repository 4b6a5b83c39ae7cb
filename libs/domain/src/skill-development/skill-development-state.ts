/**
 * What the ledger keeps of a resident's 育成就労 (docs/domain-rules.md §11): the periods held (for
 * the 3-year total), whether a 4th year was approved, and the first day with the current
 * 育成就労実施者 (for the restriction on a transfer of the worker's own will).
 */
import type { LocalDate } from '../calendar/local-date.js';

export interface SkillDevelopmentState {
  readonly periods: readonly { readonly from: LocalDate; readonly to: LocalDate | null }[];
  readonly extended: boolean;
  /** The status start, or the day of the latest transfer; null when not held. */
  readonly withCurrentSince: LocalDate | null;
}

export const INITIAL_SKILL_DEVELOPMENT_STATE: SkillDevelopmentState = { periods: [], extended: false, withCurrentSince: null };
