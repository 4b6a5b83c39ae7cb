import type { Rejection } from '@zairyu/domain';
import { problem, ProblemException } from '../http/problem.js';

/** Field errors are 400; rule violations 422 with their stable code, uniqueness 409. */
export function rejectionProblem(rejection: Rejection): ProblemException {
  if (rejection.kind === 'invalid') return new ProblemException(problem(400, 'The request is not valid.', { errors: rejection.errors }));
  const status = rejection.code === 'CARD_NUMBER_IN_USE' ? 409 : 422;
  return new ProblemException(problem(status, rejection.message, { code: rejection.code }));
}
