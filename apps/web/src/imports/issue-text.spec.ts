import { describe, expect, test } from '@jest/globals';
import i18n from 'i18next';
import { ja } from '../i18n/ja';
import { issueText } from './issue-text';

const t = i18n.createInstance();
await t.init({ lng: 'ja', resources: { ja: { translation: ja } }, interpolation: { escapeValue: false } });
const text = (issue: { message: string; code?: string; messageJa?: string }) =>
  issueText({ column: '生年月日', field: 'dateOfBirth', ...issue }, t.t);

describe('the Japanese of an import row issue', () => {
  test("the API's messageJa is shown as sent", () => {
    expect(text({ message: 'x', messageJa: '文字が失われています: UTF-8 の CSV か Excel で保存してください' })).toBe(
      '文字が失われています: UTF-8 の CSV か Excel で保存してください',
    );
  });

  test('a message already in Japanese (quoted column first) is shown as sent', () => {
    expect(text({ message: '「生年月日」の値が正しくありません（x）' })).toBe('「生年月日」の値が正しくありません（x）');
  });

  test("the import's English sentence for an unreadable date becomes Japanese, with the cell's text", () => {
    expect(text({ message: '「1990-13-45」 is not a date: write 2026-04-01, 2026/4/1 or 令和8年4月1日' })).toBe(
      '「1990-13-45」は日付として読めません。2026-04-01、2026/4/1、令和8年4月1日 のように書いてください。',
    );
  });

  test("a rule code is said by the dictionary's sentence", () => {
    expect(text({ message: 'The card number is in use.', code: 'CARD_NUMBER_IN_USE' })).toBe(ja.codes.CARD_NUMBER_IN_USE);
  });

  test('anything else is kept, in a Japanese frame', () => {
    expect(text({ message: 'Something new' })).toBe('この値を確認してください(Something new)');
  });
});
