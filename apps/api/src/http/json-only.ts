/**
 * The API takes JSON only, in UTF-8 (docs/api-v1.md "General"): another media type, or JSON
 * declared in another charset, is a 415 before any byte of the body is read. Decoding
 * Shift_JIS or Latin-1 as UTF-8 would store mojibake, silently.
 */
import type { FastifyInstance } from 'fastify';
import { sendProblem } from './problem-filter.js';
import { problem } from './problem.js';

/** The media type and the charset a Content-Type header declares (RFC 9110 §8.3). */
export function mediaTypeOf(header: string): { type: string; charset: string | null } {
  const [type, ...parameters] = header.split(';');
  let charset: string | null = null;
  for (const parameter of parameters) {
    const [name, value = ''] = parameter.split('=');
    if (name!.trim().toLowerCase() === 'charset')
      charset = value
        .trim()
        .replace(/^"(.*)"$/, '$1')
        .toLowerCase();
  }
  return { type: type!.trim().toLowerCase(), charset };
}

/** `multipartPaths`: the routes that take a file upload (multipart/form-data) instead. */
export function requireJsonBodies(fastify: FastifyInstance, options: { multipartPaths?: readonly string[] } = {}): void {
  const multipartPaths = new Set(options.multipartPaths ?? []);
  fastify.addHook('onRequest', async (request, reply) => {
    const hasBody = request.headers['content-length'] !== undefined && request.headers['content-length'] !== '0';
    if (!hasBody && request.headers['transfer-encoding'] === undefined) return;
    const { type, charset } = mediaTypeOf(request.headers['content-type'] ?? '');
    if (type === 'multipart/form-data' && multipartPaths.has(request.url.split('?')[0]!)) return;
    if (type !== 'application/json' && !type.endsWith('+json')) {
      sendProblem(reply, problem(415, 'Send the body as application/json.'));
      return reply;
    }
    if (charset !== null && charset !== 'utf-8' && charset !== 'utf8') {
      sendProblem(reply, problem(415, `Send the body in UTF-8 (charset=${charset} is not accepted).`));
      return reply;
    }
  });
}
