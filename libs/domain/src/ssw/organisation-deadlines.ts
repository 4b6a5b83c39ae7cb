/**
 * Deadlines of the support organisation itself (no resident), computed from what it records about
 * itself and shown beside the residents' deadlines with `residentId: null` (docs/ssw-duties.md §7):
 * the renewal of its registration as a 登録支援機関, the notice of a change of its registered
 * matters (入管法19条の27), and the notice of a suspension, closure or resumption of its support
 * business (19条の29), and its yearly report on the support it carried out (支援実施状況に係る届出,
 * 定期届出: 施行規則 as amended 2025-04-01).
 */
import { addDays, type LocalDate } from '../calendar/local-date.js';
import { monthsBefore } from '../calendar/legal-periods.js';
import { nextWorkingDayFrom } from '../calendar/administrative-holidays.js';
import type { DeadlineKind } from '../deadline-catalogue.js';
import type { DeadlineRecord } from '../resident/state.js';
import { NOTIFICATION_DAYS } from '../rules/notification-periods.js';
import { addYears } from '../calendar/legal-periods.js';
import {
  annualReportWindow,
  FIRST_ANNUAL_REPORT_FISCAL_YEAR,
  fiscalYearOf,
  fiscalYearStart,
  registrationRenewalWindow,
} from './ssw-periods.js';

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
  /** The latest yearly report filed (支援実施状況に係る届出): the fiscal year it covers and the day. */
  annualReport?: { fiscalYear: number; filedOn: LocalDate } | null;
}

/**
 * The first fiscal year whose report the current registration owes: the year its 5-year term
 * began in (法19条の23②: the day after the expiry 5 years earlier), never before the first yearly
 * report (FY2025, filed 2026-04-01 – 05-31). (reading: an earlier registration, renewed, is not
 * known to the ledger; nor is it known whether a year saw any 全部委託 support.)
 */
export function firstOwedAnnualReport(registrationExpiresOn: LocalDate): number {
  const termBegan = addDays(addYears(registrationExpiresOn, -5), 1);
  return Math.max(FIRST_ANNUAL_REPORT_FISCAL_YEAR, fiscalYearOf(termBegan));
}

/**
 * The yearly report: the latest one filed (met) and the next one owed — reports are filed in
 * order, so only the earliest unfiled year is open; recording it brings the next. A year that
 * begins after the registration's last day is owed only once a renewal was applied for. The
 * window (1 April – 31 May after the year) is fixed by the 省令: it does not move (the earlier day).
 */
function annualReports(registration: OrganisationRegistration, filed: OrganisationNotices['annualReport']): DeadlineRecord[] {
  const reports: DeadlineRecord[] = [];
  const first = firstOwedAnnualReport(registration.registrationExpiresOn);
  const report = (fiscalYear: number, metOn: LocalDate | null): DeadlineRecord => {
    const window = annualReportWindow(fiscalYear);
    const source = `organisation-annual-report:FY${fiscalYear}`;
    return {
      id: `${source}:support_annual_report`,
      kind: 'support_annual_report',
      sourceEventId: source,
      createdOn: registration.recordedOn < window.opensOn ? registration.recordedOn : window.opensOn,
      opensOn: window.opensOn,
      statutoryDueOn: window.statutoryDueOn,
      dueOn: window.statutoryDueOn,
      metOn,
      metByEventId: null,
      voidOn: null,
    };
  };
  if (filed != null) reports.push(report(filed.fiscalYear, filed.filedOn));
  const next = filed == null ? first : Math.max(first, filed.fiscalYear + 1);
  const registered = fiscalYearStart(next) <= registration.registrationExpiresOn || registration.registrationRenewalAppliedOn != null;
  if (registered) reports.push(report(next, null));
  return reports;
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
    deadlines.push(...annualReports(registration, notices.annualReport ?? null));
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
