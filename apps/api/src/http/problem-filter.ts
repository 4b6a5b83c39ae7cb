/**
 * Every error leaves as problem+json: ours, Nest's (unknown route), Fastify's (bad JSON, body
 * too large, wrong content type). Anything else is our fault: a 500 with no internals shown,
 * logged with its correlation id.
 */
import { Catch, HttpException, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Failure } from '../failures/failure.js';
import { failureProblem } from './failure-problem.js';
import { problem, type Problem } from './problem.js';
import { logError } from './request-log.js';

export function toProblem(error: unknown, request?: FastifyRequest): Problem {
  if (error instanceof Failure) return failureProblem(error);
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const response = error.getResponse();
    const message =
      typeof response === 'object' && response !== null && 'message' in response
        ? (response as { message: unknown }).message
        : error.message;
    return problem(status, Array.isArray(message) ? message.join('; ') : String(message));
  }
  const fastifyError = error as { statusCode?: number; code?: string; message?: string };
  if (typeof fastifyError.statusCode === 'number' && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
    return problem(fastifyError.statusCode, clientErrorDetail(fastifyError.code, fastifyError.message));
  }
  logError(error, request);
  return problem(500, 'Something went wrong on our side. It has been logged.');
}

function clientErrorDetail(code: string | undefined, message: string | undefined): string {
  switch (code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return 'The body is not valid JSON.';
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return 'The body is too large.';
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return 'Send the body as application/json.';
    default:
      return message ?? 'The request is not valid.';
  }
}

export function sendProblem(reply: FastifyReply, body: Problem): void {
  void reply.status(body.status).header('content-type', 'application/problem+json; charset=utf-8').send(JSON.stringify(body));
}

@Catch()
export class ProblemFilter implements ExceptionFilter {
  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const reply = http.getResponse<FastifyReply>();
    if (error instanceof Failure && error.facts.retryAfterSeconds !== undefined)
      void reply.header('retry-after', String(error.facts.retryAfterSeconds));
    sendProblem(reply, toProblem(error, http.getRequest<FastifyRequest>()));
  }
}
