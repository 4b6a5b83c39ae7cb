/** What the reminder, notification and webhook endpoints answer, for the OpenAPI document. */
import type { SchemaObject } from '@nestjs/swagger';
import { INSTANT, ref } from '../openapi/schema-ref.js';

const WEBHOOK_FIELDS = {
  id: { type: 'string', format: 'uuid' },
  url: { type: 'string' },
  createdAt: INSTANT,
  failingSince: { ...INSTANT, nullable: true },
  disabledAt: { ...INSTANT, nullable: true, description: 'Set after a day of failed deliveries.' },
};

export const REMINDER_SCHEMAS: Record<string, SchemaObject> = {
  ReminderSettings: {
    type: 'object',
    required: ['enabled', 'language', 'sendAt', 'skipClosedDays', 'leadDays', 'scope'],
    properties: {
      enabled: { type: 'boolean' },
      language: { type: 'string', enum: ['ja', 'en'] },
      sendAt: { type: 'string', pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$', description: 'Japan time, HH:MM.' },
      skipClosedDays: { type: 'boolean' },
      leadDays: {
        type: 'object',
        additionalProperties: { type: 'array', items: { type: 'integer', minimum: 0, maximum: 366 } },
        description: 'Days before the due day, by deadline kind; kinds not given keep their defaults.',
      },
      scope: {
        type: 'string',
        enum: ['caseload', 'mine'],
        description: "mine: only residents assigned to me (managers also get the organisation's own deadlines).",
      },
    },
  },
  Notification: {
    type: 'object',
    required: ['day', 'items', 'deliveredBy', 'subject', 'body', 'createdAt'],
    properties: {
      day: { type: 'string', format: 'date' },
      items: { type: 'integer', minimum: 1 },
      deliveredBy: { type: 'string', enum: ['smtp', 'log', 'none'], description: 'smtp: mailed; log/none: kept for the UI only.' },
      subject: { type: 'string', nullable: true },
      body: { type: 'string', nullable: true },
      createdAt: INSTANT,
    },
  },
  Notifications: { type: 'array', items: ref('Notification') },
  Webhook: { type: 'object', required: Object.keys(WEBHOOK_FIELDS), properties: WEBHOOK_FIELDS },
  Webhooks: { type: 'array', items: ref('Webhook') },
  IssuedWebhook: {
    type: 'object',
    required: [...Object.keys(WEBHOOK_FIELDS), 'secret'],
    properties: { ...WEBHOOK_FIELDS, secret: { type: 'string', description: 'The signing secret (`whsec_…`), shown once.' } },
  },
  WebhookDelivery: {
    type: 'object',
    required: ['eventId', 'type', 'attempts', 'outcome', 'deliveredAt', 'createdAt'],
    properties: {
      eventId: { type: 'string' },
      type: { type: 'string', enum: ['deadline.reminder', 'deadline.overdue', 'deadline.window_opens'] },
      attempts: { type: 'integer', minimum: 0 },
      outcome: {
        type: 'string',
        enum: ['delivered', 'failed', 'pending'],
        description: 'failed: the last attempt was not taken (what the target answered is not shown); pending: not tried yet.',
      },
      deliveredAt: { ...INSTANT, nullable: true },
      createdAt: INSTANT,
    },
  },
  WebhookDeliveries: { type: 'array', items: ref('WebhookDelivery') },
};
