/**
 * Why a command about a resident was refused, said without HTTP. The handlers and their helpers
 * throw these; each reason is one of the general kinds of failures/failure.ts (the problem filter
 * gives the status) and says whether it is the problem's code.
 */
import type { FieldError, LocalDate, Rejection } from '@zairyu/domain';
import { Failure, type FailureKind } from '../failures/failure.js';

export type ResidentFailureKind =
  /** No resident of the caller's organisation has this id (another organisation's is not named). */
  | 'RESIDENT_NOT_FOUND'
  /** The body broke the domain's rules for its fields (each field's error is kept). */
  | 'INVALID_INPUT'
  /** If-Match named another version than the resident's. */
  | 'STALE_VERSION'
  /** With If-Match, another process wrote the resident while this was being recorded. */
  | 'CHANGED_MEANWHILE'
  /** Without If-Match, other writers kept winning the race, every attempt. */
  | 'CONCURRENT_CHANGE'
  | 'IDEMPOTENCY_KEY_REUSED'
  | 'RESIDENT_HISTORY_FULL'
  | 'CARD_NUMBER_IN_USE'
  | 'RESIDENT_ERASED'
  | 'POSSIBLE_DUPLICATE'
  /** The person named to be in charge is not an enabled caseworker or manager of the organisation. */
  | 'ASSIGNEE_NOT_IN_ORGANISATION'
  /** A retention rule still holds the records an erasure would make unreadable. */
  | 'RETENTION_HOLDS'
  /** The resident's stored history cannot be read or folded (damaged in the database): nothing is shown or recorded until it is repaired. */
  | 'RESIDENT_UNREADABLE'
  /** The domain's decider refused the fact (its rule code is kept). */
  | 'RULE_BROKEN';

export interface ResidentFailureFacts {
  ruleCode?: string;
  errors?: FieldError[];
  duplicateOf?: string;
  /** The last day the records must be kept (null: while support goes on). */
  keepThrough?: LocalDate | null;
  /** Which retention rule holds them (record-retention.ts), so a client can say why in its own language. */
  retentionRule?: string;
  /** Which of several facts written together broke the rule (0: the first). */
  at?: number;
}

const KINDS: Record<ResidentFailureKind, { kind: FailureKind; coded: boolean }> = {
  RESIDENT_NOT_FOUND: { kind: 'NOT_FOUND', coded: false },
  INVALID_INPUT: { kind: 'INVALID_INPUT', coded: false },
  // A failed precondition is bare: the client re-reads and decides.
  STALE_VERSION: { kind: 'STALE_VERSION', coded: false },
  CHANGED_MEANWHILE: { kind: 'STALE_VERSION', coded: false },
  CONCURRENT_CHANGE: { kind: 'CONFLICT', coded: true },
  IDEMPOTENCY_KEY_REUSED: { kind: 'REFUSED', coded: true },
  RESIDENT_HISTORY_FULL: { kind: 'REFUSED', coded: true },
  CARD_NUMBER_IN_USE: { kind: 'CONFLICT', coded: true },
  RESIDENT_ERASED: { kind: 'GONE', coded: true },
  POSSIBLE_DUPLICATE: { kind: 'CONFLICT', coded: true },
  ASSIGNEE_NOT_IN_ORGANISATION: { kind: 'REFUSED', coded: true },
  RETENTION_HOLDS: { kind: 'CONFLICT', coded: true },
  RESIDENT_UNREADABLE: { kind: 'CONFLICT', coded: true },
  // Coded with the rule's own code (docs/domain-rules.md).
  RULE_BROKEN: { kind: 'REFUSED', coded: false },
};

export class ResidentFailure extends Failure {
  constructor(
    readonly reason: ResidentFailureKind,
    detail: string,
    readonly residentFacts: ResidentFailureFacts = {},
  ) {
    const { kind, coded } = KINDS[reason];
    const { ruleCode, errors, duplicateOf, keepThrough, retentionRule } = residentFacts;
    const code = ruleCode ?? (coded ? reason : undefined);
    super(kind, detail, {
      ...(code ? { code } : {}),
      ...(errors ? { errors } : {}),
      more: {
        ...(duplicateOf ? { duplicateOf } : {}),
        ...(keepThrough !== undefined ? { keepThrough } : {}),
        ...(retentionRule ? { retentionRule } : {}),
      },
    });
    this.name = 'ResidentFailure';
  }

  static rejected(rejection: Rejection, at?: number): ResidentFailure {
    const which = at === undefined ? {} : { at };
    return rejection.code === 'CARD_NUMBER_IN_USE'
      ? new ResidentFailure('CARD_NUMBER_IN_USE', rejection.message, which)
      : new ResidentFailure('RULE_BROKEN', rejection.message, { ruleCode: rejection.code, ...which });
  }

  static notFound(): ResidentFailure {
    return new ResidentFailure('RESIDENT_NOT_FOUND', 'Resident was not found.');
  }
}
