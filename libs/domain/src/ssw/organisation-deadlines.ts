/**
 * Deadlines of the support organisation itself (no resident): the renewal of its registration
 * as a 登録支援機関 (docs/ssw-duties.md §7). Computed from what the organisation records about
 * itself, shown beside the residents' deadlines with `residentId: null`.
 */
import type { LocalDate } from '../calendar/local-date.js';
import type { DeadlineRecord } from '../resident/state.js';
import { registrationRenewalWindow } from './ssw-periods.js';

export interface OrganisationRegistration {
  /** The last day of the current registration (5 years, 法19条の23②). */
  registrationExpiresOn: LocalDate;
  /** The renewal was applied for on this day. */
  registrationRenewalAppliedOn?: LocalDate | null;
  /** When the organisation recorded the expiry (the deadline exists from then). */
  recordedOn: LocalDate;
}

export function organisationDeadlines(registration: OrganisationRegistration | null): DeadlineRecord[] {
  if (registration === null) return [];
  const window = registrationRenewalWindow(registration.registrationExpiresOn);
  const appliedOn = registration.registrationRenewalAppliedOn ?? null;
  return [
    {
      id: `registration-${registration.registrationExpiresOn}:support_registration_renewal`,
      kind: 'support_registration_renewal',
      sourceEventId: `registration-${registration.registrationExpiresOn}`,
      createdOn: registration.recordedOn < window.opensOn ? registration.recordedOn : window.opensOn,
      opensOn: window.opensOn,
      statutoryDueOn: window.statutoryDueOn,
      // A fixed calendar date (ISA notice R5.8), not a period counted from an event: it does not move.
      dueOn: window.statutoryDueOn,
      metOn: appliedOn,
      metByEventId: null,
      voidOn: null,
    },
  ];
}
