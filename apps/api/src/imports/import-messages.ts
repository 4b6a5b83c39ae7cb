/**
 * The Japanese of what an import or an export answers: the rule codes a row can be refused
 * with, the failures of the writer, and the domain's field rules. The codes and the English
 * messages stay the contract; these texts are for people (the 取込・出力 screen shows them),
 * and hold no English: a code or a field rule without its own sentence gets a Japanese one
 * that says what to look at, never the English detail. A rule code's sentence is the domain's
 * (`RULE_CODE_SENTENCES`, which the web shows as well); the writer's failures and the field
 * rules are worded here for an import.
 */
import { RULE_CODE_SENTENCES, type RuleCode } from '@zairyu/domain';
import type { ResidentFailureKind } from '../residents/index.js';
import { IMPORT_TEMPLATE } from './import-template.js';

/** Every reason the writer can refuse a row with (typed, so a new reason without its sentence fails the type check). */
export const WRITER_MESSAGES_JA: Record<ResidentFailureKind, string> = {
  CONCURRENT_CHANGE: '取込み中にこの在留者が変更されました。もう一度取り込んでください。',
  RESIDENT_ERASED: 'この在留者の個人データは消去済みです。',
  RESIDENT_HISTORY_FULL: 'この在留者の記録が上限に達しています。',
  POSSIBLE_DUPLICATE: '氏名・生年月日・国籍が同じ在留者がすでにいます。同じ人であれば管理番号を台帳に合わせてください。',
  ASSIGNEE_NOT_IN_ORGANISATION: '担当者はこの組織の有効な職員ではありません。',
  INVALID_INPUT: '入力値が正しくありません。',
  RESIDENT_NOT_FOUND: '在留者が見つかりません。',
  CHANGED_MEANWHILE: '取込み中にこの在留者が変更されました。もう一度取り込んでください。',
  RETENTION_HOLDS: '記録の保存期間中のため消去できません。',
  STALE_VERSION: '取込み中にこの在留者が変更されました。もう一度取り込んでください。',
  IDEMPOTENCY_KEY_REUSED: '同じ取込みがすでに別の内容で記録されています。もう一度取り込んでください。',
  CARD_NUMBER_IN_USE: RULE_CODE_SENTENCES.CARD_NUMBER_IN_USE.ja,
  RESIDENT_UNREADABLE: 'この在留者の記録を読み取れません。管理者に連絡してください。',
  RULE_BROKEN: '台帳の規則に合わないため取り込めません。この行の日付と在留資格を確かめてください。',
};

/** What a row refused for a reason without a sentence of its own is told. */
export const ROW_REFUSED_JA = 'この行は取り込めませんでした。行の内容を確かめて、もう一度取り込んでください。';

/** Why a row's employer could not be recorded, in Japanese only (the employer service words its refusals in English). */
export function employerRefusedJa(code: string | undefined): string {
  return code === 'CORPORATE_NUMBER_IN_USE'
    ? '所属機関を登録できません（この法人番号の所属機関はすでに登録されています）'
    : '所属機関を登録できません（所属機関の画面で名称・法人番号・所在地を確かめてください）';
}

/**
 * The Japanese of a code; for a code without one (or none), a Japanese sentence of its own. The
 * English detail is the `message` beside it, never part of the Japanese.
 */
export function codeMessageJa(code: string | undefined): string {
  if (code === undefined) return ROW_REFUSED_JA;
  return (
    ruleSentenceJa(code) ?? (Object.hasOwn(WRITER_MESSAGES_JA, code) ? WRITER_MESSAGES_JA[code as ResidentFailureKind] : ROW_REFUSED_JA)
  );
}

function ruleSentenceJa(code: string): string | undefined {
  return Object.hasOwn(RULE_CODE_SENTENCES, code) ? RULE_CODE_SENTENCES[code as RuleCode].ja : undefined;
}

const column = (field: keyof typeof IMPORT_TEMPLATE) => `「${IMPORT_TEMPLATE[field].ja}」`;

/** A date as the import reads it, in the words of a sentence. */
const DATE_FORMS = '日付（2026-04-01 や 令和8年4月1日）';

/**
 * The domain's field rules (libs/domain: field-rules.ts, identity-rules.ts, typed-text.ts,
 * event-validation.ts, ssw-events.ts) say in English what a value must be; each message a row
 * can meet, in Japanese, for the column it is reported on. Matched on the message: the domain
 * gives its field errors no code. A message not here gets `fieldMessageJa`'s general sentence.
 */
