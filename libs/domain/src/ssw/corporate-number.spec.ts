import { describe, expect, test } from '@jest/globals';
import { corporateNumberCheckDigit, isCorporateNumber } from './corporate-number.js';

describe('法人番号 check digit (平成26年財務省令第70号 2条)', () => {
  test('the worked example of the ordinance: base 123456789012 → check digit 7', () => {
    // Σ = 2·1+1·2+0·1+9·2+8·1+7·2+6·1+5·2+4·1+3·2+2·1+1·2 = 74; 74 mod 9 = 2; 9 − 2 = 7.
    expect(corporateNumberCheckDigit('123456789012')).toBe(7);
    expect(isCorporateNumber('7123456789012')).toBe(true);
  });

  test('real numbers pass; one wrong digit or a wrong length fails', () => {
    expect(isCorporateNumber('4011001098993')).toBe(true);
    expect(isCorporateNumber('2120901007402')).toBe(true);
    expect(isCorporateNumber('5011001098993')).toBe(false);
    expect(isCorporateNumber('4011001098994')).toBe(false);
    expect(isCorporateNumber('401100109899')).toBe(false);
    expect(isCorporateNumber('0123456789012')).toBe(false);
    expect(isCorporateNumber(4011001098993)).toBe(false);
  });
});
