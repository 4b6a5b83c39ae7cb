/**
 * Query strings, read strictly and once for every route. Every parameter of the contract
 * takes one value: a repeated one (`?state=open&state=overdue`) is a 400, not an array that
 * some handler would call `.split` on. Values must decode as UTF-8 and be storable text (no
 * NUL, no lone surrogate), and a URL longer than MAX_URL_LENGTH is a 414.
 */
import type { FastifyInstance } from 'fastify';
import type { FieldError } from '@zairyu/domain';
import { sendProblem } from './problem-filter.js';
import { problem } from './problem.js';
import { unstorableText } from './safe-json-body.js';

export const MAX_URL_LENGTH = 8192;

export interface ParsedQuery {
  /** Each parameter's value; a null prototype, so `toString` or `__proto__` are just names. */
  values: Record<string, string>;
  errors: FieldError[];
}

function decode(component: string): string | null {
  try {
    return decodeURIComponent(component.replaceAll('+', ' '));
  } catch {
    return null;
  }
}

export function parseQuery(query: string): ParsedQuery {
  const values: Record<string, string> = Object.create(null);
  const errors: FieldError[] = [];
  for (const pair of query.split('&')) {
    if (pair === '') continue;
    const equals = pair.indexOf('=');
    const rawName = equals < 0 ? pair : pair.slice(0, equals);
    const rawValue = equals < 0 ? '' : pair.slice(equals + 1);
    const name = decode(rawName);
    const value = decode(rawValue);
    const field = name !== null && unstorableText(name) === null ? name : rawName;
    if (name === null || unstorableText(name) !== null) {
      errors.push({ field, message: 'is not a valid parameter name (percent-encoded UTF-8 text)' });
      continue;
    }
    if (value === null) errors.push({ field, message: 'must be percent-encoded UTF-8' });
    else {
      const problemWithText = unstorableText(value);
      if (problemWithText) errors.push({ field, message: problemWithText });
    }
    if (Object.hasOwn(values, name)) errors.push({ field, message: 'must be given once' });
    else values[name] = value ?? rawValue;
  }
  return { values, errors };
}

/** The query string part of a request URL, without the `?`. */
const queryOf = (url: string) => {
  const mark = url.indexOf('?');
  return mark < 0 ? '' : url.slice(mark + 1);
};

/** Fastify's `querystringParser`: never throws; the hook below refuses what it had to skip. */
export const querystringParser = (query: string): Record<string, string> => parseQuery(query).values;

export function refuseBadQueries(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', async (request, reply) => {
    if (request.url.length > MAX_URL_LENGTH) {
      sendProblem(reply, problem(414, `The URL is longer than ${MAX_URL_LENGTH} characters.`));
      return reply;
    }
    const { errors } = parseQuery(queryOf(request.url));
    if (errors.length > 0) {
      const unique = errors.filter(
        (error, index) => errors.findIndex((e) => e.field === error.field && e.message === error.message) === index,
      );
      sendProblem(reply, problem(400, 'The query string is not valid.', { errors: unique }));
      return reply;
    }
  });
}
