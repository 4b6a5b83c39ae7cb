/**
 * Why a whole file was refused, in the caseworker's language: the required columns the header
 * The API's own Japanese first (`detailJa`); else the required columns the header row lacks
 * (the API names them by their Japanese header), too many rows, too large; otherwise the general
 * sentence for the status.
 */
import type { TFunction } from 'i18next';
import { ApiProblem } from '../api/client';
import { problemMessage } from '../api/problem-message';
import { startsInJapanese } from './issue-text';

export function fileProblem(error: unknown, t: TFunction): { message: string; detail: string | null } {
  if (!(error instanceof ApiProblem)) return { message: problemMessage(error, t), detail: null };
  const problem = error.problem as ApiProblem['problem'] & { detailJa?: string };
  if (problem.detailJa) return { message: problem.detailJa, detail: null };
  if (problem.status === 413) return { message: t('imports.tooLarge'), detail: null };
  const missing = (problem.errors ?? []).filter((fieldError) => /required column/.test(fieldError.message)).map((e) => e.field);
  if (missing.length > 0) return { message: t('imports.missingColumns', { columns: missing.join('、') }), detail: null };
  if ((problem.errors ?? []).some((fieldError) => /at most \d+ rows/.test(fieldError.message)))
    return { message: t('imports.tooManyRows'), detail: null };
  if (startsInJapanese(problem.detail)) return { message: problem.detail, detail: null };
  if (problem.status === 400) return { message: t('imports.refused'), detail: problem.detail || null };
  return { message: problemMessage(error, t), detail: null };
}
