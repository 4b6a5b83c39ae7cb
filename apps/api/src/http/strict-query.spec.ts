import { describe, expect, test } from '@jest/globals';
import { parseQuery } from './strict-query.js';

describe('query strings', () => {
  test('one value per name, decoded, with + as a space', () => {
    const { values, errors } = parseQuery('query=NGUYEN+VAN&asOf=2026-04-01&empty=&flag');
    expect({ ...values }).toEqual({ query: 'NGUYEN VAN', asOf: '2026-04-01', empty: '', flag: '' });
    expect(errors).toEqual([]);
  });

  test('a repeated name, a NUL, a lone surrogate and bytes that are not UTF-8 are each named', () => {
    expect(parseQuery('state=open&state=overdue&q=%00&r=%ED%A0%80&s=%FF').errors).toEqual([
      { field: 'state', message: 'must be given once' },
      { field: 'q', message: 'must not contain NUL characters' },
      { field: 'r', message: 'must be percent-encoded UTF-8' },
      { field: 's', message: 'must be percent-encoded UTF-8' },
    ]);
  });

  test('names of Object.prototype members are plain names', () => {
    const { values } = parseQuery('toString=1&__proto__=2');
    expect(values['toString']).toBe('1');
    expect(values['__proto__']).toBe('2');
    expect(Object.getPrototypeOf(values)).toBeNull();
  });
});
