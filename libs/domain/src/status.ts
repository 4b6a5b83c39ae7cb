/**
 * statusAsOf(events, asOf): the `status` object of docs/api-v1.md — is the stay lawful and on what
 * basis, is the card valid, may the resident work — on `asOf` as as-of.ts defines it.
 */
import type { LocalDate } from './calendar/local-date.js';
import { workingDaysAfter } from './calendar/administrative-holidays.js';
import { cardViewAsOf, type CardView } from './card-view.js';
import type { RecordedEvent } from './events/events.js';
import { cardStateAsOf } from './rules/card-validity.js';
import { residenceAsOf, type Residence } from './rules/lawful-stay.js';
import { workPermissionAsOf, type WorkPermission } from './rules/work-permission.js';
import { residentAsOf } from './as-of.js';
import type { CardRecord, ResidentState } from './resident/state.js';
import { holdsSsw } from './ssw/ssw-step.js';

export const STATUS_WARNING_CODES = ['CARD_EXPIRY_DIFFERS', 'CARD_VERIFICATION_MISMATCH', 'OUTSIDE_DESIGNATION'] as const;

export interface StatusWarning {
  code: (typeof STATUS_WARNING_CODES)[number];
  message: string;
}

export interface ResidentStatus {
  residentId: string | null;
  asOf: LocalDate;
  residence: Residence;
  card: CardView;
  work: WorkPermission;
  warnings: StatusWarning[];
}

export function statusAsOf(events: readonly RecordedEvent[], asOf: LocalDate): ResidentStatus {
  return statusOfState(residentAsOf(events, asOf), asOf);
}

export function statusOfState(state: ResidentState, asOf: LocalDate): ResidentStatus {
  const { residentId, residence, card, work, warnings } = timelessStatusOfState(state, asOf);
  return { residentId, asOf, residence, card, work, warnings };
}

/** statusOfState without its `asOf`, as the status timeline keeps it (built without a copy: it is built on every day the timeline visits). */
export function timelessStatusOfState(state: ResidentState, asOf: LocalDate): Omit<ResidentStatus, 'asOf'> {
  const residence = residenceAsOf(state, asOf);
  const card = state.cards.at(-1) ?? null;
  return {
    residentId: state.residentId,
    residence,
    card: cardViewAsOf(card, asOf),
    work: workPermissionAsOf(state, residence, asOf),
    warnings: [...(card === null ? [] : cardWarnings(card)), ...designationWarnings(state)],
  };
}

/**
 * 特定技能 is the activity under a contract with the employer the Minister designates (入管法別表第一の二
 * 特定技能; 指定書): working for another employer is outside the status (資格外活動, 19条1項) until a
 * change of status names it. Employers are compared as recorded (a record id or a name).
 */
function designationWarnings(state: ResidentState): StatusWarning[] {
  const { designatedEmployer, employer } = state.ssw;
  if (!holdsSsw(state) || designatedEmployer === null || employer === null || employer === designatedEmployer) return [];
  return [
    {
      code: 'OUTSIDE_DESIGNATION',
      message: `Works for ${employer}, but the 指定書 of ${state.stay!.status} names ${designatedEmployer}: this activity is outside the designation until a change of status (変更許可) names the new employer.`,
    },
  ];
}

/**
 * A printed expiry that differs from 19条の5 is kept but pointed out. An online check that
 * disagrees with the ledger is a mismatch to look at; within two working days of issue it
 * may be the check's reflection delay (docs/sources/card-number-check.md).
 */
function cardWarnings(card: CardRecord): StatusWarning[] {
  const warnings: StatusWarning[] = [];
  if (card.expiresOn !== card.computedExpiresOn) {
    warnings.push({
      code: 'CARD_EXPIRY_DIFFERS',
      message: `Card ${card.number} is printed to expire on ${card.expiresOn}; the rules give ${card.computedExpiresOn}.`,
    });
  }
  const check = card.lastVerification;
  if (check !== null) {
    const ledgerValid = cardStateAsOf(card, check.on) === 'valid';
    if (ledgerValid !== (check.result === 'valid')) {
      const delay =
        check.result === 'invalid' && card.issuedOn !== null && workingDaysAfter(card.issuedOn, check.on) < 2
          ? ' The card was issued less than two working days before the check: it may not be reflected yet.'
          : '';
      warnings.push({
        code: 'CARD_VERIFICATION_MISMATCH',
        message: `The online check on ${check.on} said ${check.result}, but the ledger holds card ${card.number} ${ledgerValid ? 'valid' : 'not valid'}.${delay}`,
      });
    }
  }
  return warnings;
}
