/**
 * The one JSON parser every request body goes through, in place of Fastify's: what it lets
 * pass can be stored in PostgreSQL and walked by any later code without surprises.
 *
 * - the bytes must be UTF-8 (RFC 8259 §8.1): invalid sequences are a 400, never a silent U+FFFD;
 * - nesting deeper than MAX_JSON_DEPTH is a 400 (no body of the contract is deeper than 4, and
 *   recursive code downstream — validators, the fold — must never meet a 1,500-deep value);
 * - a `__proto__` key is a 400 wherever it stands (it is how prototypes get polluted);
 * - NUL characters and lone UTF-16 surrogates, in values and in keys, are a 400 naming the
 *   field: PostgreSQL's text and jsonb refuse both, and a half of a pair is no character at all.
 */
import { isUtf8 } from 'node:buffer';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { FieldError } from '@zairyu/domain';
import { invalidInput } from '../failures/failure.js';

export const MAX_JSON_DEPTH = 32;
const MAX_REPORTED = 20;

/** A field path as the API reports it: `data.card.number`, `data.fields[0]`. */
function child(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  const shown = printable(key);
  return path === '' ? shown : `${path}.${shown}`;
}

/** Half of a UTF-16 pair with no other half (matched by code unit: no `u` flag). */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const UNPRINTABLE = new RegExp(`\u0000|${LONE_SURROGATE.source}`, 'g');

/** A key as text a client can read back: NUL and lone surrogates as \u escapes. */
function printable(text: string): string {
  return text.replace(UNPRINTABLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Why a string cannot be stored, or null. */
export function unstorableText(text: string): string | null {
  if (text.includes('\u0000')) return 'must not contain NUL characters';
  if (LONE_SURROGATE.test(text)) return 'must not contain lone UTF-16 surrogates (half of a character)';
  return null;
}

/** Every field of a parsed JSON value that the ledger cannot store or safely walk. */
export function unsafeJsonFields(value: unknown): FieldError[] {
  const errors: FieldError[] = [];
  const pending: Array<{ value: unknown; path: string; depth: number }> = [{ value, path: '', depth: 0 }];
  while (pending.length > 0 && errors.length < MAX_REPORTED) {
    const { value: current, path, depth } = pending.pop()!;
    if (typeof current === 'string') {
      const problem = unstorableText(current);
      if (problem) errors.push({ field: path || '(body)', message: problem });
      continue;
    }
    if (typeof current !== 'object' || current === null) continue;
    if (depth >= MAX_JSON_DEPTH) {
      errors.push({ field: path || '(body)', message: `is nested deeper than ${MAX_JSON_DEPTH} levels` });
      continue;
    }
    if (Array.isArray(current)) {
      current.forEach((item, index) => pending.push({ value: item, path: child(path, index), depth: depth + 1 }));
      continue;
    }
    for (const [key, item] of Object.entries(current)) {
      const field = child(path, key);
      const keyProblem = key === '__proto__' ? 'is not a known field' : unstorableText(key);
      if (keyProblem) errors.push({ field, message: keyProblem === 'is not a known field' ? keyProblem : `name ${keyProblem}` });
      else pending.push({ value: item, path: field, depth: depth + 1 });
    }
  }
  return errors.sort((a, b) => (a.field < b.field ? -1 : a.field > b.field ? 1 : 0));
}

/** Parses a request body, or throws the 400 that says what is wrong with it. */
export function parseJsonBody(bytes: Buffer): unknown {
  if (bytes.length === 0) throw invalidInput('The body is empty; send a JSON object.');
  if (!isUtf8(bytes)) throw invalidInput('The body is not valid UTF-8.', [{ field: '(body)', message: 'must be UTF-8 encoded' }]);
  let value: unknown;
  try {
    value = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw invalidInput('The body is not valid JSON.');
  }
  const errors = unsafeJsonFields(value);
  if (errors.length > 0) throw invalidInput('The body holds values that cannot be accepted.', errors);
  return value;
}

/** Replaces Fastify's JSON parser for application/json and every +json type. */
export function installSafeJsonParser(fastify: FastifyInstance): void {
  fastify.removeContentTypeParser('application/json');
  const parser = (_request: FastifyRequest, body: Buffer, done: (error: Error | null, value?: unknown) => void) => {
    try {
      done(null, parseJsonBody(body));
    } catch (error) {
      done(error as Error);
    }
  };
  fastify.addContentTypeParser('application/json', { parseAs: 'buffer' }, parser);
  fastify.addContentTypeParser(/^application\/[\w.-]+\+json$/, { parseAs: 'buffer' }, parser);
}
