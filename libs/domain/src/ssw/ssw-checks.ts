/**
 * The rules a Specified Skilled Worker fact must satisfy given what came before it (422,
 * stable codes). A grant of 特定技能1号 whose period runs past the 5-year total is refused.
 */
import type { LocalDate } from '../calendar/local-date.js';
import { violation, type RuleViolation } from '../domain-error.js';
import type { LedgerEvent } from '../events/events.js';
import type { ResidentState } from '../resident/state.js';
import { capIfHeldFrom } from './ssw1-cap.js';
import { EXCLUSION_LIMIT_YEARS, leaveFault } from './ssw1-exclusions.js';
import { specifiedField } from './specified-fields.js';
import { capInput, everSsw, holdsSsw, holdsSsw1, SSW1 } from './ssw-step.js';

function capExceeded(state: ResidentState, on: LocalDate, periodExpiresOn: LocalDate | undefined): RuleViolation | null {
  if (periodExpiresOn === undefined) return null;
  const cap = capIfHeldFrom(capInput(state.ssw), on);
  if (periodExpiresOn <= cap) return null;
  return violation(
    'SSW1_CAP_EXCEEDED',
    `特定技能1号 may be held for ${state.ssw.sixthYear ? 6 : 5} years in total (入管法施行規則21条の2): this period ends on ${periodExpiresOn}, after the total is reached on ${cap}.`,
  );
}

const noSupport = (type: string) =>
  violation('NO_SUPPORT', `${type} needs the organisation's support of this worker to have started (SupportStarted).`);

export function checkSswFact(state: ResidentState, event: LedgerEvent): RuleViolation | null {
  const on = event.occurredOn;
  switch (event.type) {
    case 'Landed':
    case 'StatusChangeGranted':
    case 'StatusAcquisitionGranted':
      return event.data.status === SSW1 ? capExceeded(state, on, event.data.periodExpiresOn) : null;
    case 'ExtensionGranted':
      return holdsSsw1(state) ? capExceeded(state, on, event.data.periodExpiresOn) : null;
    case 'SswIntervalExcluded': {
      if (state.ssw.ssw1Periods.length === 0)
        return violation('NOT_SSW1', 'Only time in 特定技能1号 is counted, so only it can be excluded.');
      // Illness or injury counts only when the leave lasted a month or more without a break, and
      // for at most 1 year (3 years for 労災) of one leave (運用要領 R7.9.30; ssw1-exclusions.ts).
      const fault = leaveFault(event.data, state.ssw.exclusions);
      if (fault?.fault === 'too_short') {
        return violation(
          'SSW_EXCLUSION_TOO_SHORT',
          `Leave for illness or injury is excluded when it lasts a month or more; ${fault.leave.from} – ${fault.leave.to} is shorter.`,
        );
      }
      if (fault?.fault === 'too_long') {
        const years = EXCLUSION_LIMIT_YEARS[fault.leave.reason];
        return violation(
          'SSW_EXCLUSION_TOO_LONG',
          `Leave for ${fault.leave.reason === 'occupational_illness_injury' ? 'an illness or injury at work (労災)' : 'illness or injury'} is left out of the 5-year total for at most ${years} year${years === 1 ? '' : 's'}: of the leave ${fault.leave.from} – ${fault.leave.to}, record no more than ${fault.leave.from} – ${fault.lastDay}.`,
        );
      }
      return null;
    }
    case 'SswSixthYearApproved': {
      if (state.ssw.ssw1Periods.length === 0) return violation('NOT_SSW1', 'A 6th year is allowed only to a worker in 特定技能1号.');
      const field = state.ssw.field === null ? undefined : specifiedField(state.ssw.field);
      if (field !== undefined && !field.secondTier) {
        return violation('SSW_SIXTH_YEAR_NOT_AVAILABLE', `${field.ja} has no 特定技能2号, so no 6th year for failing its test.`);
      }
      return null;
    }
    case 'SupportStarted':
      return state.ssw.support === null
        ? null
        : violation(
            'SUPPORT_ALREADY_STARTED',
            `Support has run since ${state.ssw.support.since}; record SupportEnded or SupportContractChanged.`,
          );
    case 'SupportEnded':
    case 'SupportContractChanged':
    case 'SupportInterviewHeld':
    case 'OrientationHeld':
      return state.ssw.support === null ? noSupport(event.type) : null;
    case 'SswContractChanged':
      return holdsSsw(state) ? null : violation('NOT_SSW', 'A 特定技能雇用契約 exists only while the worker holds 特定技能.');
    case 'AcceptanceDifficulty':
      return everSsw(state) ? null : violation('NOT_SSW', 'The acceptance of a worker who never held 特定技能 is not notified to ISA.');
    case 'SswStandardsNonConformity':
      return everSsw(state) ? null : violation('NOT_SSW', 'Only the employer of a worker in 特定技能 notifies ISA of its standards.');
    case 'SupportPlanChanged':
    case 'SupportDifficulty':
      // The support plan is owed to a worker in 1号 only (入管法2条の5⑥).
      return holdsSsw1(state) ? null : violation('NOT_SSW1', 'A 1号特定技能外国人支援計画 exists only while the worker holds 特定技能1号.');
    default:
      return null;
  }
}
