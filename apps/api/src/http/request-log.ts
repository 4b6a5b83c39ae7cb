/**
 * One JSON line per request: method, route, status, duration, correlation id. The route
 * pattern and no query string are logged, so no name, card number or search term reaches a log.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';

export const CORRELATION_HEADER = 'x-correlation-id';
const SAFE_ID = /^[A-Za-z0-9._-]{1,100}$/;

export function correlationIdOf(request: FastifyRequest): string {
  return (request as FastifyRequest & { correlationId?: string }).correlationId ?? request.id;
}

export function installRequestLog(fastify: FastifyInstance, write: (line: string) => void = (line) => process.stdout.write(line)): void {
  fastify.addHook('onRequest', async (request, reply) => {
    const given = request.headers[CORRELATION_HEADER];
    const correlationId = typeof given === 'string' && SAFE_ID.test(given) ? given : randomUUID();
    (request as FastifyRequest & { correlationId?: string }).correlationId = correlationId;
    void reply.header(CORRELATION_HEADER, correlationId);
  });
  fastify.addHook('onResponse', async (request, reply) => {
    write(
      `${JSON.stringify({
        time: new Date().toISOString(),
        level: reply.statusCode >= 500 ? 'error' : 'info',
        method: request.method,
        path: request.routeOptions.url ?? '(no route)',
        status: reply.statusCode,
        durationMs: Math.round(reply.elapsedTime * 10) / 10,
        correlationId: correlationIdOf(request),
      })}\n`,
    );
  });
}

export function logError(error: unknown, request?: FastifyRequest): void {
  const detail = error instanceof Error ? { name: error.name, message: error.message, stack: error.stack } : { error: String(error) };
  process.stderr.write(
    `${JSON.stringify({ time: new Date().toISOString(), level: 'error', correlationId: request ? correlationIdOf(request) : null, ...detail })}\n`,
  );
}
