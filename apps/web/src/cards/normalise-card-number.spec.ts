import { describe, expect, test } from '@jest/globals';
import { isCardNumber, normaliseCardNumber } from './normalise-card-number';

describe('card numbers are normalised as typed (docs/api-v1.md 2026-11-23)', () => {
  test('spaces, hyphens, lower case and full-width characters', () => {
    expect(normaliseCardNumber('ab 1234-5678 cd')).toBe('AB12345678CD');
    expect(normaliseCardNumber('ＡＢ１２３４５６７８ＣＤ')).toBe('AB12345678CD');
    expect(normaliseCardNumber('AB1234－5678CD')).toBe('AB12345678CD');
  });
  test('the shape: two letters, eight digits, two letters', () => {
    expect(isCardNumber('AB12345678CD')).toBe(true);
    expect(isCardNumber('AB1234567CD')).toBe(false);
    expect(isCardNumber('1B12345678CD')).toBe(false);
  });
});
