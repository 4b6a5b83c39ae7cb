import { describe, expect, test } from '@jest/globals';
import { Failure, invalidInput, notFound, tooManyTries } from '../failures/failure.js';
import { ResidentFailure } from '../residents/resident-failure.js';
import { failureProblem } from './failure-problem.js';

describe('a failure as a problem', () => {
  test('each kind answers with its status; the code names the type', () => {
    expect(failureProblem(new Failure('CONFLICT', 'In use.', { code: 'EMAIL_IN_USE' }))).toEqual({
      type: 'https://zairyu-ledger.dev/problems/email-in-use',
      title: 'Conflict',
      status: 409,
      detail: 'In use.',
      code: 'EMAIL_IN_USE',
    });
    expect(failureProblem(notFound('Employer'))).toEqual({
      type: 'about:blank',
      title: 'Not Found',
      status: 404,
      detail: 'Employer was not found.',
    });
    expect(failureProblem(new Failure('STALE_VERSION', 'Stale.')).status).toBe(412);
    expect(failureProblem(new Failure('GONE', 'Used.', { code: 'LINK_USED' })).status).toBe(410);
    expect(failureProblem(tooManyTries('Wait.', 1)).status).toBe(429);
  });

  test('field errors and the Japanese detail are kept; a failure said again in Japanese keeps its kind', () => {
    const failure = invalidInput('Bad.', [{ field: 'x', message: 'is required' }]).inJapanese('不正です。');
    expect(failureProblem(failure)).toMatchObject({
      status: 400,
      errors: [{ field: 'x', message: 'is required' }],
      detailJa: '不正です。',
    });
  });

  test('too many tries waits at least a whole second', () => {
    expect(tooManyTries('Wait.', 1).facts.retryAfterSeconds).toBe(1);
    expect(tooManyTries('Wait.', 2_001).facts.retryAfterSeconds).toBe(3);
  });

  test('a resident failure answers with its reason as code (or its rule’s) and the facts a client acts on', () => {
    expect(failureProblem(new ResidentFailure('POSSIBLE_DUPLICATE', 'Maybe.', { duplicateOf: 'r-1' }))).toMatchObject({
      status: 409,
      code: 'POSSIBLE_DUPLICATE',
      duplicateOf: 'r-1',
    });
    expect(failureProblem(new ResidentFailure('RULE_BROKEN', 'No.', { ruleCode: 'CARD_EXPIRED' }))).toMatchObject({
      status: 422,
      code: 'CARD_EXPIRED',
    });
    expect(failureProblem(new ResidentFailure('STALE_VERSION', 'Stale.'))).not.toHaveProperty('code');
    expect(failureProblem(ResidentFailure.notFound()).status).toBe(404);
  });
});
