/**
 * The rule codes of the domain (docs/domain-rules.md §7) are in the OpenAPI document of
 * POST /events: every one the endpoint can answer with, under the status it answers with.
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { RULE_CODES } from '@zairyu/domain';
import { Api } from '../support/api-harness.js';

let api: Api;
beforeAll(async () => {
  api = await Api.start();
});
afterAll(async () => {
  await api.close();
});

/** The `code` enum of a documented problem+json answer (a Problem with its codes). */
interface DocumentedProblem {
  content: { 'application/problem+json': { schema: { allOf: Array<{ properties?: { code?: { enum?: string[] } } }> } } };
}
function codesOf(response: DocumentedProblem): string[] {
  return response.content['application/problem+json'].schema.allOf.flatMap((part) => part.properties?.code?.enum ?? []);
}

test('POST /v1/residents/{id}/events documents its 422 with every rule code and the card conflict under 409', async () => {
  const document = (await api.http.get('/docs-json').expect(200)).body;
  const responses = document.paths['/v1/residents/{id}/events'].post.responses;
  const unprocessable = codesOf(responses['422']);
  const conflict = codesOf(responses['409']);
  // ALREADY_REGISTERED guards registration (a new id each time), never a recorded fact; a card
  // number held by someone else is a conflict (409), not a broken rule.
  const recordable = RULE_CODES.filter((code) => code !== 'ALREADY_REGISTERED' && code !== 'CARD_NUMBER_IN_USE');
  expect(unprocessable).toEqual(expect.arrayContaining(recordable));
  expect(unprocessable).not.toContain('CARD_NUMBER_IN_USE');
  expect(conflict).toContain('CARD_NUMBER_IN_USE');
  expect(unprocessable).toEqual(
    expect.arrayContaining([
      'PERIOD_TOO_LONG',
      'PERMIT_TOO_LONG',
      'CARD_NOT_HELD',
      'STATUS_NOT_IN_FORCE',
      'CARD_ISSUED_BEFORE_BIRTH',
      'CARD_ISSUED_IN_FUTURE',
    ]),
  );
});
