import { describe, expect, test } from '@jest/globals';
import { parseRecordableEvent, parseRegistration, RULE_CODE_SENTENCES, RULE_CODES, type FieldError, type LocalDate } from '@zairyu/domain';
import {
  codeMessageJa,
  employerRefusedJa,
  fieldMessageJa,
  fieldRuleSentenceJa,
  ROW_REFUSED_JA,
  WRITER_MESSAGES_JA,
} from './import-messages.js';
import { readRow } from './import-row.js';
import { headerMap } from './import-template.js';

/** Japanese only: no letter of the Latin alphabet (a code name, an English word, an English detail). */
const LATIN = /[A-Za-z]/;

describe('the Japanese of an import answer', () => {
  test('every rule code of the domain answers its sentence, which has no English', () => {
    for (const code of RULE_CODES) {
      expect(codeMessageJa(code)).toBe(RULE_CODE_SENTENCES[code].ja);
      expect([code, codeMessageJa(code)]).toEqual([code, expect.not.stringMatching(LATIN)]);
    }
    expect(codeMessageJa('EVENT_BEFORE_BIRTH')).toBe('発生日が生年月日より前です。');
    expect(codeMessageJa('SSW1_CAP_EXCEEDED')).toBe('特定技能1号の通算在留期間(5年)を超えます。');
  });

  test("a writer's failure is worded for an import, every reason the writer has, with no English", () => {
    expect(codeMessageJa('RESIDENT_HISTORY_FULL')).toBe('この在留者の記録が上限に達しています。');
    expect(codeMessageJa('CHANGED_MEANWHILE')).toBe('取込み中にこの在留者が変更されました。もう一度取り込んでください。');
    for (const reason of Object.keys(WRITER_MESSAGES_JA)) {
      expect(codeMessageJa(reason)).toBe(WRITER_MESSAGES_JA[reason as keyof typeof WRITER_MESSAGES_JA]);
      expect([reason, codeMessageJa(reason)]).toEqual([reason, expect.not.stringMatching(LATIN)]);
    }
  });

  test('a code without a sentence, or none at all, is told in Japanese alone: the English detail stays in `message`', () => {
    expect(codeMessageJa('SOMETHING_NEW')).toBe(ROW_REFUSED_JA);
    expect(codeMessageJa(undefined)).toBe(ROW_REFUSED_JA);
    expect(ROW_REFUSED_JA).not.toMatch(LATIN);
    // A code name is no sentence either, nor an inherited property of a plain object.
    expect(codeMessageJa('toString')).toBe(ROW_REFUSED_JA);
  });

  test("a row's employer that cannot be recorded is told in Japanese alone", () => {
    expect(employerRefusedJa('CORPORATE_NUMBER_IN_USE')).toBe('所属機関を登録できません（この法人番号の所属機関はすでに登録されています）');
    expect(employerRefusedJa(undefined)).not.toMatch(LATIN);
  });
});

const PERSON = { fullName: 'NGUYEN THI HOA', dateOfBirth: '2003-02-14', nationality: 'VNM' };
const registrationErrors = (body: Record<string, unknown>): FieldError[] => {
  const parsed = parseRegistration(body);
  return parsed.ok ? [] : parsed.errors;
};
const takeOverErrors = (data: Record<string, unknown>): FieldError[] => {
  const parsed = parseRecordableEvent({ type: 'ExistingStatusRecorded', occurredOn: '2027-06-01', data });
  return parsed.ok ? [] : parsed.errors;
};
const CARD = 'AB12345678CD';

/**
 * Each field rule a row can meet, produced by the domain's own validators (so a rule reworded
 * in the domain fails here, not on the screen as the general sentence), with the Japanese
 * expected of it.
 */
