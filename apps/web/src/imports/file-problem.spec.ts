import { describe, expect, test } from '@jest/globals';
import i18n from 'i18next';
import { ApiProblem, type Problem } from '../api/client';
import { ja } from '../i18n/ja';
import { fileProblem } from './file-problem';

const t = i18n.createInstance();
await t.init({ lng: 'ja', resources: { ja: { translation: ja } }, interpolation: { escapeValue: false } });
const refused = (problem: Partial<Problem> & { detailJa?: string }) =>
  fileProblem(new ApiProblem({ type: 'about:blank', title: 'Bad Request', status: 400, detail: '', ...problem }), t.t);

describe('why a whole file was refused, in Japanese', () => {
  test("the API's detailJa comes first", () => {
    expect(refused({ detail: 'x', detailJa: '見出しの行が見つかりません。' })).toEqual({
      message: '見出しの行が見つかりません。',
      detail: null,
    });
  });

  test('a header row without the required columns names them', () => {
    const problem = refused({
      detail: 'The first row must name the columns; missing: 氏名, 生年月日.',
      errors: [
        { field: '氏名', message: 'is a required column (or fullName)' },
        { field: '生年月日', message: 'is a required column (or dateOfBirth)' },
      ],
    });
    expect(problem.message).toBe(
      '見出しの行に必須の列がありません: 氏名、生年月日。見出しの行には「氏名」「生年月日」「国籍・地域」などの列名を書いてください。',
    );
  });

  test('too large (413), and an unreadable file with its English detail kept apart', () => {
    expect(refused({ status: 413, detail: 'The file is larger than 10485760 bytes.' }).message).toBe(ja.imports.tooLarge);
    expect(refused({ detail: 'The XLSX file cannot be read: bad zip' })).toEqual({
      message: ja.imports.refused,
      detail: 'The XLSX file cannot be read: bad zip',
    });
  });
});
