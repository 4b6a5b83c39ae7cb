/** What the disclosure and erasure endpoints answer, for the OpenAPI document. */
import type { SchemaObject } from '@nestjs/swagger';
import { ERASURE_REASONS } from '@zairyu/resident-streams';
import { DATE, INSTANT, ref } from '../openapi/schema-ref.js';

export const PERSONAL_DATA_SCHEMAS: Record<string, SchemaObject> = {
  Disclosure: {
    type: 'object',
    required: ['exportedAt', 'asOf', 'resident', 'status', 'deadlines', 'events'],
    properties: {
      exportedAt: INSTANT,
      asOf: DATE,
      resident: ref('ResidentSummary'),
      status: ref('ResidentStatus'),
      deadlines: ref('Deadlines'),
      events: ref('EventHistory'),
    },
  },
  Erased: {
    type: 'object',
    required: ['residentId', 'erasedOn', 'reason'],
    properties: {
      residentId: { type: 'string', format: 'uuid' },
      erasedOn: DATE,
      reason: { type: 'string', enum: [...ERASURE_REASONS] },
    },
  },
};
