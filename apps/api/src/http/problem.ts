/**
 * RFC 9457 problem details, the only error shape the API answers with (docs/api-v1.md "General").
 */
import { HttpException } from '@nestjs/common';
import type { FieldError } from '@zairyu/domain';

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code?: string;
  errors?: FieldError[];
  /** The detail in Japanese, where the endpoint gives one (imports and exports). */
  detailJa?: string;
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  408: 'Request Timeout',
  409: 'Conflict',
  410: 'Gone',
  412: 'Precondition Failed',
  413: 'Content Too Large',
  414: 'URI Too Long',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  428: 'Precondition Required',
  429: 'Too Many Requests',
  431: 'Request Header Fields Too Large',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export function problem(status: number, detail: string, extra: { code?: string; errors?: FieldError[] } = {}): Problem {
  return {
    type: extra.code ? `https://zairyu-ledger.dev/problems/${extra.code.toLowerCase().replaceAll('_', '-')}` : 'about:blank',
    title: TITLES[status] ?? 'Error',
    status,
    detail,
    ...extra,
  };
}

/** Thrown anywhere in the request; the filter writes it as application/problem+json (with Retry-After when given). */
export class ProblemException extends HttpException {
  constructor(
    readonly problem: Problem,
    readonly retryAfterSeconds?: number,
  ) {
    super(problem, problem.status);
  }
}

/** Too many tries at a secret: 429 with the seconds to wait. */
export const tooManyTries = (detail: string, waitMs: number) =>
  new ProblemException(problem(429, detail, { code: 'RATE_LIMITED' }), Math.max(1, Math.ceil(waitMs / 1000)));

export const badRequest = (detail: string, errors?: FieldError[]) => new ProblemException(problem(400, detail, errors ? { errors } : {}));
export const notFound = (what: string) => new ProblemException(problem(404, `${what} was not found.`));
export const forbidden = (detail: string) => new ProblemException(problem(403, detail));
export const unauthorized = (detail: string) => new ProblemException(problem(401, detail));
