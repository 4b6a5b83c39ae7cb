/** RFC 9457 problem details, the one error body of the API (see http/problem.ts). */
import type { SchemaObject } from '@nestjs/swagger';
import { ref } from './schema-ref.js';

export const PROBLEM_SCHEMAS: Record<string, SchemaObject> = {
  FieldError: {
    type: 'object',
    required: ['field', 'message'],
    properties: {
      field: { type: 'string', description: 'Dotted path of the field at fault (`data.card.number`), a header or a query parameter.' },
      message: { type: 'string' },
      messageJa: { type: 'string', description: 'The message in Japanese, where the endpoint gives one (imports).' },
    },
  },
  Problem: {
    type: 'object',
    required: ['type', 'title', 'status', 'detail'],
    properties: {
      type: { type: 'string', description: '`about:blank`, or a URI naming the stable `code`' },
      title: { type: 'string' },
      status: { type: 'integer' },
      detail: { type: 'string' },
      code: { type: 'string', description: 'Stable UPPER_SNAKE code: clients branch on it, it is never renamed.' },
      errors: { type: 'array', items: ref('FieldError'), description: 'Every field at fault (400).' },
      detailJa: { type: 'string', description: 'The detail in Japanese, where the endpoint gives one (imports and exports).' },
    },
  },
};
