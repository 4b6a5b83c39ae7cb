import { describe, expect, test } from '@jest/globals';
import i18n from 'i18next';
import { ApiProblem, type Problem } from '../api/client';
import { ja } from '../i18n/ja';
import { fileProblem } from './file-problem';

const t = i18n.createInstance();
await t.init({ lng: 'ja', resources: { ja: { translation: ja } }, interpolation: { escapeValue: false } });
const refused = (problem: Partial<Problem>) =>
  fileProblem(new ApiProblem({ type: 'about:blank', title: 'Bad Request', status: 400, detail: '', ...problem }), t.t);

describe('why a whole file was refused, in Japanese', () => {
  test("the API's detailJa comes first", () => {
    expect(refused({ detail: 'x', detailJa: '見出しの行が見つかりません。' })).toEqual({
      message: '見出しの行が見つかりません。',
      detail: null,
    });
  });

  test('too large (413) without detailJa, and an unreadable file with its English detail kept apart', () => {
    expect(refused({ status: 413, detail: 'The file is larger than 10485760 bytes.' }).message).toBe(ja.imports.tooLarge);
    expect(refused({ detail: 'The XLSX file cannot be read: bad zip' })).toEqual({
      message: ja.imports.refused,
      detail: 'The XLSX file cannot be read: bad zip',
    });
  });
});
