/**
 * The OpenAPI document at /docs-json: operations from the controllers' decorators, schemas
 * from the lists below. To document a new endpoint: @ApiAnswer for its body, @ApiProblems for
 * every error it can answer with, and its schemas in a `<feature>-schemas.ts` added to
 * SCHEMAS. Event types need nothing: their schemas come from the domain's rules.
 */
import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject, type SchemaObject } from '@nestjs/swagger';
import { CARD_SCHEMAS } from '../cards/card-schemas.js';
import { DEADLINE_SCHEMAS } from '../deadlines/deadline-schemas.js';
import { EMPLOYER_SCHEMAS } from '../employers/employer-schemas.js';
import { HEALTH_SCHEMAS } from '../health/health-schemas.js';
import { IMPORT_SCHEMAS } from '../imports/import-schemas.js';
import { MATTER_SCHEMAS } from '../matters/matter-schemas.js';
import { SESSION_COOKIE } from '../people/session-cookie.js';
import { PEOPLE_SCHEMAS } from '../people/people-schemas.js';
import { PERSONAL_DATA_SCHEMAS } from '../personal-data/personal-data-schemas.js';
import { PLATFORM_SCHEMAS } from '../platform/platform-schemas.js';
import { REMINDER_SCHEMAS } from '../reminders/reminder-schemas.js';
import { eventTypesDocumentation } from '../residents/event-types-doc.js';
import { RESIDENT_SCHEMAS } from '../residents/resident-schemas.js';
import { eventSchemas } from './event-schemas.js';
import { PROBLEM_SCHEMAS } from './problem-schemas.js';

const SCHEMAS: Array<Record<string, SchemaObject>> = [
  PROBLEM_SCHEMAS,
  eventSchemas(),
  RESIDENT_SCHEMAS,
  DEADLINE_SCHEMAS,
  CARD_SCHEMAS,
  PLATFORM_SCHEMAS,
  EMPLOYER_SCHEMAS,
  IMPORT_SCHEMAS,
  PEOPLE_SCHEMAS,
  REMINDER_SCHEMAS,
  PERSONAL_DATA_SCHEMAS,
  HEALTH_SCHEMAS,
  MATTER_SCHEMAS,
];

export function apiDocument(app: INestApplication): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Zairyu Ledger API')
      .setDescription(
        `Residence-card lifecycle ledger. The contract is docs/api-v1.md; errors are application/problem+json.\n\n${eventTypesDocumentation()}`,
      )
      .setVersion('1')
      .addBearerAuth({
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'opaque token',
        description: 'An organisation API key (`zk_…`) or the platform admin token. Opaque, not a JWT.',
      })
      .addCookieAuth(SESSION_COOKIE, {
        type: 'apiKey',
        in: 'cookie',
        description: 'The session of a signed-in person (POST /v1/session); writes also need the X-CSRF-Token header.',
      })
      .addSecurityRequirements('bearer')
      .addSecurityRequirements('cookie')
      .build(),
  );
  const schemas = Object.assign({}, document.components?.schemas, ...SCHEMAS) as Record<string, SchemaObject>;
  return { ...document, components: { ...document.components, schemas } };
}
