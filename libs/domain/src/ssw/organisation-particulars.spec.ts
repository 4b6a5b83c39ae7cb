import { describe, expect, test } from '@jest/globals';
import { japanesePhoneNumber, supportRegistrationNumber } from './organisation-particulars.js';

describe('登録支援機関の登録番号 (two digits of the year, 登, a hyphen, six digits)', () => {
  test('19登-000123 is one; typed full-width it is the same number', () => {
    expect(supportRegistrationNumber('19登-000123')).toBe('19登-000123');
    expect(supportRegistrationNumber(' １９登－０００１２３ ')).toBe('19登-000123');
    expect(supportRegistrationNumber('25登-012345')).toBe('25登-012345');
  });

  test('a wrong count of digits, another kanji, no hyphen or not a text is not one', () => {
    expect(supportRegistrationNumber('19登-00123')).toBeNull();
    expect(supportRegistrationNumber('2019登-000123')).toBeNull();
    expect(supportRegistrationNumber('19録-000123')).toBeNull();
    expect(supportRegistrationNumber('19登000123')).toBeNull();
    expect(supportRegistrationNumber('19-000123')).toBeNull();
    expect(supportRegistrationNumber(19000123)).toBeNull();
  });
});

describe('telephone number (0 and 9 or 10 more digits)', () => {
  test('a fixed line, a mobile and a toll-free number, hyphenated or not, full-width or in brackets', () => {
    expect(japanesePhoneNumber('03-1234-5678')).toBe('03-1234-5678');
    expect(japanesePhoneNumber('0312345678')).toBe('0312345678');
    expect(japanesePhoneNumber('090-1234-5678')).toBe('090-1234-5678');
    expect(japanesePhoneNumber('0120-123-456')).toBe('0120-123-456');
    expect(japanesePhoneNumber('０５２－１２３－４５６７')).toBe('052-123-4567');
    expect(japanesePhoneNumber('03(1234)5678')).toBe('03-1234-5678');
  });

  test('too few or too many digits, no leading 0, letters or doubled hyphens are refused', () => {
    expect(japanesePhoneNumber('03-1234-567')).toBeNull();
    expect(japanesePhoneNumber('090-1234-56789')).toBeNull();
    expect(japanesePhoneNumber('3-1234-5678')).toBeNull();
    expect(japanesePhoneNumber('03-1234-567x')).toBeNull();
    expect(japanesePhoneNumber('03--1234-5678')).toBeNull();
    expect(japanesePhoneNumber('-0312345678')).toBeNull();
  });
});
