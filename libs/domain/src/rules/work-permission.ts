/**
 * May the resident work: the status's category (seed 000 §6.2; domain-rules.md §3), widened
 * by a 資格外活動許可, which lapses with the status it was granted under.
 */
import { STATUS_CATALOGUE, type WorkCategory } from '../status-catalogue.js';
import type { ResidentState } from '../resident/state.js';
import type { Residence } from './lawful-stay.js';

export interface WorkPermission {
  permission: WorkCategory;
  extraActivityHoursPerWeek: number | null;
}

/** A comprehensive permission (包括許可) allows up to 28 hours a week. */
export const COMPREHENSIVE_HOURS_PER_WEEK = 28;

export function workPermissionAsOf(state: ResidentState, residence: Residence): WorkPermission {
  if (!residence.lawful || state.stay === null) return { permission: 'not_permitted', extraActivityHoursPerWeek: null };
  return {
    permission: STATUS_CATALOGUE[state.stay.status].work,
    extraActivityHoursPerWeek: state.extraActivity?.hoursPerWeek ?? null,
  };
}
