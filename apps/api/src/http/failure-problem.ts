/** Each kind of failure as HTTP: the one place that says which status a refusal answers with. */
import type { Failure, FailureKind } from '../failures/failure.js';
import { problem, type Problem } from './problem.js';

const STATUS: Record<FailureKind, number> = {
  INVALID_INPUT: 400,
  NOT_SIGNED_IN: 401,
  NOT_PERMITTED: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  GONE: 410,
  // A failed precondition (RFC 9110 §13.1.1): the client re-reads and decides.
  STALE_VERSION: 412,
  TOO_LARGE: 413,
  UNSUPPORTED_MEDIA: 415,
  REFUSED: 422,
  TOO_MANY_TRIES: 429,
};

export function failureProblem(failure: Failure): Problem {
  const { code, errors, detailJa, more } = failure.facts;
  const answer = problem(STATUS[failure.kind], failure.detail, { ...(code ? { code } : {}), ...(errors ? { errors } : {}) });
  return { ...answer, ...(detailJa !== undefined ? { detailJa } : {}), ...more };
}
