/**
 * The Japanese of what an import or an export answers: the rule codes a row can be refused
 * with, and the failures of the writer. The codes stay the contract; these texts are for people
 * (the 取込・出力 screen shows them). A rule code's sentence is the domain's
 * (`RULE_CODE_SENTENCES`, which the web shows as well); the writer's failures are worded here
 * for an import.
 */
import { RULE_CODE_SENTENCES, type RuleCode } from '@zairyu/domain';

const WRITER_MESSAGES_JA: Record<string, string> = {
  CONCURRENT_CHANGE: '取込み中にこの在留者が変更されました。もう一度取り込んでください。',
  RESIDENT_ERASED: 'この在留者の個人データは消去済みです。',
  RESIDENT_HISTORY_FULL: 'この在留者の記録が上限に達しています。',
  POSSIBLE_DUPLICATE: '氏名・生年月日・国籍が同じ在留者がすでにいます。別人であれば confirm=true で取り込んでください。',
  ASSIGNEE_NOT_IN_ORGANISATION: '担当者はこの組織の有効な職員ではありません。',
  INVALID_INPUT: '入力値が正しくありません。',
  RESIDENT_NOT_FOUND: '在留者が見つかりません。',
  CHANGED_MEANWHILE: '取込み中にこの在留者が変更されました。もう一度取り込んでください。',
  RETENTION_HOLDS: '記録の保存期間中のため消去できません。',
};

/** Why a row's employer could not be recorded, in Japanese only (the employer service words its refusals in English). */
export function employerRefusedJa(code: string | undefined): string {
  return code === 'CORPORATE_NUMBER_IN_USE'
    ? '所属機関を登録できません（この法人番号の所属機関はすでに登録されています）'
    : '所属機関を登録できません（所属機関の画面で名称・法人番号・所在地を確かめてください）';
}

/** The Japanese of a code, or, for a code without one, a sentence that keeps the English detail. */
export function codeMessageJa(code: string | undefined, detail: string): string {
  const sentence = code === undefined ? undefined : (ruleSentenceJa(code) ?? WRITER_MESSAGES_JA[code]);
  return sentence ?? `取り込めません（${detail}）`;
}

function ruleSentenceJa(code: string): string | undefined {
  return Object.hasOwn(RULE_CODE_SENTENCES, code) ? RULE_CODE_SENTENCES[code as RuleCode].ja : undefined;
}

/** A value the domain's field rules refuse (their messages are English: "must be a date", …). */
export function fieldMessageJa(columnJa: string, detail: string): string {
  return `「${columnJa}」の値が正しくありません（${detail}）`;
}

/** The row warning when Shift_JIS had no letter for a name's (Excel writes `?` instead: Nguyễn → Nguy?n). */
export const LOST_LETTERS_JA = '文字が失われています: UTF-8 の CSV か Excel で保存してください';
