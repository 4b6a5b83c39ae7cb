/** What /health and the projection's quarantine answer, for the OpenAPI document. */
import type { SchemaObject } from '@nestjs/swagger';

const QUARANTINED_FIELDS: Record<string, SchemaObject> = {
  residentId: { type: 'string' },
  version: { type: 'integer', nullable: true, description: 'The stream’s last version when it failed (null: it could not be read).' },
  error: { type: 'string', description: 'Why its events could not be projected (SQLSTATE or error name, and message).' },
  since: { type: 'string', format: 'date-time', description: 'When it last failed.' },
};

export const HEALTH_SCHEMAS: Record<string, SchemaObject> = {
  Health: {
    type: 'object',
    required: ['status'],
    properties: {
      status: {
        type: 'string',
        enum: ['ok', 'degraded', 'unavailable'],
        description: 'degraded: serving, but some residents’ events cannot be projected (listed in quarantined).',
      },
      projectionLag: { type: 'integer', minimum: 0, description: 'Events written but not yet in the read models.' },
      quarantined: {
        type: 'object',
        required: ['total', 'residents'],
        description: 'Only when degraded: the residents left out of the read models (the first 20), oldest first.',
        properties: {
          total: { type: 'integer', minimum: 1 },
          residents: {
            type: 'array',
            items: { type: 'object', required: ['residentId', 'version', 'error', 'since'], properties: QUARANTINED_FIELDS },
          },
        },
      },
    },
  },
  ProjectionQuarantine: {
    type: 'object',
    required: ['total', 'items'],
    properties: {
      total: { type: 'integer', minimum: 0 },
      items: {
        type: 'array',
        items: {
          type: 'object',
          required: ['residentId', 'organisationId', 'version', 'error', 'since'],
          properties: { ...QUARANTINED_FIELDS, organisationId: { type: 'string', nullable: true } },
        },
      },
    },
  },
};
