/**
 * A row's error or warning in the caseworker's language. The API's own Japanese comes first
 * (`messageJa`, or a `message` already in Japanese); the English sentences the import has long
 * written for unreadable cells are recognised by their shape; then the rule code's sentence from
 * the dictionary (codes.*); anything else is shown as sent, in a Japanese frame.
 */
import type { TFunction } from 'i18next';
import type { ImportIssue } from './api';

/** The cell's own text, as the import quotes it at the start: 「2026-13-45」 is not a date… */
const QUOTED = /^「([^」]*)」\s*(.*)$/s;

const SHAPES: Array<[RegExp, string]> = [
  [/^is not a date/, 'imports.issues.notDate'],
  [/^is not a nationality/, 'imports.issues.notNationality'],
  [/^is not a status of residence/, 'imports.issues.notStatus'],
  [/^is not an application/, 'imports.issues.notApplication'],
  [/^must be はい or いいえ/, 'imports.issues.notYesNo'],
  [/^is (needed|required)/, 'imports.issues.needed'],
];

/** Japanese punctuation, kana, kanji or full-width forms first: a sentence the API wrote in Japanese. */
export const startsInJapanese = (text: string) => /^[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef]/.test(text);

export function issueText(issue: ImportIssue, t: TFunction): string {
  if (issue.messageJa) return issue.messageJa;
  const quoted = QUOTED.exec(issue.message);
  const sentence = quoted ? quoted[2]! : issue.message;
  const shape = SHAPES.find(([pattern]) => pattern.test(sentence));
  if (shape) return t(shape[1], { value: quoted?.[1] ?? '' });
  // English sentences start in ASCII; one that starts in Japanese is the API's Japanese.
  if (startsInJapanese(sentence)) return issue.message;
  if (issue.code && t(`codes.${issue.code}`, { defaultValue: '' })) return t(`codes.${issue.code}`);
  return t('imports.issues.other', { message: issue.message });
}
