/** What the deadline endpoints answer, for the OpenAPI document (kinds and states from the domain). */
import type { SchemaObject } from '@nestjs/swagger';
import { DEADLINE_KINDS, DEADLINE_STATES, OWED_BY } from '@zairyu/domain';
import { DATE, nullable, ref } from '../openapi/schema-ref.js';

const DEADLINE_FIELDS = {
  id: { type: 'string' },
  residentId: { type: 'string', format: 'uuid' },
  kind: { type: 'string', enum: [...DEADLINE_KINDS] },
  opensOn: nullable(DATE),
  dueOn: { ...DATE, description: 'The last day it is accepted (moved off closed days where the law allows).' },
  statutoryDueOn: { ...DATE, description: 'The last day as the statute counts it.' },
  state: { type: 'string', enum: [...DEADLINE_STATES] },
  metOn: nullable(DATE),
  sourceEventId: { type: 'string' },
  legalBasis: { type: 'string', example: '入管法19条の7第1項' },
  label: {
    type: 'object',
    required: ['ja', 'en'],
    properties: { ja: { type: 'string' }, en: { type: 'string' } },
  },
  owedBy: { type: 'string', enum: [...OWED_BY], description: 'Who must act: the resident, the employer or the support organisation.' },
};

/** Shown only when known, so the read models and the fold agree. */
const OPTIONAL_FIELDS = {
  employer: { type: 'string', nullable: true, description: 'The employer a filing is owed by, when known.' },
};

export const DEADLINE_SCHEMAS: Record<string, SchemaObject> = {
  Deadline: { type: 'object', required: Object.keys(DEADLINE_FIELDS), properties: { ...DEADLINE_FIELDS, ...OPTIONAL_FIELDS } },
  CaseloadDeadline: {
    type: 'object',
    required: [...Object.keys(DEADLINE_FIELDS), 'residentName', 'assignedTo', 'assignedToName'],
    properties: {
      ...DEADLINE_FIELDS,
      ...OPTIONAL_FIELDS,
      residentId: { ...DEADLINE_FIELDS.residentId, nullable: true, description: "null: the organisation's own deadline." },
      residentName: { type: 'string', nullable: true, description: "null: the organisation's own deadline." },
      employerName: { type: 'string', description: 'The name of the employer record `employer` names (or `employer` as written).' },
      assignedTo: {
        type: 'string',
        format: 'uuid',
        nullable: true,
        description: "The user in charge of the resident (null: nobody, or the organisation's own deadline).",
      },
      assignedToName: { type: 'string', nullable: true, description: 'The name of that user.' },
    },
  },
  Deadlines: { type: 'array', items: ref('Deadline') },
  DeadlinePage: {
    type: 'object',
    required: ['items', 'total'],
    properties: { items: { type: 'array', items: ref('CaseloadDeadline') }, total: { type: 'integer', minimum: 0 } },
  },
};
