/**
 * Absolute links the API hands out (a calendar feed's URL goes into a phone's settings, an
 * invitation link into a mail or a chat, where a path alone means nothing): PUBLIC_URL when set, else the scheme and host the request came
 * to (X-Forwarded-* only when TRUST_PROXY lets Fastify believe them).
 */
import type { FastifyRequest } from 'fastify';
import type { AppConfig } from '../bootstrap/tokens.js';

export function absoluteUrl(config: AppConfig, request: FastifyRequest, path: string): string {
  return `${publicBase(config, request)}${path}`;
}

/** The scheme and host (no trailing slash) the web UI is reached at, for links handed to people. */
export function publicBase(config: AppConfig, request: FastifyRequest): string {
  return config.people?.publicUrl || `${request.protocol}://${request.host}`;
}
