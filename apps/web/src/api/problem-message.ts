/**
 * A problem+json answer in the caseworker's language: a 422's stable code as a sentence
 * (codes.*), otherwise a sentence for the status. Field errors are shown on their fields
 * (fieldErrors below) by the forms.
 */
import type { TFunction } from 'i18next';
import { ApiProblem, type Problem } from './client';

export function problemMessage(error: unknown, t: TFunction): string {
  if (!(error instanceof ApiProblem)) return t('errors.network');
  return messageFor(error.problem, t);
}

export function messageFor(problem: Problem, t: TFunction): string {
  if (problem.code && t(`codes.${problem.code}`, { defaultValue: '' })) return t(`codes.${problem.code}`);
  switch (problem.status) {
    case 400:
      return t('errors.badRequest');
    case 401:
      return t('errors.unauthorised');
    case 403:
      return t('errors.forbidden');
    case 404:
      return t('errors.notFound');
    case 409:
      return t('errors.conflict');
    case 429:
      return t('errors.tooMany');
    default:
      if (problem.status >= 500) return t('errors.server');
      return t('errors.unknown');
  }
}

/** The API's field errors by field path, without the `data.` prefix: `card.number`, `periodExpiresOn`. */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiProblem) || !error.problem.errors) return {};
  const byField: Record<string, string> = {};
  for (const { field, message } of error.problem.errors) byField[field.replace(/^data\./, '')] ??= message;
  return byField;
}
