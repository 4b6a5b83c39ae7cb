/**
 * The OpenAPI document at /docs-json: operations from the controllers' decorators, schemas
 * from the problems', the events' and the features'. To document a new endpoint: @ApiAnswer for
 * its body, @ApiProblems for every error it can answer with, and its schemas in its feature's
 * `<feature>-schemas.ts`, named in the feature's module (`schemas:`). Event types need nothing:
 * their schemas come from the domain's rules.
 */
import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject, type SchemaObject } from '@nestjs/swagger';
import { SESSION_COOKIE } from '../auth/session-cookie.js';
import { eventTypesDocumentation } from './event-types-doc.js';
import { eventSchemas } from './event-schemas.js';
import { PROBLEM_SCHEMAS } from './problem-schemas.js';

/** `featureSchemas`: the named schemas each feature's module declares (bootstrap/feature-module.ts). */
export function apiDocument(app: INestApplication, featureSchemas: ReadonlyArray<Record<string, SchemaObject>>): OpenAPIObject {
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
  const schemas = Object.assign({}, document.components?.schemas, PROBLEM_SCHEMAS, eventSchemas(), ...featureSchemas) as Record<
    string,
    SchemaObject
  >;
  return { ...document, components: { ...document.components, schemas } };
}
