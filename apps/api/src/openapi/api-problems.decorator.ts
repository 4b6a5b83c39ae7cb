/**
 * The error answers of an operation, as application/problem+json: one decorator lists every
 * status an endpoint can answer with and, where clients branch on it, the stable codes.
 *
 *   @ApiProblems(400, 404, { status: 422, codes: RULE_CODES })
 */
import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { ref } from './schema-ref.js';

export interface ProblemAnswer {
  status: number;
  /** The stable `code` values this answer may carry. */
  codes?: readonly string[];
  /** When it happens, if the usual meaning of the status needs saying. */
  when?: string;
}

const USUALLY: Record<number, string> = {
  400: 'The request is malformed: `errors` lists every field, header or query parameter at fault.',
  401: 'No valid credentials.',
  403: 'The credentials do not carry the role this needs.',
  404: 'Not found in the caller’s organisation (another organisation’s data is answered the same way).',
  409: 'Conflicts with the current state.',
  410: 'The link was used, replaced by a newer one, or has expired.',
  412: 'If-Match names another version than the current one.',
  413: 'The body is larger than the limit.',
  414: 'The URL is too long.',
  415: 'The body is not JSON (application/json, UTF-8).',
  422: 'The facts break a rule: `code` says which.',
  429: 'Too many requests: the credential’s budget a minute (RATE_LIMIT_PER_MINUTE), or the address’s failed authentications, is spent; retry after the Retry-After seconds.',
  503: 'The service is not ready.',
};

/** Every operation may answer these, whatever it does (strict query strings, long URLs, the rate limits on /v1). */
export const ALWAYS: readonly number[] = [400, 414, 429];
/** Operations behind an API key. */
export const AUTHENTICATED: readonly number[] = [401, 403];
/** Operations that take a JSON body. */
export const WITH_BODY: readonly number[] = [413, 415];

const RETRY_AFTER = {
  'Retry-After': { description: 'Seconds until the budget is renewed.', schema: { type: 'integer', minimum: 0 } },
} as const;

const isStatusList = (value: unknown): value is readonly number[] => Array.isArray(value);

function problemSchema(codes: readonly string[] | undefined) {
  if (!codes) return ref('Problem');
  return {
    allOf: [ref('Problem'), { type: 'object', required: ['code'], properties: { code: { type: 'string', enum: [...codes] } } }],
  };
}

export function ApiProblems(...answers: ReadonlyArray<number | readonly number[] | ProblemAnswer>): MethodDecorator & ClassDecorator {
  const byStatus = new Map<number, ProblemAnswer>();
  const flat = answers.flatMap((a): ProblemAnswer[] =>
    typeof a === 'number' ? [{ status: a }] : isStatusList(a) ? a.map((status) => ({ status })) : [a],
  );
  for (const answer of flat) {
    const known = byStatus.get(answer.status);
    const codes = known?.codes || answer.codes ? [...new Set([...(known?.codes ?? []), ...(answer.codes ?? [])])] : undefined;
    byStatus.set(answer.status, { status: answer.status, codes, when: answer.when ?? known?.when });
  }
  return applyDecorators(
    ...[...byStatus.values()]
      .sort((a, b) => a.status - b.status)
      .map(({ status, codes, when }) =>
        ApiResponse({
          status,
          description: [when ?? USUALLY[status] ?? 'An error.', codes ? `Codes: ${codes.map((c) => `\`${c}\``).join(', ')}.` : '']
            .join(' ')
            .trim(),
          content: { 'application/problem+json': { schema: problemSchema(codes) } },
          ...(status === 429 ? { headers: RETRY_AFTER } : {}),
        }),
      ),
  );
}