const FIELD_RULES: Array<[string, FieldError[], string]> = [
  ['a name missing', registrationErrors({ dateOfBirth: '2003-02-14', nationality: 'VNM' }), '「氏名」を入力してください'],
  ['a blank name', registrationErrors({ ...PERSON, fullName: '   ' }), '「氏名」を入力してください'],
  ['a name that is no text', registrationErrors({ ...PERSON, fullName: 7 }), '「氏名」は文字で入力してください'],
  ['a name too long', registrationErrors({ ...PERSON, fullName: 'あ'.repeat(201) }), '「氏名」は 200 文字以内で入力してください'],
  [
    'a control character in a name',
    registrationErrors({ ...PERSON, fullName: 'ホア\u0007' }),
    '「氏名」の 3 文字目に使えない文字（制御文字など）があります。取り除いてください',
  ],
  [
    'a control character in a note',
    registrationErrors({ ...PERSON, notes: 'メモ\u0000' }),
    '「氏名」の 3 文字目に使えない文字（制御文字など）があります。取り除いてください',
  ],
  [
    'half a surrogate pair',
    registrationErrors({ ...PERSON, nameNative: '\ud800' }),
    '「氏名」の 1 文字目に使えない文字（制御文字など）があります。取り除いてください',
  ],
  [
    'a day that does not exist',
    registrationErrors({ ...PERSON, dateOfBirth: '2003-02-30' }),
    '「氏名」は日付（2026-04-01 や 令和8年4月1日）で入力してください',
  ],
  [
    'a nationality that is no ISO code',
    registrationErrors({ ...PERSON, nationality: 'Viet' }),
    '「氏名」は国名（ベトナム、フィリピンなど）で入力してください',
  ],
  ['a reading not in katakana', registrationErrors({ ...PERSON, nameKana: 'hoa' }), '「氏名」はカタカナで入力してください'],
  [
    'a passport number too short',
    registrationErrors({ ...PERSON, passportNumber: 'A1' }),
    '「氏名」は英字と数字の 5〜20 文字で入力してください',
  ],
  [
    'a telephone number with letters',
    registrationErrors({ ...PERSON, phone: 'call me' }),
    '「氏名」は電話番号（数字・空白・ハイフン、先頭に＋も可）で入力してください',
  ],
  ['no e-mail address', registrationErrors({ ...PERSON, email: 'hoa' }), '「氏名」はメールアドレスの形で入力してください'],
  ['no status code', takeOverErrors({ status: 'tourist' }), '「氏名」は在留資格の名前（特定技能1号、留学、永住者など）で入力してください'],
  [
    'a period for a status without one',
    takeOverErrors({ status: 'permanent_resident', periodExpiresOn: '2028-01-01' }),
    'この在留資格には在留期間がありません。「氏名」は空欄にしてください',
  ],
  ['no period for a status with one', takeOverErrors({ status: 'student' }), '「氏名」を入力してください'],
  [
    'a card number not as printed',
    takeOverErrors({ status: 'student', periodExpiresOn: '2028-01-01', card: { number: 'AB1234' } }),
    '「氏名」は英字2文字・数字8桁・英字2文字の12文字で入力してください',
  ],
  [
    'a card that expires before its issue',
    takeOverErrors({
      status: 'student',
      periodExpiresOn: '2028-01-01',
      card: { number: CARD, issuedOn: '2027-01-01', expiresOn: '2026-01-01' },
    }),
    '「氏名」が「在留カード交付年月日」より前になっています',
  ],
  [
    "a permanent resident's card without a day to count its 7 years from",
    takeOverErrors({ status: 'permanent_resident', card: { number: CARD } }),
    '「氏名」を入力してください（「在留カード交付年月日」か「許可年月日」がないと、有効期限を交付から7年として計算できません）',
  ],
  [
    'in Japan neither true nor false',
    takeOverErrors({ status: 'permanent_resident', inJapan: 'yes' }),
    '「氏名」は「はい」か「いいえ」で入力してください',
  ],
  [
    'an application of no known kind',
    takeOverErrors({ status: 'student', periodExpiresOn: '2028-01-01', pendingApplication: { kind: 'visa', appliedOn: '2027-05-01' } }),
    '「氏名」は決められた選択肢のどれかで入力してください',
  ],
  [
    'a 特定産業分野 announced but not in force',
    takeOverErrors({ status: 'specified_skilled_worker_1', periodExpiresOn: '2028-01-01', designation: { field: 'linen_supply' } }),
    '「氏名」のリネンサプライはまだ特定産業分野として始まっていません',
  ],
  [
    'a 特定産業分野 for a student',
    takeOverErrors({ status: 'student', periodExpiresOn: '2028-01-01', designation: { field: 'nursing_care' } }),
    '「氏名」は在留資格が特定技能1号・2号のときだけ書いてください',
  ],
  [
    "a 特定活動's designation for 特定技能",
    takeOverErrors({ status: 'specified_skilled_worker_1', periodExpiresOn: '2028-01-01', designation: 'other' }),
    '在留資格が特定技能のときは「氏名」に特定産業分野を書いてください',
  ],
  [
    'more months than 特定技能1号 has',
    takeOverErrors({ status: 'specified_skilled_worker_1', periodExpiresOn: '2028-01-01', ssw1MonthsUsed: 100 }),
    '「氏名」は 0 から 72 までの整数で入力してください',
  ],
  [
    "特定技能1号's months for a student",
    takeOverErrors({ status: 'student', periodExpiresOn: '2028-01-01', ssw1MonthsUsed: 10 }),
    '「氏名」は在留資格が特定技能1号のときだけ書いてください',
  ],
  [
    'both the first day in 1号 and the months',
    takeOverErrors({
      status: 'specified_skilled_worker_1',
      periodExpiresOn: '2028-01-01',
      ssw1CountFrom: '2026-01-01',
      ssw1MonthsUsed: 10,
    }),
    '「氏名」と「特定技能開始日」は、どちらか一方だけを書いてください',
  ],
  [
    'a first day in 1号 after the take-over',
    takeOverErrors({ status: 'specified_skilled_worker_1', periodExpiresOn: '2028-01-01', ssw1CountFrom: '2027-07-01' }),
    '「氏名」は、この在留資格を記録する日（2027-06-01）より後にはできません',
  ],
  [
    "育成就労's first day for a student",
    takeOverErrors({ status: 'student', periodExpiresOn: '2028-01-01', skillDevelopmentCountFrom: '2027-05-01' }),
    '「氏名」は在留資格が育成就労のときだけ書いてください',
  ],
  [
    "育成就労's first day before 育成就労 began",
    takeOverErrors({ status: 'employment_for_skill_development', periodExpiresOn: '2028-01-01', skillDevelopmentCountFrom: '2027-01-01' }),
    '「氏名」は 2027-04-01（育成就労の始まり）から 2027-06-01（この在留資格を記録する日）までの日付にしてください',
  ],
];

