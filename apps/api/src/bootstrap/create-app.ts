/**
 * The Nest application on Fastify: problem+json for every error (Fastify's own too), one
 * JSON log line per request, a body limit, and the OpenAPI document at /docs.
 */
import { NestFactory } from '@nestjs/core';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AppModule } from '../app.module.js';
import { clientErrorHandler, frameworkErrors } from '../http/framework-errors.js';
import { requireJsonBodies } from '../http/json-only.js';
import { installSecurityHeaders } from '../http/security-headers.js';
import { IMPORTS_PATH } from '../imports/imports-wiring.js';
import { installSafeJsonParser } from '../http/safe-json-body.js';
import { querystringParser, refuseBadQueries } from '../http/strict-query.js';
import { installRequestLog } from '../http/request-log.js';
import { SESSION_COOKIE } from '../people/session-cookie.js';
import { eventTypesDocumentation } from '../residents/event-types-doc.js';
import { RESIDENT_SCHEMAS } from '../residents/resident-schemas.js';
import { serveWebApp } from '../http/web-app.js';
import type { Runtime } from './runtime.js';
import type { AppConfig, Clock } from './tokens.js';

export interface AppOptions {
  /** Where request log lines go (stdout by default). */
  log?: (line: string) => void;
  clock?: Clock;
  /** The built web UI (default apps/web/dist); null serves none. */
  webRoot?: string | null;
}

export async function createApp(runtime: Runtime, config: AppConfig, options: AppOptions = {}): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: config.bodyLimit,
    logger: false,
    querystringParser,
    frameworkErrors,
    clientErrorHandler,
    trustProxy: config.trustProxy ?? false,
  });
  const fastify = adapter.getInstance();
  await fastify.register(fastifyCookie);
  // Before every hook that may answer early (415, 414, 400), so their answers carry the headers too.
  await installSecurityHeaders(fastify, { tls: config.trustProxy ?? false });
  // Files come in on POST /v1/imports only; it reads the one file itself (imports.controller.ts).
  await fastify.register(fastifyMultipart, { limits: { files: 1, fields: 0, parts: 1 } });
  installRequestLog(fastify, options.log);
  refuseBadQueries(fastify);
  requireJsonBodies(fastify, { multipartPaths: [IMPORTS_PATH] });
  installSafeJsonParser(fastify);
  if (options.webRoot !== null) await serveWebApp(fastify, options.webRoot);

  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRuntime(runtime, config, options.clock), adapter, {
    logger: ['error', 'warn'],
    // Bodies go through our own JSON parser only (http/safe-json-body.ts), never Nest's.
    bodyParser: false,
  });
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Zairyu Ledger API')
      .setDescription(`Residence-card lifecycle ledger (api-v1.md).\n\n${eventTypesDocumentation()}`)
      .setVersion('1')
      .addBearerAuth()
      .addCookieAuth(SESSION_COOKIE, {
        type: 'apiKey',
        in: 'cookie',
        description: 'The session of a signed-in person (POST /v1/session); writes also need the X-CSRF-Token header.',
      })
      .addSecurityRequirements('bearer')
      .addSecurityRequirements('cookie')
      .build(),
  );
  document.components = { ...document.components, schemas: { ...document.components?.schemas, ...RESIDENT_SCHEMAS } };
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
  await app.init();
  await fastify.ready();
  return app;
}
