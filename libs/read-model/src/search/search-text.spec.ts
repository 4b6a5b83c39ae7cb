import { describe, expect, test } from '@jest/globals';
import { nameKey, searchForm, searchTokens, searchWords } from './search-text.js';

describe('search normalisation (docs/api-v1.md additions of 2026-11-23)', () => {
  test('NFKC, case and diacritics folded, whitespace collapsed: Nguyen finds Nguyễn', () => {
    expect(searchForm('  Nguyễn   Văn  Đức ')).toBe('nguyen van duc');
    expect(searchForm('ＮＧＵＹＥＮ　ＶＡＮ')).toBe('nguyen van');
    expect(searchForm('José Müller')).toBe('jose muller');
  });

  test('katakana keeps its voicing marks; half-width and hiragana readings become katakana', () => {
    expect(searchForm('グエン・ヴァン・アン')).toBe('グエン ヴァン アン');
    expect(searchForm('ｸﾞｴﾝ ｳﾞｧﾝ')).toBe('グエン ヴァン');
    expect(searchForm('ぐえん')).toBe('グエン');
    expect(searchForm('ガ')).not.toBe(searchForm('カ'));
  });

  test('tokens: every word of every name and the external reference, whole and by word', () => {
    expect(searchTokens({ fullName: 'NGUYEN VAN AN', nameKana: 'グエン ヴァン アン', externalRef: 'EMP-001' }).sort()).toEqual(
      ['an', 'emp', 'emp-001', '001', 'nguyen', 'van', 'アン', 'ヴァン', 'グエン'].sort(),
    );
    expect(searchWords('')).toEqual([]);
  });

  test('the duplicate key ignores the order of the words, accents and case', () => {
    expect(nameKey('Nguyễn Văn An')).toBe(nameKey('AN NGUYEN VAN'));
    expect(nameKey('Nguyen Van An')).not.toBe(nameKey('Nguyen Van Anh'));
  });
});
