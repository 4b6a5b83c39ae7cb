/**
 * A row's error or warning in the caseworker's language: the API's Japanese (`messageJa`), else
 * the rule code's sentence from the dictionary (codes.*), else the message as sent. The column
 * is named as the file headed it, with the template's name beside it where the two differ
 * (在留期限 → 在留期間満了日), so the office finds the cell and learns the template's word.
 */
import type { TFunction } from 'i18next';
import type { ImportIssue } from './api';

export function issueText(issue: ImportIssue, t: TFunction): string {
  if (issue.messageJa) return issue.messageJa;
  if (issue.code && t(`codes.${issue.code}`, { defaultValue: '' })) return t(`codes.${issue.code}`);
  return issue.message;
}

export function issueColumn(issue: ImportIssue, t: TFunction): string {
  const column = issue.column ?? issue.columnJa;
  if (column === null) return t('imports.wholeRow');
  return issue.columnJa && issue.columnJa !== column ? `${column}(${issue.columnJa})` : column;
}
