/** What POST /v1/imports answers, for the OpenAPI document. */
import type { SchemaObject } from '@nestjs/swagger';
import { ref } from '../openapi/schema-ref.js';
import { IMPORT_FIELDS } from './import-template.js';

export const IMPORT_SCHEMAS: Record<string, SchemaObject> = {
  ImportReport: {
    type: 'object',
    required: ['dryRun', 'format', 'encoding', 'rows', 'created', 'updated', 'unchanged', 'errors', 'ignoredColumns', 'results'],
    properties: {
      dryRun: { type: 'boolean', description: 'true: every row judged, nothing written.' },
      format: { type: 'string', enum: ['csv', 'xlsx'] },
      encoding: { type: 'string', enum: ['utf-8', 'shift_jis'], nullable: true, description: 'csv only: how the bytes were read.' },
      rows: { type: 'integer', minimum: 0 },
      created: { type: 'integer', minimum: 0 },
      updated: { type: 'integer', minimum: 0 },
      unchanged: { type: 'integer', minimum: 0 },
      errors: { type: 'integer', minimum: 0 },
      ignoredColumns: { type: 'array', items: { type: 'string' }, description: 'Headers the template does not know (not read).' },
      results: { type: 'array', items: ref('ImportRowResult') },
    },
  },
  ImportRowResult: {
    type: 'object',
    required: ['row', 'status'],
    properties: {
      row: { type: 'integer', minimum: 1, description: 'The row number a spreadsheet program shows (the header is row 1).' },
      status: { type: 'string', enum: ['created', 'updated', 'unchanged', 'error'] },
      residentId: { type: 'string', format: 'uuid' },
      errors: { type: 'array', items: ref('ImportRowError') },
    },
  },
  ImportRowError: {
    type: 'object',
    required: ['column', 'field', 'message'],
    properties: {
      column: { type: 'string', nullable: true, description: 'The column as the file headed it (null: the row as a whole).' },
      field: { type: 'string', enum: [...IMPORT_FIELDS], nullable: true },
      message: { type: 'string' },
      code: { type: 'string', description: 'A rule code (PERIOD_TOO_LONG, CARD_NUMBER_IN_USE, POSSIBLE_DUPLICATE, …).' },
    },
  },
};
