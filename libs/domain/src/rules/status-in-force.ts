/**
 * Statuses of residence that do not exist yet (docs/domain-rules.md §3). 育成就労 takes effect on
 * 2027-04-01 (令和6年法律第60号; 施行期日 by 政令). Every fact that states a status held — a landing,
 * a grant of a change or an acquisition, a take-over (from the day its facts hold from) — is
 * refused with STATUS_NOT_IN_FORCE on a day before its start, whatever the fact. An application
 * only asks for it and may come earlier (reading).
 */
import type { LocalDate } from '../calendar/local-date.js';
import { violation, type RuleViolation } from '../domain-error.js';
import { STATUS_CATALOGUE, type StatusCode } from '../status-catalogue.js';

export const EMPLOYMENT_FOR_SKILL_DEVELOPMENT_FROM = '2027-04-01' as LocalDate;

/** The first day of each status that starts later than the others (the rest exist throughout). */
export const STATUS_IN_FORCE_FROM: Partial<Record<StatusCode, LocalDate>> = {
  employment_for_skill_development: EMPLOYMENT_FOR_SKILL_DEVELOPMENT_FROM,
};

export function statusInForce(status: StatusCode, on: LocalDate): boolean {
  const start = STATUS_IN_FORCE_FROM[status];
  return start === undefined || on >= start;
}

export function statusNotInForce(status: StatusCode, on: LocalDate): RuleViolation | null {
  if (statusInForce(status, on)) return null;
  return violation(
    'STATUS_NOT_IN_FORCE',
    `${status} (${STATUS_CATALOGUE[status].ja}) takes effect on ${STATUS_IN_FORCE_FROM[status]}; no fact can state it on ${on}.`,
  );
}