const FIELD_RULE_SENTENCES: ReadonlyArray<readonly [RegExp, (columnJa: string, match: RegExpMatchArray) => string]> = [
  [/^is required$/, (c) => `「${c}」を入力してください`],
  [/^must not be empty$/, (c) => `「${c}」を入力してください`],
  [/^must be a string$/, (c) => `「${c}」は文字で入力してください`],
  [/^must be at most (\d+) characters$/, (c, m) => `「${c}」は ${m[1]} 文字以内で入力してください`],
  [
    /^must not contain (?:control characters|half of a UTF-16 surrogate pair).* at character (\d+)\)$/,
    (c, m) => `「${c}」の ${m[1]} 文字目に使えない文字（制御文字など）があります。取り除いてください`,
  ],
  [/^must be a calendar date/, (c) => `「${c}」は${DATE_FORMS}で入力してください`],
  [/^must be true or false$/, (c) => `「${c}」は「はい」か「いいえ」で入力してください`],
  [/^must be an integer from (\d+) to (\d+)$/, (c, m) => `「${c}」は ${m[1]} から ${m[2]} までの整数で入力してください`],
  [/^must be one of: /, (c) => `「${c}」は決められた選択肢のどれかで入力してください`],
  [/^must be a status code/, (c) => `「${c}」は在留資格の名前（特定技能1号、留学、永住者など）で入力してください`],
  [
    /^must be two upper-case letters, eight digits, two upper-case letters$/,
    (c) => `「${c}」は英字2文字・数字8桁・英字2文字の12文字で入力してください`,
  ],
  [/^must be an ISO 3166-1 alpha-3 code/, (c) => `「${c}」は国名（ベトナム、フィリピンなど）で入力してください`],
  [/^must be katakana/, (c) => `「${c}」はカタカナで入力してください`],
  [/^must be 5 to 20 letters and digits$/, (c) => `「${c}」は英字と数字の 5〜20 文字で入力してください`],
  [/^must be a telephone number/, (c) => `「${c}」は電話番号（数字・空白・ハイフン、先頭に＋も可）で入力してください`],
  [/^must be an e-mail address$/, (c) => `「${c}」はメールアドレスの形で入力してください`],
  [/^must be absent: /, (c) => `この在留資格には在留期間がありません。「${c}」は空欄にしてください`],
  [/^must not be before issuedOn$/, (c) => `「${c}」が${column('cardIssuedOn')}より前になっています`],
  [
    /^is required when neither card\.issuedOn nor grantedOn is given/,
    (c) =>
      `「${c}」を入力してください（${column('cardIssuedOn')}か${column('grantedOn')}がないと、有効期限を交付から7年として計算できません）`,
  ],
  [
    /^(.+) \([a-z_]+\) is announced but not yet a 特定産業分野$/,
    (c, m) =>
      /[A-Za-z]/.test(m[1]!)
        ? `「${c}」の分野はまだ特定産業分野として始まっていません`
        : `「${c}」の${m[1]}はまだ特定産業分野として始まっていません`,
  ],
  [/^with a field is only for specified_skilled_worker/, (c) => `「${c}」は在留資格が特定技能1号・2号のときだけ書いてください`],
  [/^of 特定技能 is \{ field, employer \}$/, (c) => `在留資格が特定技能のときは「${c}」に特定産業分野を書いてください`],
  [/^is only for specified_skilled_worker_1$/, (c) => `「${c}」は在留資格が特定技能1号のときだけ書いてください`],
  [/^is given instead of ssw1CountFrom, not with it$/, (c) => `「${c}」と${column('ssw1CountFrom')}は、どちらか一方だけを書いてください`],
  [
    /^must not be after (\d{4}-\d{2}-\d{2}), the day the status recorded holds from$/,
    (c, m) => `「${c}」は、この在留資格を記録する日（${m[1]}）より後にはできません`,
  ],
  [/^is only for employment_for_skill_development$/, (c) => `「${c}」は在留資格が育成就労のときだけ書いてください`],
  [
    /^must lie from (\d{4}-\d{2}-\d{2}) \(育成就労 begins\) to (\d{4}-\d{2}-\d{2}), the day the status recorded holds from$/,
    (c, m) => `「${c}」は ${m[1]}（育成就労の始まり）から ${m[2]}（この在留資格を記録する日）までの日付にしてください`,
  ],
];

/** The Japanese sentence of one of the domain's field-rule messages, or undefined for a message without one. */
export function fieldRuleSentenceJa(columnJa: string, detail: string): string | undefined {
  for (const [pattern, sentence] of FIELD_RULE_SENTENCES) {
    const match = detail.match(pattern);
    if (match !== null) return sentence(columnJa, match);
  }
  return undefined;
}

/**
 * A value the domain's field rules refuse, in Japanese only: the rule's sentence, or for a
 * message without one, a general sentence naming the column (the English is the row's `message`).
 */
export function fieldMessageJa(columnJa: string, detail: string): string {
  return fieldRuleSentenceJa(columnJa, detail) ?? `「${columnJa}」の値を取り込めません。入力のしかたを確かめてください`;
}

/** The row warning when Shift_JIS had no letter for a name's (Excel writes `?` instead: Nguyễn → Nguy?n). */
export const LOST_LETTERS_JA = '文字が失われています: UTF-8 の CSV か Excel で保存してください';
