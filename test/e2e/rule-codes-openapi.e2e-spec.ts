/** The 422 codes of the domain (domain-rules.md §7) are in the OpenAPI document of POST /events. */
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

test('POST /v1/residents/{id}/events documents its 422 with every rule code, the codes of issue 9 among them', async () => {
  const document = (await api.http.get('/docs-json').expect(200)).body;
  const response = document.paths['/v1/residents/{id}/events'].post.responses['422'];
  const codes: string[] = response.content['application/problem+json'].schema.properties.code.enum;
  expect(codes).toEqual([...RULE_CODES]);
  expect(codes).toEqual(
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
