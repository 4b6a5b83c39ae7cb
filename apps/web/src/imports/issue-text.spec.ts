import { describe, expect, test } from '@jest/globals';
import i18n from 'i18next';
import { ja } from '../i18n/ja';
import type { ImportIssue } from './api';
import { issueColumn, issueText } from './issue-text';

const t = i18n.createInstance();
await t.init({ lng: 'ja', resources: { ja: { translation: ja } }, interpolation: { escapeValue: false } });
const issue = (over: Partial<ImportIssue>): ImportIssue => ({
  column: '生年月日',
  columnJa: '生年月日',
  field: 'dateOfBirth',
  message: 'x',
  messageJa: '',
  ...over,
});

describe('an import row issue in Japanese', () => {
  test("the API's messageJa is shown as sent", () => {
    expect(issueText(issue({ messageJa: '文字が失われています: UTF-8 の CSV か Excel で保存してください' }), t.t)).toBe(
      '文字が失われています: UTF-8 の CSV か Excel で保存してください',
    );
  });

  test("without it, a rule code is said by the dictionary's sentence, anything else as sent", () => {
    expect(issueText(issue({ message: 'The card number is in use.', code: 'CARD_NUMBER_IN_USE' }), t.t)).toBe(ja.codes.CARD_NUMBER_IN_USE);
    expect(issueText(issue({ message: 'Something new' }), t.t)).toBe('Something new');
  });

  test("the column as the file headed it, the template's name beside it where they differ, the whole row where there is none", () => {
    expect(issueColumn(issue({}), t.t)).toBe('生年月日');
    expect(issueColumn(issue({ column: '在留期限', columnJa: '在留期間満了日' }), t.t)).toBe('在留期限(在留期間満了日)');
    expect(issueColumn(issue({ column: null, columnJa: null }), t.t)).toBe('行全体');
  });
});
