/** The API takes JSON only (api-v1.md): another media type is a 415, before any parsing. */
import type { FastifyInstance } from 'fastify';
import { sendProblem } from './problem-filter.js';
import { problem } from './problem.js';

export function requireJsonBodies(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', async (request, reply) => {
    const hasBody = request.headers['content-length'] !== undefined && request.headers['content-length'] !== '0';
    if (!hasBody && request.headers['transfer-encoding'] === undefined) return;
    const type = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    if (type === 'application/json' || type.endsWith('+json')) return;
    sendProblem(reply, problem(415, 'Send the body as application/json.'));
    return reply;
  });
}
