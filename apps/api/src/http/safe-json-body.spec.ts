import { describe, expect, test } from '@jest/globals';
import { MAX_JSON_DEPTH, parseJsonBody, unsafeJsonFields } from './safe-json-body.js';
import { Failure } from '../failures/failure.js';
import { failureProblem } from './failure-problem.js';

const problemOf = (bytes: Buffer) => {
  try {
    parseJsonBody(bytes);
  } catch (error) {
    return failureProblem(error as Failure);
  }
  throw new Error('parsed');
};

describe('the request body parser', () => {
  test('a body as deep as the 64 KiB limit allows (32,000 levels) is a 400, not a stack overflow', () => {
    const body = Buffer.from(`${'['.repeat(32_000)}${']'.repeat(32_000)}`);
    expect(problemOf(body)).toMatchObject({ status: 400, errors: [{ message: `is nested deeper than ${MAX_JSON_DEPTH} levels` }] });
  });

  test('every field at fault is named, keys included, in field order', () => {
    expect(unsafeJsonFields({ b: 'x\u0000', a: ['ok', '\ud800'], 'k\u0000': 1, __proto__x: 1 })).toEqual([
      { field: 'a[1]', message: expect.stringContaining('surrogate') },
      { field: 'b', message: 'must not contain NUL characters' },
      { field: 'k\\u0000', message: 'name must not contain NUL characters' },
    ]);
  });

  test('a __proto__ key, created by JSON.parse as an own key, is refused', () => {
    expect(problemOf(Buffer.from('{"data":{"__proto__":{"x":1}}}'))).toMatchObject({
      errors: [{ field: 'data.__proto__', message: 'is not a known field' }],
    });
  });

  test('bytes that are not UTF-8 are a 400; UTF-8 text (Japanese, emoji) passes', () => {
    expect(problemOf(Buffer.from([0x22, 0xff, 0x22])).status).toBe(400);
    expect(parseJsonBody(Buffer.from('{"address":"東京都新宿区 🏠"}'))).toEqual({ address: '東京都新宿区 🏠' });
  });
});
