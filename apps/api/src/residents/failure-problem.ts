/** Each refusal of a resident command as HTTP: its status, and whether its kind is the problem's code. */
import { problem, type Problem } from '../http/problem.js';
import type { ResidentFailure, ResidentFailureKind } from './resident-failure.js';

const ANSWERS: Record<ResidentFailureKind, { status: number; coded: boolean }> = {
  RESIDENT_NOT_FOUND: { status: 404, coded: false },
  INVALID_INPUT: { status: 400, coded: false },
  // A failed precondition is a bare 412 (RFC 9110 §13.1.1): the client re-reads and decides.
  STALE_VERSION: { status: 412, coded: false },
  CHANGED_MEANWHILE: { status: 412, coded: false },
  CONCURRENT_CHANGE: { status: 409, coded: true },
  IDEMPOTENCY_KEY_REUSED: { status: 422, coded: true },
  RESIDENT_HISTORY_FULL: { status: 422, coded: true },
  CARD_NUMBER_IN_USE: { status: 409, coded: true },
  RESIDENT_ERASED: { status: 410, coded: true },
  POSSIBLE_DUPLICATE: { status: 409, coded: true },
  ASSIGNEE_NOT_IN_ORGANISATION: { status: 422, coded: true },
  RETENTION_HOLDS: { status: 409, coded: true },
  RESIDENT_UNREADABLE: { status: 409, coded: true },
  // Coded with the rule's own code (docs/domain-rules.md).
  RULE_BROKEN: { status: 422, coded: false },
};

export function failureProblem(failure: ResidentFailure): Problem {
  const { status, coded } = ANSWERS[failure.kind];
  const code = failure.facts.ruleCode ?? (coded ? failure.kind : undefined);
  const { errors, duplicateOf, keepThrough, retentionRule } = failure.facts;
  const answer = problem(status, failure.detail, { ...(code ? { code } : {}), ...(errors ? { errors } : {}) });
  // The facts a client acts on, after the problem's own members.
  return {
    ...answer,
    ...(duplicateOf ? { duplicateOf } : {}),
    ...(keepThrough !== undefined ? { keepThrough } : {}),
    ...(retentionRule ? { retentionRule } : {}),
  } as Problem;
}
