/** What the people, session and invitation endpoints answer, for the OpenAPI document. */
import type { SchemaObject } from '@nestjs/swagger';
import { ROLES } from '../auth/principal.js';
import { INSTANT, nullable, ref } from '../openapi/schema-ref.js';
import { SECURITY_EVENT_KINDS } from './security-log.js';

/** Who a person is, as both their own view (Me) and the organisation's list (User) give it. */
const PERSON_FIELDS = {
  id: { type: 'string', format: 'uuid' },
  name: { type: 'string' },
  email: { type: 'string' },
  role: { type: 'string', enum: [...ROLES] },
};

const SESSION_FIELDS = {
  id: { type: 'string', format: 'uuid' },
  createdAt: INSTANT,
  lastSeenAt: INSTANT,
  expiresAt: { ...INSTANT, description: 'The latest it ends (12 hours after sign-in); 30 minutes idle end it sooner.' },
  address: { type: 'string', nullable: true },
  userAgent: { type: 'string', nullable: true },
};

export const PEOPLE_SCHEMAS: Record<string, SchemaObject> = {
  SignedIn: {
    type: 'object',
    required: ['csrfToken'],
    properties: { csrfToken: { type: 'string', description: 'Send it as X-CSRF-Token with every write that uses the cookie.' } },
  },
  Me: {
    type: 'object',
    required: ['id', 'name', 'email', 'role', 'organisationId', 'csrfToken', 'totpEnabled', 'totpRequired', 'recoveryCodesLeft'],
    properties: {
      ...PERSON_FIELDS,
      organisationId: { type: 'string', format: 'uuid' },
      csrfToken: { type: 'string', nullable: true, description: 'null when the call did not come with the session cookie.' },
      totpEnabled: { type: 'boolean' },
      totpRequired: { type: 'boolean', description: 'The organisation requires TOTP of everyone.' },
      recoveryCodesLeft: { type: 'integer', minimum: 0 },
    },
  },
  Session: { type: 'object', required: Object.keys(SESSION_FIELDS), properties: SESSION_FIELDS },
  Sessions: { type: 'array', items: ref('Session') },
  MySession: {
    type: 'object',
    required: [...Object.keys(SESSION_FIELDS), 'current'],
    properties: { ...SESSION_FIELDS, current: { type: 'boolean', description: 'The session of this request.' } },
  },
  MySessions: { type: 'array', items: ref('MySession') },
  TotpEnrolment: {
    type: 'object',
    required: ['secret', 'otpauthUrl'],
    properties: {
      secret: { type: 'string', description: 'Base32; shown this once.' },
      otpauthUrl: { type: 'string', description: 'otpauth:// URL for a QR code.' },
    },
  },
  RecoveryCodes: {
    type: 'object',
    required: ['recoveryCodes'],
    properties: { recoveryCodes: { type: 'array', items: { type: 'string' }, description: 'Single-use; shown this once.' } },
  },
  AccessLink: {
    type: 'object',
    required: ['name', 'email', 'organisationName', 'purpose', 'expiresAt'],
    properties: {
      name: { type: 'string' },
      email: { type: 'string' },
      organisationName: { type: 'string' },
      purpose: { type: 'string', enum: ['invitation', 'reset'] },
      expiresAt: INSTANT,
    },
  },
  Invitation: {
    type: 'object',
    required: ['id', 'inviteUrl', 'expiresAt', 'mailed'],
    properties: {
      id: { type: 'string', format: 'uuid', description: 'The user invited.' },
      inviteUrl: {
        type: 'string',
        nullable: true,
        description:
          "The one-time link (shown once; the token is in the fragment). null when it was mailed to the person alone: another manager's reset of access.",
      },
      expiresAt: INSTANT,
      mailed: { type: 'boolean', description: 'Also sent by e-mail (SMTP_URL set).' },
    },
  },
  User: {
    type: 'object',
    required: ['id', 'name', 'email', 'role', 'disabled', 'invitationPending', 'totpEnabled', 'createdAt', 'lastSignInAt'],
    properties: {
      ...PERSON_FIELDS,
      disabled: { type: 'boolean' },
      invitationPending: { type: 'boolean', description: 'No password set yet from the invitation (or reset) link.' },
      totpEnabled: { type: 'boolean' },
      createdAt: INSTANT,
      lastSignInAt: nullable(INSTANT),
    },
  },
  Users: { type: 'array', items: ref('User') },
  Assignees: {
    type: 'array',
    items: {
      type: 'object',
      required: ['id', 'name'],
      properties: { id: { type: 'string', format: 'uuid' }, name: { type: 'string' } },
    },
  },
  SignInPolicy: { type: 'object', required: ['requireTotp'], properties: { requireTotp: { type: 'boolean' } } },
  SecurityEvent: {
    type: 'object',
    required: ['id', 'at', 'kind', 'actor', 'actorName', 'address', 'subject', 'detail'],
    properties: {
      id: { type: 'string' },
      at: INSTANT,
      kind: { type: 'string', enum: [...SECURITY_EVENT_KINDS] },
      actor: { type: 'string', description: '`user:<id>`, `key:<id>`, `admin` or `anonymous`.' },
      actorName: { type: 'string', nullable: true },
      address: { type: 'string', nullable: true },
      subject: { type: 'string', nullable: true, description: 'What it was done to: `user:<id>`, `key:<id>`, `resident:<id>`, …' },
      detail: { type: 'object', additionalProperties: true },
    },
  },
  SecurityLogPage: {
    type: 'object',
    required: ['items', 'total'],
    properties: { items: { type: 'array', items: ref('SecurityEvent') }, total: { type: 'integer', minimum: 0 } },
  },
};
