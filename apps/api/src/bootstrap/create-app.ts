/**
 * The Nest application on Fastify: problem+json for every error (Fastify's own too), one
 * JSON log line per request, a body limit, and the OpenAPI document at /docs.
 */
import { NestFactory } from '@nestjs/core';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import { AppModule } from '../app.module.js';
import { clientErrorHandler, frameworkErrors } from '../http/framework-errors.js';
import { requireJsonBodies } from '../http/json-only.js';
import { DEFAULT_RATE_LIMITS } from '../http/rate-limit-config.js';
import { installRateLimits } from '../http/rate-limits.js';
import { installSecurityHeaders } from '../http/security-headers.js';
import { FEATURES } from '../features.js';
import { IMPORTS_PATH } from '../imports/imports.module.js';
import { schemasOf } from './feature-module.js';
import { installSafeJsonParser } from '../http/safe-json-body.js';
import { querystringParser, refuseBadQueries } from '../http/strict-query.js';
import { installRequestLog } from '../http/request-log.js';
import { serveWebApp } from '../http/web-app.js';
import { apiDocument } from '../openapi/api-document.js';
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
  const proxies = config.trustProxy ?? 0;
  const adapter = new FastifyAdapter({
    bodyLimit: config.bodyLimit,
    logger: false,
    querystringParser,
    frameworkErrors,
    clientErrorHandler,
    // Our `proxies` nearest hops are believed, the next address to the left is the client's (what
    // Fastify does with a number, which Nest's adapter type does not take). Never `true`: that
    // takes the left-most X-Forwarded-For, which the client writes itself.
    trustProxy: proxies > 0 ? (_address: string, hop: number) => hop < proxies : false,
  });
  const fastify = adapter.getInstance();
  await fastify.register(fastifyCookie);
  // Before every hook that may answer early (415, 414, 400), so their answers carry the headers too.
  await installSecurityHeaders(fastify, { tls: proxies > 0 });
  // Files come in on POST /v1/imports only; it reads the one file itself (imports.controller.ts).
  await fastify.register(fastifyMultipart, { limits: { files: 1, fields: 0, parts: 1 } });
  installRequestLog(fastify, options.log);
  // Before the hooks that read bodies or queries: a client over its budget costs next to nothing.
  await installRateLimits(fastify, { ...DEFAULT_RATE_LIMITS, ...config.rateLimits });
  refuseBadQueries(fastify);
  requireJsonBodies(fastify, { multipartPaths: [IMPORTS_PATH] });
  installSafeJsonParser(fastify);
  if (options.webRoot !== null) await serveWebApp(fastify, options.webRoot);

  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRuntime(runtime, config, options.clock), adapter, {
    logger: ['error', 'warn'],
    // Bodies go through our own JSON parser only (http/safe-json-body.ts), never Nest's.
    bodyParser: false,
  });
  const document = apiDocument(app, schemasOf(FEATURES));
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
  await app.init();
  await fastify.ready();
  return app;
}
