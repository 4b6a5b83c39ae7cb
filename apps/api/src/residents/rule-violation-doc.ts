/**
 * The 422 of POST /events in the OpenAPI document: a problem+json whose `code` is one of the
 * domain's stable rule codes (domain-rules.md §7), listed from the domain so a new code shows.
 */
import type { ApiResponseOptions } from '@nestjs/swagger';
import { RULE_CODES } from '@zairyu/domain';

export const RULE_VIOLATION_RESPONSE: ApiResponseOptions = {
  description: 'The fact breaks a rule of the domain (application/problem+json with a stable code)',
  content: {
    'application/problem+json': {
      schema: {
        type: 'object',
        required: ['type', 'title', 'status', 'code'],
        properties: {
          type: { type: 'string' },
          title: { type: 'string' },
          status: { type: 'integer', enum: [422] },
          detail: { type: 'string' },
          code: { type: 'string', enum: [...RULE_CODES] },
        },
      },
    },
  },
};
