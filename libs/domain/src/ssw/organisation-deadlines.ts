/**
 * Deadlines of the support organisation itself (no resident), computed from what it records about
 * itself and shown beside the residents' deadlines with `residentId: null` (docs/ssw-duties.md §7):
 * the renewal of its registration as a 登録支援機関, the notice of a change of its registered
 * matters (入管法19条の27), and the notice of a suspension, closure or resumption of its support
 * business (19条の29).
 */
import { addDays, type LocalDate } from '../calendar/local-date.js';
import { monthsBefore } from '../calendar/legal-periods.js';
import { nextWorkingDayFrom } from '../calendar/administrative-holidays.js';
import type { DeadlineKind } from '../deadline-catalogue.js';
import type { DeadlineRecord } from '../resident/state.js';
import { NOTIFICATION_DAYS } from '../rules/notification-periods.js';
import { registrationRenewalWindow } from './ssw-periods.js';

export const SUPPORT_BUSINESS_CHANGES = ['suspended', 'closed', 'resumed'] as const;
export type SupportBusinessChange = (typeof SUPPORT_BUSINESS_CHANGES)[number];

export interface OrganisationRegistration {
  /** The last day of the current registration (5 years, 法19条の23②). */
  registrationExpiresOn: LocalDate;
  /** The renewal was applied for on this day. */
  registrationRenewalAppliedOn?: LocalDate | null;
  /** When the organisation recorded the expiry (the deadline exists from then). */
  recordedOn: LocalDate;
}

export interface OrganisationNotices {
  /** The latest change of a registered matter (19条の24①各号: name, address, officers, offices …), and its notice. */
  registeredMatters?: { changedOn: LocalDate; notifiedOn: LocalDate | null } | null;
  /** The latest suspension, closure or (planned) resumption of the support business, and its notice. */
  supportBusiness?: { change: SupportBusinessChange; on: LocalDate; notifiedOn: LocalDate | null } | null;
}

/**
 * 休止・廃止: within 14 days of it (ISA, as for 19条の27 by 施行規則19条の22), moved past an
 * administrative holiday. 再開: notified one month before the day it resumes (ISA: 再開予定日の1か月前
 * まで), a day counted back from a planned event: it does not move (the earlier day).
 */
export function supportBusinessNoticeDue(change: SupportBusinessChange, on: LocalDate): LocalDate {
  return change === 'resumed' ? monthsBefore(on, 1) : addDays(on, NOTIFICATION_DAYS);
}

function notice(
  kind: DeadlineKind,
  source: string,
  on: LocalDate,
  statutoryDueOn: LocalDate,
  movesOnHoliday: boolean,
  metOn: LocalDate | null,
) {
  return {
    id: `${source}:${kind}`,
    kind,
    sourceEventId: source,
    createdOn: on < statutoryDueOn ? on : statutoryDueOn,
    opensOn: null,
    statutoryDueOn,
    dueOn: movesOnHoliday ? nextWorkingDayFrom(statutoryDueOn) : statutoryDueOn,
    metOn,
    metByEventId: null,
    voidOn: null,
  } satisfies DeadlineRecord;
}

export function organisationDeadlines(registration: OrganisationRegistration | null, notices: OrganisationNotices = {}): DeadlineRecord[] {
  const deadlines: DeadlineRecord[] = [];
  if (registration !== null) {
    const window = registrationRenewalWindow(registration.registrationExpiresOn);
    deadlines.push({
      id: `registration-${registration.registrationExpiresOn}:support_registration_renewal`,
      kind: 'support_registration_renewal',
      sourceEventId: `registration-${registration.registrationExpiresOn}`,
      createdOn: registration.recordedOn < window.opensOn ? registration.recordedOn : window.opensOn,
      opensOn: window.opensOn,
      statutoryDueOn: window.statutoryDueOn,
      // A fixed calendar date (ISA notice R5.8), not a period counted from an event: it does not move.
      dueOn: window.statutoryDueOn,
      metOn: registration.registrationRenewalAppliedOn ?? null,
      metByEventId: null,
      voidOn: null,
    });
  }
  const matters = notices.registeredMatters ?? null;
  if (matters !== null) {
    const kind = 'support_registered_matters_notification';
    deadlines.push(
      notice(
        kind,
        `registered-matters-${matters.changedOn}`,
        matters.changedOn,
        addDays(matters.changedOn, NOTIFICATION_DAYS),
        true,
        matters.notifiedOn,
      ),
    );
  }
  const business = notices.supportBusiness ?? null;
  if (business !== null) {
    const resumed = business.change === 'resumed';
    const kind = resumed ? 'support_business_resumption_notification' : 'support_business_suspension_notification';
    const due = supportBusinessNoticeDue(business.change, business.on);
    deadlines.push(notice(kind, `support-business-${business.change}-${business.on}`, business.on, due, !resumed, business.notifiedOn));
  }
  return deadlines;
}
