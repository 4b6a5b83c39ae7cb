import type { Rejection } from '@zairyu/domain';
import { problem, ProblemException } from '../http/problem.js';

/** Rule violations are 422 with their stable code; a card number held by another resident 409. */
export function rejectionProblem(rejection: Rejection): ProblemException {
  const status = rejection.code === 'CARD_NUMBER_IN_USE' ? 409 : 422;
  return new ProblemException(problem(status, rejection.message, { code: rejection.code }));
}
