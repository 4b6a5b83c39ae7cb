/** Stable codes of the Specified Skilled Worker rules (HTTP 422); never renamed. */
export const SSW_RULE_CODES = [
  'SSW1_CAP_EXCEEDED',
  'SSW_SIXTH_YEAR_NOT_AVAILABLE',
  'NOT_SSW',
  'NOT_SSW1',
  'NO_SUPPORT',
  'SUPPORT_ALREADY_STARTED',
  'SSW_EXCLUSION_TOO_SHORT',
  'SSW_EXCLUSION_TOO_LONG',
] as const;
