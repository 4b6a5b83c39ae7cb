import { describe, expect, test } from '@jest/globals';
import { RULE_CODES } from '@zairyu/domain';
import { codeMessageJa, employerRefusedJa } from './import-messages.js';

describe('the Japanese of an import answer', () => {
  test('every rule code of the domain answers its sentence, never the English detail', () => {
    expect(RULE_CODES.filter((code) => codeMessageJa(code, 'detail').includes('detail'))).toEqual([]);
    expect(codeMessageJa('EVENT_BEFORE_BIRTH', 'before birth')).toBe('発生日が生年月日より前です。');
    expect(codeMessageJa('SSW1_CAP_EXCEEDED', 'cap')).toBe('特定技能1号の通算在留期間(5年)を超えます。');
  });

  test("a writer's failure is worded for an import", () => {
    expect(codeMessageJa('RESIDENT_HISTORY_FULL', 'full')).toBe('この在留者の記録が上限に達しています。');
    expect(codeMessageJa('CHANGED_MEANWHILE', 'changed')).toBe('取込み中にこの在留者が変更されました。もう一度取り込んでください。');
  });

  test('a code without a sentence, or none at all, keeps the English detail', () => {
    expect(codeMessageJa('SOMETHING_NEW', 'it broke')).toBe('取り込めません（it broke）');
    expect(codeMessageJa(undefined, 'it broke')).toBe('取り込めません（it broke）');
  });

  test("a row's employer that cannot be recorded is told in Japanese alone", () => {
    expect(employerRefusedJa('CORPORATE_NUMBER_IN_USE')).toBe('所属機関を登録できません（この法人番号の所属機関はすでに登録されています）');
    expect(employerRefusedJa(undefined)).not.toMatch(/[A-Za-z]/);
  });
});
