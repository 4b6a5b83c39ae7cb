/** Stable codes of the 育成就労 and 技能実習 transition rules (HTTP 422); never renamed. */
export const SKILL_DEVELOPMENT_RULE_CODES = [
  'SKILL_DEVELOPMENT_CAP_EXCEEDED',
  'NOT_SKILL_DEVELOPMENT',
  'TRANSFER_RESTRICTED',
  'TECHNICAL_INTERN_TRAINING_CLOSED',
] as const;
