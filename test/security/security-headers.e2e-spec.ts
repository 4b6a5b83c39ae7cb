/**
 * Security headers: no-store on everything personal and
 * on the feed, nosniff, no referrer (the feed token is in a URL), one CSP that keeps Swagger UI
 * and the web UI working without inline scripts, HSTS only when TRUST_PROXY says TLS.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { Api, type Keys } from '../support/api-harness.js';
import { portOf, rawRequest } from './raw-http.js';

let api: Api;
let org: Keys;
let resident: string;
let feedToken: string;

beforeAll(async () => {
  api = await Api.start();
  org = await api.organisation('Headers');
  resident = await api.register(org.caseworker);
  feedToken = (
    await api.http.post(`/v1/organisations/${org.organisationId}/calendar-tokens`).auth(org.manager, { type: 'bearer' }).expect(201)
  ).body.token;
  // A fresh database and app: slow when other suites share the machine.
}, 120_000);
afterAll(() => api.close());

type Headers = Record<string, string | undefined>;

function expectCommonHeaders(headers: Headers) {
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('no-referrer');
  const csp = headers['content-security-policy'] ?? '';
  expect(csp).toContain("default-src 'self'");
  expect(csp).toMatch(/script-src 'self'(;|$)/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
}

describe('every API answer', () => {
  test.each([
    ['a resident (200)', () => api.http.get(`/v1/residents/${resident}`).auth(org.viewer, { type: 'bearer' }), 200],
    ['the list (200)', () => api.http.get('/v1/residents').auth(org.viewer, { type: 'bearer' }), 200],
    ['the caseload deadlines (200)', () => api.http.get('/v1/deadlines').auth(org.viewer, { type: 'bearer' }), 200],
    ['the calendar feed (200)', () => api.http.get(`/v1/deadlines.ics?token=${feedToken}`), 200],
    [
      'a new resident (201)',
      () =>
        api.http
          .post('/v1/residents')
          .auth(org.caseworker, { type: 'bearer' })
          .send({ fullName: 'A', dateOfBirth: '1990-01-01', nationality: 'VNM' }),
      201,
    ],
    ['no token (401)', () => api.http.get('/v1/residents'), 401],
    ['a missing resident (404)', () => api.http.get(`/v1/residents/${randomUUID()}`).auth(org.viewer, { type: 'bearer' }), 404],
    ['an unknown route (404)', () => api.http.get('/v1/nothing-here'), 404],
    ['a repeated parameter (400, answered before routing)', () => api.http.get('/v1/deadlines?state=open&state=open'), 400],
    ['a text body (415, answered before parsing)', () => api.http.post('/v1/residents').set('content-type', 'text/plain').send('x'), 415],
    ['/health', () => api.http.get('/health'), 200],
  ] as const)('%s: no-store, nosniff, no-referrer, the CSP, no HSTS on plain HTTP', async (_, call, status) => {
    const response = await call();
    expect(response.status).toBe(status);
    expect(response.headers['cache-control']).toBe('no-store');
    expectCommonHeaders(response.headers);
    expect(response.headers['strict-transport-security']).toBeUndefined();
  });

  test('an answer of the HTTP parser itself (431) is no-store and nosniff too', async () => {
    const response = await rawRequest(
      await portOf(api.app.getHttpServer()),
      `GET /v1/residents HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
    );
    expect(response).toMatchObject({ status: 431, headers: { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' } });
  });
});

describe('Swagger UI at /docs under the CSP', () => {
  test('the page loads only same-origin scripts, none inline, and each of them is served', async () => {
    const page = await api.http.get('/docs').redirects(1).expect(200);
    expectCommonHeaders(page.headers);
    const scripts = [...page.text.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      // No inline script: script-src 'self' would block it and the page would stay blank.
      expect(body!.trim()).toBe('');
      const src = /src="([^"]+)"/.exec(attributes!)?.[1];
      expect(src).toBeDefined();
      expect(src).not.toMatch(/^(https?:)?\/\//);
      await api.http.get(new URL(src!, 'http://localhost/docs').pathname).expect(200);
    }
    // Swagger UI's own <style> element needs style-src 'unsafe-inline' (as does Mantine's).
    expect(page.headers['content-security-policy']).toContain("style-src 'self' 'unsafe-inline'");
    expect(page.headers['content-security-policy']).toContain("img-src 'self' data:");
  });

  test('the OpenAPI JSON it reads is served from the same origin', async () => {
    const json = await api.http.get('/docs-json').expect(200);
    expect(json.body.openapi).toMatch(/^3\./);
  });
});

describe('behind a TLS-terminating proxy (TRUST_PROXY)', () => {
  let proxied: Api;
  beforeAll(async () => {
    proxied = await Api.start({ trustProxy: 1 });
  });
  afterAll(() => proxied.close());

  test('HSTS for a year with subdomains, and upgrade-insecure-requests in the CSP', async () => {
    const response = await proxied.http.get('/health').set('X-Forwarded-Proto', 'https').expect(200);
    expect(response.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    expect(response.headers['content-security-policy']).toContain('upgrade-insecure-requests');
    expect(response.headers['cache-control']).toBe('no-store');
  });
});
