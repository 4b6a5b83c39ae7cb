/**
 * Absolute links the API hands out (a calendar feed's URL goes into a phone's settings, where a
 * path alone means nothing): PUBLIC_URL when set, else the scheme and host the request came
 * to (X-Forwarded-* only when TRUST_PROXY lets Fastify believe them).
 */
import type { FastifyRequest } from 'fastify';
import type { AppConfig } from '../bootstrap/tokens.js';

export function absoluteUrl(config: AppConfig, request: FastifyRequest, path: string): string {
  const base = config.people?.publicUrl || `${request.protocol}://${request.host}`;
  return `${base}${path}`;
}
