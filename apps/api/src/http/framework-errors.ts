/**
 * Errors that Fastify and Node's HTTP parser answer before any route runs — a broken
 * percent-escape, an over-long path segment, oversized headers, a Content-Length that does not
 * match the body, a request line that is not HTTP — leave as application/problem+json like
 * every other error (docs/api-v1.md "General").
 */
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { sendProblem } from './problem-filter.js';
import { problem } from './problem.js';

const DETAILS: Record<string, string> = {
  FST_ERR_BAD_URL: 'The URL is not valid (a broken percent-escape?).',
  FST_ERR_MAX_PARAM_LENGTH: 'A path segment of the URL is too long.',
};

/** Fastify's `frameworkErrors` option: errors met while routing. */
export function frameworkErrors(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  const status = typeof error.statusCode === 'number' && error.statusCode >= 400 ? error.statusCode : 400;
  sendProblem(reply, problem(status, DETAILS[error.code] ?? 'The request is not valid.'));
}

/** Fastify's `clientErrorHandler`: the request could not even be parsed as HTTP. */
export function clientErrorHandler(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, detail] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'The request headers are too large.']
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'The request took too long to arrive.']
        : [400, 'The request is not valid HTTP (request line, headers or Content-Length).'];
  const body = JSON.stringify(problem(status, detail));
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/problem+json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nCache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\n` +
        `Connection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}
