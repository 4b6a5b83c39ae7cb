/** What the organisation endpoints answer, for the OpenAPI document. */
import type { SchemaObject } from '@nestjs/swagger';
import { INSTANT, ref } from '../openapi/schema-ref.js';
import { ROLES } from '../auth/principal.js';
import { ORGANISATION_KINDS } from './organisation.entity.js';

export const PLATFORM_SCHEMAS: Record<string, SchemaObject> = {
  ListedApiKey: {
    type: 'object',
    required: ['id', 'label', 'role', 'createdAt', 'lastUsedAt'],
    properties: {
      id: { type: 'string' },
      label: { type: 'string' },
      role: { type: 'string', enum: [...ROLES] },
      createdAt: INSTANT,
      lastUsedAt: { ...INSTANT, nullable: true, description: 'Written at most once a minute per key and process.' },
    },
  },
  ListedApiKeys: { type: 'array', items: ref('ListedApiKey') },
  ListedCalendarToken: {
    type: 'object',
    required: ['id', 'createdAt', 'lastUsedAt'],
    properties: { id: { type: 'string' }, createdAt: INSTANT, lastUsedAt: { ...INSTANT, nullable: true } },
  },
  ListedCalendarTokens: { type: 'array', items: ref('ListedCalendarToken') },
  Organisation: {
    type: 'object',
    required: ['id', 'name', 'kind'],
    properties: {
      id: { type: 'string', format: 'uuid' },
      name: { type: 'string' },
      kind: { type: 'string', enum: [...ORGANISATION_KINDS] },
      firstManager: { allOf: [ref('Invitation')], description: 'When the body named a first manager: their one-time link.' },
    },
  },
  SetupState: {
    type: 'object',
    required: ['needed'],
    properties: { needed: { type: 'boolean', description: 'No organisation exists yet: create the first one with the admin token.' } },
  },
  IssuedApiKey: {
    type: 'object',
    required: ['id', 'key', 'role', 'label'],
    properties: {
      id: { type: 'string' },
      key: { type: 'string', description: 'Shown once; only its hash is kept.' },
      role: { type: 'string', enum: [...ROLES] },
      label: { type: 'string' },
    },
  },
  IssuedCalendarToken: {
    type: 'object',
    required: ['id', 'token', 'url'],
    properties: {
      id: { type: 'string' },
      token: { type: 'string', description: 'Shown once; only its hash is kept.' },
      url: { type: 'string', description: 'The feed URL with the token.' },
    },
  },
};
