/**
 * What the resident endpoints answer, for the OpenAPI document. Enumerations come from the
 * domain; the registration body from its rules. test/e2e/openapi.e2e-spec.ts checks real
 * answers against these schemas, so they cannot drift from the code unnoticed.
 */
import type { SchemaObject } from '@nestjs/swagger';
import {
  CARD_KINDS,
  CARD_STATES,
  INVALIDATION_REASONS,
  LAWFUL_BASES,
  MY_NUMBER_FUNCTION_STATES,
  MY_NUMBER_OPTIONS,
  PENDING_KINDS,
  SSW_WARNING_CODES,
  STATUS_CODES,
  STATUS_WARNING_CODES,
  WORK_CATEGORIES,
  registrationSchema,
} from '@zairyu/domain';
import { DATE, nullable, ref } from '../openapi/schema-ref.js';

const PROFILE_FIELDS = ['nameKana', 'nameNative', 'passportNumber', 'passportExpiresOn', 'phone', 'email', 'employer'];

const enumOrNull = (values: readonly string[]) => ({ type: 'string', enum: [...values], nullable: true });

export const RESIDENT_SCHEMAS: Record<string, SchemaObject> = {
  RegisterResident: registrationSchema() as SchemaObject,
  Registered: {
    type: 'object',
    required: ['id', 'version'],
    properties: { id: { type: 'string', format: 'uuid' }, version: { type: 'integer', minimum: 1 } },
  },
  Recorded: {
    type: 'object',
    required: ['eventId', 'version'],
    properties: { eventId: { type: 'string', format: 'uuid' }, version: { type: 'integer', minimum: 1 } },
  },
  BulkAssigned: {
    type: 'object',
    required: ['assignedTo', 'residents'],
    properties: {
      assignedTo: { type: 'string', format: 'uuid', nullable: true },
      residents: {
        type: 'array',
        items: {
          type: 'object',
          required: ['residentId', 'version'],
          properties: { residentId: { type: 'string', format: 'uuid' }, version: { type: 'integer', minimum: 1 } },
        },
      },
    },
  },
  Residence: {
    type: 'object',
    required: ['lawful', 'basis', 'status', 'periodExpiresOn', 'lawfulUntil', 'inJapan'],
    properties: {
      lawful: { type: 'boolean' },
      basis: { type: 'string', enum: [...LAWFUL_BASES] },
      status: enumOrNull(STATUS_CODES),
      periodExpiresOn: nullable(DATE),
      lawfulUntil: nullable(DATE),
      inJapan: { type: 'boolean' },
    },
  },
  CardView: {
    type: 'object',
    required: [
      'number',
      'kind',
      'state',
      'issuedOn',
      'expiresOn',
      'invalidatedOn',
      'invalidationReason',
      'lostOn',
      'myNumberOption',
      'myNumberFunction',
    ],
    properties: {
      number: { type: 'string', nullable: true },
      kind: enumOrNull(CARD_KINDS),
      state: { type: 'string', enum: [...CARD_STATES] },
      issuedOn: nullable(DATE),
      expiresOn: nullable(DATE),
      invalidatedOn: nullable(DATE),
      invalidationReason: enumOrNull(INVALIDATION_REASONS),
      lostOn: nullable(DATE),
      myNumberOption: enumOrNull(MY_NUMBER_OPTIONS),
      myNumberFunction: enumOrNull(MY_NUMBER_FUNCTION_STATES),
    },
  },
  WorkPermission: {
    type: 'object',
    required: ['permission', 'extraActivityHoursPerWeek'],
    properties: {
      permission: { type: 'string', enum: [...WORK_CATEGORIES] },
      extraActivityHoursPerWeek: { type: 'integer', nullable: true },
    },
  },
  StatusWarning: {
    type: 'object',
    required: ['code', 'message'],
    properties: { code: { type: 'string', enum: [...STATUS_WARNING_CODES] }, message: { type: 'string' } },
  },
  ResidentStatus: {
    type: 'object',
    required: ['residentId', 'asOf', 'residence', 'card', 'work', 'warnings'],
    properties: {
      residentId: { type: 'string', nullable: true },
      asOf: DATE,
      residence: ref('Residence'),
      card: ref('CardView'),
      work: ref('WorkPermission'),
      warnings: { type: 'array', items: ref('StatusWarning') },
    },
  },
  ResidentSummary: {
    type: 'object',
    required: [
      'id',
      'fullName',
      'dateOfBirth',
      'nationality',
      'gender',
      'externalRef',
      'notes',
      'assignedTo',
      ...PROFILE_FIELDS,
      'version',
      'status',
      'nextDeadline',
      'closed',
      'pendingApplication',
    ],
    properties: {
      id: { type: 'string', format: 'uuid' },
      fullName: { type: 'string' },
      dateOfBirth: DATE,
      nationality: { type: 'string' },
      gender: { type: 'string', nullable: true },
      externalRef: { type: 'string', nullable: true },
      notes: { type: 'string', nullable: true },
      assignedTo: { type: 'string', format: 'uuid', nullable: true, description: 'The user in charge of the file (CaseAssigned).' },
      assignedToName: {
        type: 'string',
        nullable: true,
        description: 'The name of the user in charge (null when nobody is, or they are not of the organisation).',
      },
      version: { type: 'integer', minimum: 1, description: 'Also the ETag; send it as If-Match.' },
      status: ref('ResidentStatus'),
      nextDeadline: { allOf: [ref('Deadline')], nullable: true, description: 'The first open or overdue deadline.' },
      nameKana: { type: 'string', nullable: true, description: 'The katakana reading.' },
      nameNative: { type: 'string', nullable: true, description: 'The name in its own script.' },
      passportNumber: { type: 'string', nullable: true },
      passportExpiresOn: nullable(DATE),
      phone: { type: 'string', nullable: true },
      email: { type: 'string', nullable: true },
      employer: { type: 'string', nullable: true, description: 'Free text or an employer record id.' },
      closed: { type: 'boolean', description: 'The organisation stopped following the resident (CaseClosed).' },
      pendingApplication: { allOf: [ref('PendingApplication')], nullable: true },
      ssw: { allOf: [ref('SswPanel')], nullable: true, description: 'Null for a resident who never held 特定技能 and has no support.' },
    },
  },
  SswPanel: {
    type: 'object',
    description: 'Specified Skilled Worker (特定技能): docs/ssw-duties.md §8.',
    required: ['field', 'employer', 'supportSince', 'ssw1', 'nextInterviews', 'lastInterviews', 'warnings'],
    properties: {
      field: {
        type: 'object',
        nullable: true,
        required: ['code', 'ja', 'en'],
        properties: { code: { type: 'string' }, ja: { type: 'string' }, en: { type: 'string' } },
      },
      jobCategory: { type: 'string', description: '業務区分 on the 指定書, when recorded (absent otherwise).' },
      employer: { type: 'string', nullable: true },
      supportSince: nullable(DATE),
      ssw1: {
        type: 'object',
        nullable: true,
        description: 'The 5-year count of 特定技能1号 (通算在留期間).',
        required: ['daysCounted', 'daysAllowed', 'daysLeft', 'capReachedOn', 'sixthYear', 'excluded'],
        properties: {
          daysCounted: { type: 'integer' },
          daysAllowed: { type: 'integer' },
          daysLeft: { type: 'integer' },
          capReachedOn: nullable(DATE),
          sixthYear: { type: 'boolean' },
          excluded: {
            type: 'array',
            items: { type: 'object', required: ['from', 'to', 'reason'], properties: { from: DATE, to: DATE, reason: { type: 'string' } } },
          },
        },
      },
      nextInterviews: ref('InterviewDays'),
      lastInterviews: ref('InterviewDays'),
      warnings: {
        type: 'array',
        items: {
          type: 'object',
          required: ['code', 'message'],
          properties: { code: { type: 'string', enum: [...SSW_WARNING_CODES] }, message: { type: 'string' } },
        },
      },
    },
  },
  InterviewDays: {
    type: 'object',
    required: ['worker', 'supervisor'],
    properties: { worker: nullable(DATE), supervisor: nullable(DATE) },
  },
  PendingApplication: {
    type: 'object',
    required: ['type', 'appliedOn', 'receiptNumber', 'daysPending'],
    properties: {
      type: { type: 'string', enum: [...PENDING_KINDS] },
      appliedOn: DATE,
      receiptNumber: { type: 'string', nullable: true, description: '受付番号' },
      daysPending: { type: 'integer', minimum: 0 },
    },
  },
  ResidentPage: {
    type: 'object',
    required: ['items', 'total'],
    properties: { items: { type: 'array', items: ref('ResidentSummary') }, total: { type: 'integer', minimum: 0 } },
  },
  EventHistory: { type: 'array', items: ref('EventRecord') },
  StatusSegment: {
    type: 'object',
    required: ['from', 'status'],
    properties: {
      from: { ...DATE, nullable: true, description: 'The first day of the segment; null before the first fact. It lasts until the next.' },
      status: ref('TimelessStatus'),
    },
  },
  TimelessStatus: {
    type: 'object',
    required: ['residentId', 'residence', 'card', 'work', 'warnings'],
    properties: {
      residentId: { type: 'string', nullable: true },
      residence: ref('Residence'),
      card: ref('CardView'),
      work: ref('WorkPermission'),
      warnings: { type: 'array', items: ref('StatusWarning') },
    },
  },
  ResidentTimeline: {
    type: 'object',
    required: ['residentId', 'segments'],
    properties: { residentId: { type: 'string', format: 'uuid' }, segments: { type: 'array', items: ref('StatusSegment') } },
  },
};
