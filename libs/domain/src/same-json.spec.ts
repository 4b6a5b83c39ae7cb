/** sameJson must agree with comparing the two JSON texts on any value JSON.stringify can write. */
import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { sameJson } from './same-json.js';

const sameText = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

describe('sameJson(a, b) is JSON.stringify(a) === JSON.stringify(b)', () => {
  test('on the cases where the text and the value differ', () => {
    const cases: [unknown, unknown, boolean][] = [
      [{ a: 1, b: undefined }, { a: 1 }, true],
      [{ a: undefined, b: 2 }, { b: 2, c: () => 0 }, true],
      [{ a: 1, b: 2 }, { b: 2, a: 1 }, false],
      [[undefined], [null], true],
      [[() => 0], [null], true],
      [NaN, null, true],
      [Infinity, NaN, true],
      [[Infinity], [null], true],
      [-0, 0, true],
      [{ a: NaN }, { a: null }, true],
      [{}, [], false],
      [{ a: {} }, { a: [] }, false],
      [undefined, undefined, true],
      [undefined, null, false],
      [new Date(0), '1970-01-01T00:00:00.000Z', true],
      [{ on: new Date(0) }, { on: '1970-01-01T00:00:00.000Z' }, true],
      [{ 2: 'x', 1: 'y' }, { 1: 'y', 2: 'x' }, true],
      ['1', 1, false],
      [true, 'true', false],
    ];
    for (const [a, b, same] of cases) {
      expect(sameText(a, b)).toBe(same);
      expect([sameJson(a, b), sameJson(b, a)]).toEqual([same, same]);
    }
  });

  test('on any two values, and on a value and its own copy with properties moved or left undefined', () => {
    const value = fc.anything({ withNullPrototype: false, withBoxedValues: false, withMap: false, withSet: false, withBigInt: false });
    fc.assert(
      fc.property(value, value, (a, b) => {
        expect(sameJson(a, b)).toBe(sameText(a, b));
        expect(sameJson(a, structuredClone(a))).toBe(true);
      }),
      { numRuns: 2_000, seed: 20261206 },
    );
    const status = fc.record({
      residence: fc.record({ lawful: fc.boolean(), basis: fc.constantFrom('none', 'period_of_stay'), lawfulUntil: fc.option(fc.string()) }),
      warnings: fc.array(fc.record({ code: fc.string(), message: fc.string() }), { maxLength: 2 }),
      extra: fc.option(fc.constant(undefined), { nil: null }),
    });
    fc.assert(
      fc.property(status, status, (a, b) => expect(sameJson(a, b)).toBe(sameText(a, b))),
      { numRuns: 2_000, seed: 20261207 },
    );
  });
});
