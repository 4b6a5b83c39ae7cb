/** What POST /v1/imports answers, for the OpenAPI document. */
import type { SchemaObject } from '@nestjs/swagger';
import { ref } from '../openapi/schema-ref.js';
import { IMPORT_FIELDS } from './import-template.js';

export const IMPORT_SCHEMAS: Record<string, SchemaObject> = {
  ImportReport: {
    type: 'object',
    required: [
      'dryRun',
      'format',
      'encoding',
      'rows',
      'created',
      'updated',
      'unchanged',
      'errors',
      'ignoredColumns',
      'columns',
      'headerRow',
      'summaryJa',
      'results',
    ],
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
      columns: {
        type: 'array',
        description: 'Each column read: the header as the file wrote it, its field, and its name in the template (Japanese).',
        items: {
          type: 'object',
          required: ['column', 'field', 'columnJa'],
          properties: { column: { type: 'string' }, field: { type: 'string', enum: [...IMPORT_FIELDS] }, columnJa: { type: 'string' } },
        },
      },
      headerRow: { type: 'integer', minimum: 1, description: 'The row that named the columns (title rows above it are skipped).' },
      summaryJa: { type: 'string', description: 'The counts in one Japanese sentence.' },
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
      warnings: {
        type: 'array',
        items: ref('ImportRowError'),
        description:
          'Imported all the same, but worth a look: ASSIGNEE_UNKNOWN (担当 names nobody: unassigned), LETTERS_LOST (a Shift_JIS save lost letters of a name), the 5-year count taken from 入国日.',
      },
      employer: {
        type: 'object',
        required: ['name', 'match'],
        description:
          'The employer record 所属機関 names: `existing` (matched by 法人番号, else by name) or `new` (created by the real run).',
        properties: {
          name: { type: 'string' },
          match: { type: 'string', enum: ['new', 'existing'] },
          id: { type: 'string', format: 'uuid', description: 'The record (absent for a new employer in a dry run).' },
        },
      },
    },
  },
  ImportRowError: {
    type: 'object',
    required: ['column', 'columnJa', 'field', 'message', 'messageJa'],
    properties: {
      column: { type: 'string', nullable: true, description: 'The column as the file headed it (null: the row as a whole).' },
      columnJa: { type: 'string', nullable: true, description: "The column's name in the template (Japanese)." },
      field: { type: 'string', enum: [...IMPORT_FIELDS], nullable: true },
      message: { type: 'string' },
      messageJa: { type: 'string', description: 'The message in Japanese.' },
      code: { type: 'string', description: 'A rule code (PERIOD_TOO_LONG, CARD_NUMBER_IN_USE, POSSIBLE_DUPLICATE, …).' },
    },
  },
};
