/**
 * Why a whole file was refused, in the caseworker's language: the API's Japanese (`detailJa`:
 * no header row found, too many rows, unreadable), else the sentence for the status with the
 * API's detail kept beside it.
 */
import type { TFunction } from 'i18next';
import { ApiProblem } from '../api/client';
import { problemMessage } from '../api/problem-message';

export function fileProblem(error: unknown, t: TFunction): { message: string; detail: string | null } {
  if (!(error instanceof ApiProblem)) return { message: problemMessage(error, t), detail: null };
  const { problem } = error;
  if (problem.detailJa) return { message: problem.detailJa, detail: null };
  if (problem.status === 413) return { message: t('imports.tooLarge'), detail: null };
  if (problem.status === 400) return { message: t('imports.refused'), detail: problem.detail || null };
  return { message: problemMessage(error, t), detail: null };
}
