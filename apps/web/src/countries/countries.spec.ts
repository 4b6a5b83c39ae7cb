import { describe, expect, test } from '@jest/globals';
import { countryName, typedNationality } from './countries';

describe('nationalities on the screens', () => {
  test('a code is shown as its Japanese name (and English in English)', () => {
    expect(countryName('VNM', 'ja')).toBe('ベトナム');
    expect(countryName('PHL', 'ja')).toBe('フィリピン');
    expect(countryName('VNM', 'en')).toBe('Vietnam');
    expect(countryName('XXA', 'ja')).toBe('XXA');
  });

  test('a name typed as the import reads it becomes the code: ベトナム, 中国, Vietnam, VN, ｖｎｍ', () => {
    expect(typedNationality('ベトナム')).toBe('VNM');
    expect(typedNationality('中国')).toBe('CHN');
    expect(typedNationality('中華人民共和国')).toBe('CHN');
    expect(typedNationality('Viet Nam')).toBe('VNM');
    expect(typedNationality('VN')).toBe('VNM');
    expect(typedNationality('ｖｎｍ')).toBe('VNM');
    expect(typedNationality('ベトナムン')).toBeNull();
  });
});