describe("the domain's field rules, in Japanese alone", () => {
  test.each(FIELD_RULES)('%s', (_, errors, japanese) => {
    expect(errors).toHaveLength(1);
    const { message } = errors[0]!;
    // Its own sentence, not the general one: a rule reworded in the domain is found here.
    expect(fieldRuleSentenceJa('氏名', message)).toBe(japanese);
    expect(fieldMessageJa('氏名', message)).toBe(japanese);
    expect(japanese).not.toMatch(LATIN);
  });

  test('a message without a sentence is told in Japanese, naming the column: never the English detail', () => {
    expect(fieldRuleSentenceJa('在留資格', 'must be a colour')).toBeUndefined();
    expect(fieldMessageJa('在留資格', 'must be a colour')).toBe('「在留資格」の値を取り込めません。入力のしかたを確かめてください');
  });
});

describe('a row refused by the field rules, as the import reads it', () => {
  const TODAY = '2027-06-01' as LocalDate;
  const read = (headers: string[], cells: string[]) => readRow({ row: 2, cells }, headerMap(headers), TODAY);
  /** The Japanese less the cell values it quotes (「NGUYEN」 is the person's, not English). */
  const sentence = (messageJa: string) => messageJa.replace(/「[^」]*」/g, '「」');

  test('each column the domain refuses is told in Japanese, on that column', () => {
    const row = read(
      ['氏名', '生年月日', '国籍・地域', 'フリガナ', 'メールアドレス', '電話番号', '旅券番号'],
      ['NGUYEN THI HOA', '2003-02-14', 'ベトナム', 'hoa', 'hoa', 'call me', 'A1'],
    );
    expect(row.errors.map((error) => [error.field, error.messageJa])).toEqual([
      ['nameKana', '「フリガナ」はカタカナで入力してください'],
      ['passportNumber', '「旅券番号」は英字と数字の 5〜20 文字で入力してください'],
      ['phone', '「電話番号」は電話番号（数字・空白・ハイフン、先頭に＋も可）で入力してください'],
      ['email', '「メールアドレス」はメールアドレスの形で入力してください'],
    ]);
    const status = read(
      ['氏名', '生年月日', '国籍・地域', '在留資格', '在留期間満了日', '在留カード番号', '在留カード交付年月日', '在留カード有効期限'],
      ['NGUYEN THI HOA', '2003-02-14', 'ベトナム', '永住者', '2028-01-01', 'AB1234', '2027-01-01', '2026-01-01'],
    );
    expect(status.errors.map((error) => [error.field, error.messageJa])).toEqual([
      ['cardNumber', '「在留カード番号」は英字2文字・数字8桁・英字2文字の12文字で入力してください'],
    ]);
    for (const error of [...row.errors, ...status.errors]) expect(sentence(error.messageJa)).not.toMatch(LATIN);
  });

  test('the status columns the domain refuses together are each told in Japanese', () => {
    const row = read(
      ['氏名', '生年月日', '国籍・地域', '在留資格', '在留期間満了日', '特定技能通算月数', '育成就労開始日', '分野'],
      ['NGUYEN THI HOA', '2003-02-14', 'ベトナム', '永住者', '2028-01-01', '10', '2027-05-01', '介護'],
    );
    expect(row.errors.map((error) => [error.field, error.messageJa])).toEqual([
      ['periodExpiresOn', 'この在留資格には在留期間がありません。「在留期間満了日」は空欄にしてください'],
      ['ssw1MonthsUsed', '「特定技能通算月数」は在留資格が特定技能1号のときだけ書いてください'],
      ['skillDevelopmentCountFrom', '「育成就労開始日」は在留資格が育成就労のときだけ書いてください'],
      ['sswField', '「分野」は在留資格が特定技能1号・2号のときだけ書いてください'],
    ]);
    for (const error of row.errors) {
      expect(error.message).toMatch(LATIN);
      expect(sentence(error.messageJa)).not.toMatch(LATIN);
      expect(error.messageJa).not.toContain(error.message);
    }
  });
});
