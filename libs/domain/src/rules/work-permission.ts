/**
 * May the resident work: the status's category (docs/sources/card-number-check.md §6.2; docs/domain-rules.md §3), widened
 * by a 資格外活動許可, which lapses with the status it was granted under.
 */
import { STATUS_CATALOGUE, type WorkCategory } from '../status-catalogue.js';
import type { LocalDate } from '../calendar/local-date.js';
import type { ExtraActivityPermit, ResidentState } from '../resident/state.js';
import type { Residence } from './lawful-stay.js';

export interface WorkPermission {
  permission: WorkCategory;
  extraActivityHoursPerWeek: number | null;
}

/** A comprehensive permission (包括許可) allows up to 28 hours a week. */
export const COMPREHENSIVE_HOURS_PER_WEEK = 28;

export function workPermissionAsOf(state: ResidentState, residence: Residence, asOf: LocalDate): WorkPermission {
  if (!residence.lawful || state.stay === null) return { permission: 'not_permitted', extraActivityHoursPerWeek: null };
  return {
    permission: STATUS_CATALOGUE[state.stay.status].work,
    extraActivityHoursPerWeek: extraActivityInForce(state, asOf)?.hoursPerWeek ?? null,
  };
}

/**
 * A 資格外活動許可 runs to the end of the period of stay it was granted in (ISA practice; it
 * carries on through that period's special period while the stay is lawful). After an
 * extension it must be granted again: once a new period has begun it lasts only to the old
 * period's end (docs/domain-rules.md §3, corrected 2026-11-23).
 */
function extraActivityInForce(state: ResidentState, asOf: LocalDate): ExtraActivityPermit | null {
  const permit = state.extraActivity;
  if (permit === null || state.stay === null) return null;
  if (permit.periodGrantEventId === state.stay.grantEventId) return permit;
  return permit.periodExpiresOn !== null && asOf <= permit.periodExpiresOn ? permit : null;
}
