/** What the card look-up answers, for the OpenAPI document. */
import type { SchemaObject } from '@nestjs/swagger';
import { CARD_KINDS, CARD_STATES, INVALIDATION_REASONS } from '@zairyu/domain';
import { DATE, nullable } from '../openapi/schema-ref.js';

export const CARD_SCHEMAS: Record<string, SchemaObject> = {
  CardLookup: {
    type: 'object',
    required: ['number', 'residentId', 'state', 'kind', 'issuedOn', 'expiresOn', 'invalidatedOn', 'invalidationReason'],
    properties: {
      number: { type: 'string' },
      residentId: { type: 'string', format: 'uuid' },
      state: { type: 'string', enum: [...CARD_STATES] },
      kind: { type: 'string', enum: [...CARD_KINDS], nullable: true },
      issuedOn: nullable(DATE),
      expiresOn: nullable(DATE),
      invalidatedOn: nullable(DATE),
      invalidationReason: { type: 'string', enum: [...INVALIDATION_REASONS], nullable: true },
    },
  },
};
