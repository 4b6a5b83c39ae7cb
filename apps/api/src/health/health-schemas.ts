/** What /health answers, for the OpenAPI document. */
import type { SchemaObject } from '@nestjs/swagger';

export const HEALTH_SCHEMAS: Record<string, SchemaObject> = {
  Health: {
    type: 'object',
    required: ['status'],
    properties: {
      status: { type: 'string', enum: ['ok', 'unavailable'] },
      projectionLag: { type: 'integer', minimum: 0, description: 'Events written but not yet in the read models.' },
    },
  },
};
