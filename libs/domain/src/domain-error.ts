/**
 * Facts the ledger rejects, with stable upper-snake codes (docs/domain-rules.md §7). Clients
 * branch on the code, so codes are never renamed; the message is for people.
 */
import { SSW_RULE_CODES } from './ssw/ssw-rule-codes.js';
import { SKILL_DEVELOPMENT_RULE_CODES } from './skill-development/skill-development-rule-codes.js';

export const RULE_CODES = [
  'EVENT_BEFORE_BIRTH',
  'EVENT_IN_FUTURE',
  'NO_PENDING_APPLICATION',
  'APPLICATION_ALREADY_PENDING',
  'REENTRY_LAPSED',
  'NO_OPEN_REENTRY',
  'REENTRY_OPEN',
  'NOT_IN_JAPAN',
  'ALREADY_IN_JAPAN',
  'NOT_ABROAD',
  'RESIDENT_CLOSED',
  'NOT_A_MID_TO_LONG_TERM_RESIDENT',
  'NO_STATUS',
  'NO_CARD',
  'UNKNOWN_CARD_NUMBER',
  'CARD_NUMBER_IN_USE',
  'ALREADY_HAS_STATUS',
  'PERIOD_TOO_LONG',
  'PERIOD_ENDS_BEFORE_GRANT',
  'PERMIT_ENDS_BEFORE_DEPARTURE',
  'STATUS_NOT_GRANTED_AT_LANDING',
  'SPECIFIED_CARD_NOT_AVAILABLE',
  'BIRTH_DATE_MISMATCH',
  'UNKNOWN_EVENT',
  'ALREADY_RETRACTED',
  'CANNOT_RETRACT',
  'CONFLICTS_WITH_LATER_EVENT',
  'ALREADY_REGISTERED',
  'NOT_REGISTERED',
  'PERMIT_TOO_LONG',
  'CARD_NOT_HELD',
  'STATUS_NOT_IN_FORCE',
  'CARD_ISSUED_BEFORE_BIRTH',
  'CARD_ISSUED_IN_FUTURE',
  'CASE_CLOSED',
  'CASE_NOT_CLOSED',
  'ALREADY_FOLLOWED',
  'PERIOD_ALREADY_ENDED',
  'CARD_ALREADY_EXPIRED',
  'APPLICATION_AFTER_RECORD',
  ...SSW_RULE_CODES,
  ...SKILL_DEVELOPMENT_RULE_CODES,
] as const;

export type RuleCode = (typeof RULE_CODES)[number];

/** A fact that breaks a rule of the domain (HTTP 422). */
export interface RuleViolation {
  kind: 'rule';
  code: RuleCode;
  message: string;
}

/** Why the decider refuses a command (a fact's shape is checked before it gets there). */
export type Rejection = RuleViolation;

export function violation(code: RuleCode, message: string): RuleViolation {
  return { kind: 'rule', code, message };
}
