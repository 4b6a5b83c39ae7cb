/**
 * Why a request was refused, said without HTTP. Services, handlers and their helpers throw these;
 * the problem filter (http/failure-problem.ts) is the one place that says which status each kind
 * answers with. A feature with finer reasons of its own names them in a subclass
 * (residents/resident-failure.ts) and says which of these kinds each one is.
 */
import type { FieldError } from '@zairyu/domain';

export type FailureKind =
  /** The request's fields, parameters or body broke their rules (each field's error is kept). */
  | 'INVALID_INPUT'
  /** Nobody is signed in, or the credential is not known or has ended. */
  | 'NOT_SIGNED_IN'
  /** The caller is known but may not do this (role, kind of credential). */
  | 'NOT_PERMITTED'
  /** Nothing of the caller's organisation has this name (another organisation's is not named). */
  | 'NOT_FOUND'
  /** The request collides with what is on record now (in use, already done, running). */
  | 'CONFLICT'
  /** It was there once and will not be again (a used or replaced link, an erased resident). */
  | 'GONE'
  /** The caller named another version than the record's (If-Match). */
  | 'STALE_VERSION'
  /** The upload is larger than the limit. */
  | 'TOO_LARGE'
  /** The body is not in a form this endpoint reads. */
  | 'UNSUPPORTED_MEDIA'
  /** Well formed, but a rule of the domain or of the organisation refuses it. */
  | 'REFUSED'
  /** Too many tries at a secret: wait `retryAfterSeconds`. */
  | 'TOO_MANY_TRIES';

export interface FailureFacts {
  /** The problem's machine-readable code, where the contract names one. */
  code?: string;
  errors?: FieldError[];
  /** The detail in Japanese, where the desk shows it (imports, exports). */
  detailJa?: string;
  retryAfterSeconds?: number;
  /** Facts a client acts on, given after the problem's own members (e.g. `duplicateOf`). */
  more?: Record<string, unknown>;
}

export class Failure extends Error {
  constructor(
    readonly kind: FailureKind,
    readonly detail: string,
    readonly facts: FailureFacts = {},
  ) {
    super(detail);
    this.name = 'Failure';
  }

  /** The same failure with its detail in Japanese as well. */
  inJapanese(detailJa: string): Failure {
    return new Failure(this.kind, this.detail, { ...this.facts, detailJa });
  }
}

export const invalidInput = (detail: string, errors?: FieldError[]) => new Failure('INVALID_INPUT', detail, errors ? { errors } : {});
export const notFound = (what: string) => new Failure('NOT_FOUND', `${what} was not found.`);
export const notPermitted = (detail: string) => new Failure('NOT_PERMITTED', detail);
export const notSignedIn = (detail: string) => new Failure('NOT_SIGNED_IN', detail);
/** Too many tries at a secret, with the whole seconds to wait (at least one). */
export const tooManyTries = (detail: string, waitMs: number) =>
  new Failure('TOO_MANY_TRIES', detail, { code: 'RATE_LIMITED', retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) });
