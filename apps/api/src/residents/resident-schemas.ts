/**
 * The bodies of registration and of POST /events in the OpenAPI document, from the domain's
 * lists (the domain checks them: parseRegistration, parseRecordableEvent).
 */
import type { SchemaObject } from '@nestjs/swagger';
import { RECORDABLE_EVENT_TYPES } from '@zairyu/domain';

export const RESIDENT_SCHEMAS: Record<string, SchemaObject> = {
  RegisterResident: {
    type: 'object',
    required: ['fullName', 'dateOfBirth', 'nationality'],
    additionalProperties: false,
    properties: {
      fullName: { type: 'string', maxLength: 200, example: 'NGUYEN VAN AN', description: 'As on the passport / card.' },
      dateOfBirth: { type: 'string', format: 'date', example: '1998-07-21' },
      nationality: { type: 'string', pattern: '^[A-Z]{3}$', example: 'VNM', description: 'ISO 3166-1 alpha-3' },
      gender: { type: 'string', maxLength: 32 },
      externalRef: { type: 'string', maxLength: 100, description: 'Your own reference for the client' },
      notes: { type: 'string', maxLength: 2000 },
      nameKana: { type: 'string', maxLength: 200, example: 'グエン・ヴァン・アン', description: 'Katakana reading (フリガナ)' },
      nameNative: { type: 'string', maxLength: 200, example: 'Nguyễn Văn An', description: 'The name in its own script' },
      passportNumber: { type: 'string', maxLength: 20 },
      passportExpiresOn: { type: 'string', format: 'date' },
      phone: { type: 'string', maxLength: 30 },
      email: { type: 'string', maxLength: 200 },
      assignedTo: { type: 'string', maxLength: 100, description: 'A user id of the organisation: the caseworker in charge' },
      employer: { type: 'string', maxLength: 200, description: 'Free text or an employer record id (所属機関)' },
    },
  },
  RecordEvent: {
    type: 'object',
    required: ['type', 'occurredOn'],
    additionalProperties: false,
    properties: {
      type: {
        type: 'string',
        enum: [...RECORDABLE_EVENT_TYPES],
        description: 'The fact recorded; its `data` is described under each type.',
      },
      occurredOn: {
        type: 'string',
        format: 'date',
        example: '2026-04-01',
        description: 'The legal date of the fact (Japan time); not in the future, not before birth.',
      },
      data: { type: 'object', description: 'Fields of the event type; {} when it has none.' },
    },
  },
};
