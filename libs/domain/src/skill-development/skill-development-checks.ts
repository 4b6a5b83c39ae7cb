/**
 * The rules a 育成就労 fact (and a fact starting 技能実習) must satisfy given what came before it
 * (422, stable codes; docs/domain-rules.md §11).
 */
import { monthsCountedFrom } from '../calendar/legal-periods.js';
import { addDays, type LocalDate } from '../calendar/local-date.js';
import { violation, type RuleViolation } from '../domain-error.js';
import type { LedgerEvent } from '../events/events.js';
import type { ResidentState } from '../resident/state.js';
import { takeOverHoldsFrom } from '../resident/take-over-day.js';
import { technicalInternStartRefused } from './technical-intern-transition.js';
import { SKILL_DEVELOPMENT_TOTAL_YEARS, skillDevelopmentTotalReachedOn } from './skill-development-total.js';

export const SKILL_DEVELOPMENT = 'employment_for_skill_development';

/** A transfer of the worker's own will waits at least this long when the field's period is not given. */
export const DEFAULT_TRANSFER_RESTRICTION_MONTHS = 12;

export const holdsSkillDevelopment = (state: ResidentState) => state.stay?.status === SKILL_DEVELOPMENT;

function totalExceeded(state: ResidentState, on: LocalDate, periodExpiresOn: LocalDate | undefined): RuleViolation | null {
  if (periodExpiresOn === undefined) return null;
  const reached = skillDevelopmentTotalReachedOn(state.skillDevelopment, on);
  if (periodExpiresOn <= reached) return null;
  const years = SKILL_DEVELOPMENT_TOTAL_YEARS + (state.skillDevelopment.extended ? 1 : 0);
  return violation(
    'SKILL_DEVELOPMENT_CAP_EXCEEDED',
    `育成就労 may be held for ${years} years in total${state.skillDevelopment.extended ? ' (one year more approved)' : ''}: this period ends on ${periodExpiresOn}, after the total is reached on ${reached}.`,
  );
}

/**
 * The first day a transfer of the worker's own will may take effect: the time with the current
 * 育成就労実施者 must exceed the restriction period, whose first day is the day work began there
 * (it counts): from 2027-04-01, 12 months run through 2028-03-31, so 2028-04-01 (reading).
 */
export function earliestOwnWillTransfer(withCurrentSince: LocalDate, restrictionMonths: number): LocalDate {
  return addDays(monthsCountedFrom(withCurrentSince, restrictionMonths), 1);
}

const notSkillDevelopment = (what: string) => violation('NOT_SKILL_DEVELOPMENT', `${what} needs the resident to hold 育成就労.`);

export function checkSkillDevelopmentFact(state: ResidentState, event: LedgerEvent): RuleViolation | null {
  const on = event.occurredOn;
  switch (event.type) {
    case 'Landed':
      return (
        technicalInternStartRefused(state, event.data.status, on, 'landing') ??
        (event.data.status === SKILL_DEVELOPMENT ? totalExceeded(state, on, event.data.periodExpiresOn) : null)
      );
    case 'StatusChangeGranted':
    case 'StatusAcquisitionGranted':
      return (
        technicalInternStartRefused(state, event.data.status, on, 'grant') ??
        (event.data.status === SKILL_DEVELOPMENT ? totalExceeded(state, on, event.data.periodExpiresOn) : null)
      );
    case 'ExtensionGranted':
      return holdsSkillDevelopment(state) ? totalExceeded(state, on, event.data.periodExpiresOn) : null;
    case 'ExistingStatusRecorded': {
      // A take-over counts from the first day in the status it states, else from the day its facts hold from.
      if (event.data.status !== SKILL_DEVELOPMENT) return null;
      const from = event.data.skillDevelopmentCountFrom ?? takeOverHoldsFrom(event);
      return totalExceeded(state, from, event.data.periodExpiresOn);
    }
    case 'SkillDevelopmentExtensionApproved':
      return state.skillDevelopment.periods.length === 0 ? notSkillDevelopment('One more year of 育成就労') : null;
    case 'SkillDevelopmentTransferred': {
      const since = state.skillDevelopment.withCurrentSince;
      if (!holdsSkillDevelopment(state) || since === null) return notSkillDevelopment('A transfer (転籍)');
      if (event.data.reason !== 'own_will') return null;
      const months = event.data.restrictionMonths ?? DEFAULT_TRANSFER_RESTRICTION_MONTHS;
      const earliest = earliestOwnWillTransfer(since, months);
      return on >= earliest
        ? null
        : violation(
            'TRANSFER_RESTRICTED',
            `A transfer of the worker's own will (本人意向転籍) comes after ${months} months with the current 育成就労実施者 (since ${since}): from ${earliest}, not on ${on}. An unavoidable reason (やむを得ない事情) has no such wait.`,
          );
    }
    default:
      return null;
  }
}
