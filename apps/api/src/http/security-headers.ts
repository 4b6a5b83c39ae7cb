/**
 * Security headers on every response (helmet), and no caching of anything personal.
 *
 * - `Cache-Control: no-store` on every /v1 answer and /health: residents' names, card numbers
 *   and the calendar feed must stay out of browser, proxy and CDN caches. Static files
 *   (the web UI's hashed assets, Swagger UI) keep their own caching.
 * - `Referrer-Policy: no-referrer`: the feed token travels in a URL and must not leak onward.
 * - `X-Content-Type-Options: nosniff`, frame-ancestors 'none', and one Content-Security-Policy
 *   for /docs (Swagger UI: its own scripts, an inline <style>, data: images) and the web UI
 *   (Vite's bundle: scripts from 'self' only, never inline; Mantine writes its CSS variables in
 *   a <style> element, hence style-src 'unsafe-inline' — styles, not scripts).
 * - HSTS and upgrade-insecure-requests only where the server is reached over TLS: behind a
 *   proxy (TRUST_PROXY) that terminates it. On plain http://localhost they would break the UI.
 */
import helmet from 'helmet';
import type { FastifyInstance } from 'fastify';

export interface SecurityHeaderOptions {
  /** Reached over HTTPS (TRUST_PROXY: a TLS-terminating proxy in front). */
  tls: boolean;
}

export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  baseUri: ["'self'"],
  objectSrc: ["'none'"],
  frameAncestors: ["'none'"],
  formAction: ["'self'"],
  scriptSrc: ["'self'"],
  scriptSrcAttr: ["'none'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
};

const PRIVATE = /^\/(v1|health)(\/|\?|\.|$)/;

export async function installSecurityHeaders(fastify: FastifyInstance, { tls }: SecurityHeaderOptions): Promise<void> {
  // helmet's middleware, made once: @fastify/helmet made it again for every request (2 % of the
  // API's CPU under load, most of it parsing the same policy).
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: { ...CONTENT_SECURITY_POLICY, ...(tls ? { upgradeInsecureRequests: [] } : {}) },
    },
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: tls ? { maxAge: 365 * 24 * 60 * 60, includeSubDomains: true } : false,
  });
  fastify.addHook('onRequest', (request, reply, done) => {
    if (PRIVATE.test(request.url)) void reply.header('cache-control', 'no-store');
    securityHeaders(request.raw, reply.raw, (error?: unknown) => done(error instanceof Error ? error : undefined));
  });
}
