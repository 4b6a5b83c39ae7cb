/**
 * What a fact, or time passing, does to a resident as a Specified Skilled Worker. evolve runs
 * the core rules first and then `sswAfterFact(before, after, fact)`, so this file sees both the
 * state before the fact and the state the core rules made of it (a status that began or ended).
 */
import { addDays, type LocalDate } from '../calendar/local-date.js';
import { monthsBefore } from '../calendar/legal-periods.js';
import { owedByOf, type DeadlineKind } from '../deadline-catalogue.js';
import type { RecordedEvent, RecordedEventOf } from '../events/events.js';
import { factDay } from '../resident/fact-order.js';
import { isPending, openDeadline, updatePending, type NewDeadline } from '../resident/deadline-book.js';
import type { DeadlineRecord, ResidentState } from '../resident/state.js';
import { NOTIFICATION_DAYS } from '../rules/notification-periods.js';
import { capIfHeldFrom, ssw1Count } from './ssw1-cap.js';
import { countableExclusions } from './ssw1-exclusions.js';
import type { InterviewParty, SswDesignation, SswReportKind } from './ssw-events.js';
import {
  annualReportWindow,
  fiscalYearOf,
  fiscalYearStart,
  FIRST_ANNUAL_REPORT_FISCAL_YEAR,
  helloWorkDue,
  nextInterviewDue,
  ORIENTATION_DAYS,
} from './ssw-periods.js';
import type { SswState } from './ssw-state.js';

export const SSW1 = 'specified_skilled_worker_1';
const SSW_STATUSES: readonly string[] = [SSW1, 'specified_skilled_worker_2'];

export const holdsSsw = (state: ResidentState) => state.stay !== null && SSW_STATUSES.includes(state.stay.status);
export const holdsSsw1 = (state: ResidentState) => state.stay?.status === SSW1;
export const everSsw = (state: ResidentState) => holdsSsw(state) || state.ssw.ssw1Periods.length > 0 || state.ssw.field !== null;

/** The state with `change` made to its SSW part; the same state when nothing changes (most facts, every fold step: no copy to collect). */
function withSsw(state: ResidentState, change: Partial<SswState>): ResidentState {
  const ssw = state.ssw as unknown as Record<string, unknown>;
  const unchanged = Object.entries(change).every(([key, value]) => Object.hasOwn(ssw, key) && Object.is(ssw[key], value));
  return unchanged ? state : { ...state, ssw: { ...state.ssw, ...change } };
}

const GRANTS = ['Landed', 'StatusChangeGranted', 'StatusAcquisitionGranted'];
/** Facts that state a status and its 指定書: the grants, and a take-over (which is no grant: it owes no orientation). */
const STATES_DESIGNATION = [...GRANTS, 'ExistingStatusRecorded'];
const JOINING = ['new_contract', 'transferred'];
const LEAVING = ['contract_ended', 'left', 'dissolved'];
const SUPPORT_CONTRACT_FACTS = ['SupportStarted', 'SupportEnded', 'SupportContractChanged'];

function settle(
  before: ResidentState,
  state: ResidentState,
  kinds: readonly DeadlineKind[],
  how: { metOn: LocalDate; metByEventId: string } | { voidOn: LocalDate },
): ResidentState {
  const pendingBefore = new Set(before.deadlines.filter((d) => isPending(d) && kinds.includes(d.kind)).map((d) => d.id));
  if (pendingBefore.size === 0) return state;
  return {
    ...state,
    deadlines: state.deadlines.map((d) => (pendingBefore.has(d.id) ? { ...d, metOn: null, metByEventId: null, voidOn: null, ...how } : d)),
  };
}

/**
 * The employer's filings stay owed whatever becomes of the worker: a 届出事由 that arose while
 * the worker held 特定技能 is filed even after they left or changed status (運用要領).
 */
function keepEmployerFilings(before: ResidentState, state: ResidentState): ResidentState {
  const owed = new Set(before.deadlines.filter((d) => isPending(d) && owedByOf(d.kind) === 'employer').map((d) => d.id));
  if (!state.deadlines.some((d) => owed.has(d.id) && d.voidOn !== null)) return state;
  return { ...state, deadlines: state.deadlines.map((d) => (owed.has(d.id) && d.voidOn !== null ? { ...d, voidOn: null } : d)) };
}

/**
 * The first day of the 1号 count a take-over states (docs/domain-rules.md §8): `ssw1CountFrom`, or
 * `ssw1MonthsUsed` whole months before the take-over day (as if the count had run without a break
 * since); else the day the take-over's facts hold from. The count runs from the first day in 1号,
 * whatever day the ledger began following the person (施行規則; 運用要領「通算在留期間」).
 */
function takeOverCountStart(fact: RecordedEventOf<'ExistingStatusRecorded'>, from: LocalDate): LocalDate {
  const { ssw1CountFrom, ssw1MonthsUsed } = fact.data;
  if (ssw1CountFrom !== undefined) return ssw1CountFrom;
  if (ssw1MonthsUsed !== undefined) return monthsBefore(fact.occurredOn, ssw1MonthsUsed);
  return from;
}

/**
 * The last day a 1号 period counts when it ends on `on`. The special period (特例期間) after the
 * period of stay counts only when it comes from an extension or from a change into 1号 made to
 * change jobs (運用要領「通算在留期間」: 在留資格変更許可申請に係るものにあっては、転職を行うための
 * ものに限る); waiting on a change to any other status (2号, 技術・人文知識・国際業務 …) counts
 * up to the last day of the period of stay only.
 */
function countedThrough(before: ResidentState, on: LocalDate): LocalDate {
  const expires = before.stay?.periodExpiresOn ?? null;
  const pending = before.pendingStay;
  const waitingOnOtherStatus = pending !== null && pending.kind === 'change' && pending.toStatus !== SSW1;
  return waitingOnOtherStatus && expires !== null && expires < on ? expires : on;
}

/** The 1号 periods: one opens when the status starts, and closes the day it ends. */
function trackPeriods(before: ResidentState, state: ResidentState, on: LocalDate, eventId: string | null, fact: RecordedEvent | null) {
  const was = holdsSsw1(before);
  const is = holdsSsw1(state);
  let next = state;
  if (!was && is) {
    const start = fact?.type === 'ExistingStatusRecorded' ? takeOverCountStart(fact, on) : on;
    next = withSsw(next, { ssw1Periods: [...next.ssw.ssw1Periods, { from: start, to: null }] });
  }
  if (was && !is) {
    const periods = next.ssw.ssw1Periods;
    next = withSsw(next, { ssw1Periods: [...periods.slice(0, -1), { from: periods.at(-1)!.from, to: countedThrough(before, on) }] });
    // 5 years: answered by a change to another status or a departure; otherwise (death, revocation, lapse) it lapses.
    const answered = eventId !== null && (state.stay !== null || fact?.type === 'Departed');
    next = settle(before, next, ['ssw1_cap', 'ssw1_exclusion_claim'], answered ? { metOn: on, metByEventId: eventId } : { voidOn: on });
    next = settle(before, next, ['support_interview', 'orientation'], { voidOn: on });
  }
  return next;
}

/**
 * A contract or support contract concluded for an application into 特定技能 is part of that
 * application, not a 届出事由: dated on the day the status was obtained (landing or grant; facts of
 * that day fold after it), or while a change into 特定技能 is pending (a change of job within 1号).
 * The 届出 covers 在留資格を取得した後に生じた事由 only (入管法19条の18; 運用要領第7章). Ending a
 * contract held under the status is always notified.
 */
function partOfApplication(before: ResidentState, on: LocalDate): boolean {
  const pending = before.pendingStay;
  const changeIntoSsw =
    pending !== null && pending.kind === 'change' && pending.toStatus !== null && SSW_STATUSES.includes(pending.toStatus);
  return before.statusObtainedOn === on || changeIntoSsw;
}

function open(state: ResidentState, deadline: NewDeadline): ResidentState {
  return openDeadline(state, deadline);
}

const within14 = (state: ResidentState, kind: DeadlineKind, on: LocalDate, id: string, employer: string | null) =>
  open(state, { kind, sourceEventId: id, createdOn: on, statutoryDueOn: addDays(on, NOTIFICATION_DAYS), employer });

function meetWhere(state: ResidentState, matches: (d: DeadlineRecord) => boolean, on: LocalDate, id: string): ResidentState {
  return updatePending(state, matches, (d) => ({ ...d, metOn: on, metByEventId: id }));
}

function interviewDue(state: ResidentState, party: InterviewParty, from: LocalDate, id: string): ResidentState {
  return open(state, { kind: 'support_interview', key: party, sourceEventId: id, createdOn: from, statutoryDueOn: nextInterviewDue(from) });
}

/** The 随時届出 each `SswReportFiled.kind` meets (19条の18①; 施行規則19条の17). */
const FILED_KIND: Record<Exclude<SswReportKind, 'annual'>, DeadlineKind> = {
  contract: 'ssw_contract_notification',
  support_contract: 'ssw_support_contract_notification',
  acceptance_difficulty: 'ssw_acceptance_difficulty_notification',
  support_plan: 'ssw_support_plan_notification',
  standards_nonconformity: 'ssw_standards_nonconformity_notification',
  support_difficulty: 'ssw_support_difficulty_notification',
};

/** The fact's own duties (docs/ssw-duties.md §4–§6). */
function factDuties(before: ResidentState, state: ResidentState, fact: RecordedEvent): ResidentState {
  const on = fact.occurredOn;
  const id = fact.eventId;
  const employer = state.ssw.employer;
  switch (fact.type) {
    case 'AffiliationChanged': {
      let next = state;
      const change = fact.data.change;
      const ended = change === 'contract_ended';
      const concluded = change === 'new_contract' && !partOfApplication(before, on);
      if (holdsSsw(before) && fact.data.kind === 'contract' && (ended || concluded)) {
        next = within14(next, 'ssw_contract_notification', on, id, change === 'new_contract' ? employer : before.ssw.employer);
      }
      const insurance = fact.data.helloWork;
      if (insurance !== undefined && (JOINING.includes(change) || LEAVING.includes(change))) {
        const hiring = JOINING.includes(change);
        next = open(next, {
          kind: hiring ? 'hello_work_hiring' : 'hello_work_leaving',
          sourceEventId: id,
          createdOn: on,
          statutoryDueOn: helloWorkDue(hiring ? 'hiring' : 'leaving', insurance, on),
          employer: fact.data.employer ?? fact.data.organisation ?? null,
        });
      }
      return next;
    }
    case 'SswContractChanged':
      return within14(state, 'ssw_contract_notification', on, id, employer);
    case 'SupportStarted': {
      const support = { since: on, employer: fact.data.employer, plan: fact.data.plan ?? null, eventId: id };
      const next = withSsw(interviewDue(interviewDue(state, 'worker', on, id), 'supervisor', on, id), { support });
      return next;
    }
    case 'SupportEnded':
      return updatePending(
        withSsw(state, { support: null }),
        (d) => d.kind === 'support_interview',
        (d) => ({ ...d, voidOn: on }),
      );
    case 'SupportInterviewHeld': {
      const party = fact.data.with;
      const met = meetWhere(state, (d) => d.kind === 'support_interview' && d.id.endsWith(`:${party}`), on, id);
      const inPerson = fact.data.mode === 'in_person' && party === 'worker';
      return withSsw(interviewDue(met, party, on, id), {
        lastInterview: { ...state.ssw.lastInterview, [party]: { on, mode: fact.data.mode } },
        lastInPersonInterview: inPerson ? on : state.ssw.lastInPersonInterview,
      });
    }
    case 'OrientationHeld':
      return withSsw(
        meetWhere(state, (d) => d.kind === 'orientation', on, id),
        { orientation: { on, hours: fact.data.hours } },
      );
    case 'SswIntervalExcluded': {
      const exclusions = [...state.ssw.exclusions, { ...fact.data, eventId: id }];
      const next = withSsw(state, { exclusions });
      if (next.deadlines.some((d) => d.kind === 'ssw1_exclusion_claim' && isPending(d)) || !holdsSsw1(next)) return next;
      const cap = ssw1Count(capInput(next.ssw), on)!.capReachedOn!;
      return open(next, {
        kind: 'ssw1_exclusion_claim',
        sourceEventId: id,
        createdOn: on,
        opensOn: monthsBefore(cap, 3),
        statutoryDueOn: cap,
      });
    }
    case 'SswSixthYearApproved':
      return withSsw(state, { sixthYear: true });
    case 'AcceptanceDifficulty':
      return within14(state, 'ssw_acceptance_difficulty_notification', on, id, employer ?? before.ssw.employer);
    case 'SupportPlanChanged':
      return partOfApplication(before, on) ? state : within14(state, 'ssw_support_plan_notification', on, id, employer);
    case 'SswStandardsNonConformity':
      return within14(state, 'ssw_standards_nonconformity_notification', on, id, employer ?? before.ssw.employer);
    case 'SupportDifficulty':
      return within14(state, 'ssw_support_difficulty_notification', on, id, employer ?? before.ssw.employer);
    case 'SswReportFiled': {
      const { kind, fiscalYear } = fact.data;
      if (kind === 'annual') return meetWhere(state, (d) => d.kind === 'ssw_annual_report' && d.id.endsWith(`:FY${fiscalYear}`), on, id);
      const filed = FILED_KIND[kind];
      return meetWhere(state, (d) => d.kind === filed, on, id);
    }
    case 'HelloWorkNotified':
      return meetWhere(state, (d) => d.kind === (fact.data.kind === 'hiring' ? 'hello_work_hiring' : 'hello_work_leaving'), on, id);
    // 運用要領: the exclusion is claimed with the renewal or change application, about 3 months before the cap.
    case 'ExtensionApplied':
    case 'StatusChangeApplied':
      return meetWhere(state, (d) => d.kind === 'ssw1_exclusion_claim', on, id);
    default:
      return state;
  }
}

/** The field and employer named by a grant, or by a contract fact. */
function designationAndEmployer(state: ResidentState, fact: RecordedEvent): ResidentState {
  if (STATES_DESIGNATION.includes(fact.type) && 'status' in fact.data) {
    const given = (fact.data as { designation?: unknown }).designation;
    if (!SSW_STATUSES.includes(fact.data.status)) return withSsw(state, { field: null, jobCategory: null, designatedEmployer: null });
    if (typeof given !== 'object' || given === null) return withSsw(state, { designatedEmployer: null });
    const designation = given as SswDesignation;
    const employer = designation.employer ?? state.ssw.employer;
    return withSsw(state, {
      field: designation.field,
      jobCategory: designation.jobCategory ?? null,
      designatedEmployer: designation.employer ?? null,
      ...(employer === state.ssw.employer ? {} : { employer, employerEventId: fact.eventId }),
    });
  }
  if (fact.type === 'AffiliationChanged' && fact.data.kind === 'contract') {
    if (JOINING.includes(fact.data.change)) {
      const employer = fact.data.employer ?? fact.data.organisation ?? state.ssw.employer;
      return withSsw(state, { employer, employerEventId: fact.eventId });
    }
    if (LEAVING.includes(fact.data.change)) return withSsw(state, { employer: null, employerEventId: fact.eventId });
  }
  if (fact.type === 'SupportStarted' && state.ssw.employer === null) {
    return withSsw(state, { employer: fact.data.employer, employerEventId: fact.eventId });
  }
  return state;
}

export function capInput(ssw: SswState) {
  return { periods: ssw.ssw1Periods, exclusions: countableExclusions(ssw.exclusions), sixthYear: ssw.sixthYear };
}

/** The cap is "open" in its last year, so the board answers "whose 5 years end within the year" (reading). */
const CAP_SHOWN_MONTHS = 12;

/**
 * 生活オリエンテーション is owed by whoever supports the worker, after the landing or the grant into
 * 1号: once support is on record and a grant is, within 14 days of the grant.
 */
function orientationOwed(state: ResidentState, on: LocalDate): ResidentState {
  const grant = state.ssw.ssw1Grant;
  if (grant === null || state.ssw.support === null || !holdsSsw1(state)) return state;
  if (state.deadlines.some((d) => d.kind === 'orientation' && d.sourceEventId === grant.eventId)) return state;
  return open(state, {
    kind: 'orientation',
    sourceEventId: grant.eventId,
    createdOn: on,
    statutoryDueOn: addDays(grant.on, ORIENTATION_DAYS),
  });
}

/** The 5-year cap and the exclusion claim follow every fact that moves the cap. */
function syncCap(state: ResidentState, on: LocalDate, eventId: string | null): ResidentState {
  if (!holdsSsw1(state)) return state;
  const cap = capIfHeldFrom(capInput(state.ssw), on);
  let next = updatePending(
    state,
    (d) => (d.kind === 'ssw1_cap' && d.statutoryDueOn !== cap) || (d.kind === 'ssw1_exclusion_claim' && d.statutoryDueOn !== cap),
    (d) => ({ ...d, statutoryDueOn: cap, dueOn: cap, opensOn: monthsBefore(cap, d.kind === 'ssw1_cap' ? CAP_SHOWN_MONTHS : 3) }),
  );
  if (eventId !== null && !next.deadlines.some((d) => d.kind === 'ssw1_cap' && isPending(d))) {
    next = open(next, {
      kind: 'ssw1_cap',
      sourceEventId: eventId,
      createdOn: on,
      opensOn: monthsBefore(cap, CAP_SHOWN_MONTHS),
      statutoryDueOn: cap,
    });
  }
  return next;
}

/**
 * A report of the year opened before the employer was on record (a grant naming none) is the
 * report of the employer named next, not a second one: the same worker, the same year.
 */
function nameUnknownEmployer(state: ResidentState, fiscalYear: number, employer: string): ResidentState {
  const reports = state.ssw.annualReports;
  if (!reports.some((r) => r.fiscalYear === fiscalYear && r.employer === null)) return state;
  if (reports.some((r) => r.fiscalYear === fiscalYear && r.employer === employer)) return state;
  const unnamed = (d: DeadlineRecord) =>
    d.kind === 'ssw_annual_report' && d.id.endsWith(`:FY${fiscalYear}`) && (d.employer ?? null) === null;
  if (!state.deadlines.some((d) => unnamed(d) && isPending(d))) return state;
  const named = withSsw(state, {
    annualReports: reports.map((r) => (r.fiscalYear === fiscalYear && r.employer === null ? { ...r, employer } : r)),
  });
  return updatePending(named, unnamed, (d) => ({ ...d, employer }));
}

/** 定期届出: one per employer per fiscal year in which the worker held 特定技能 for a day. */
function ensureAnnualReport(given: ResidentState, on: LocalDate): ResidentState {
  if (!holdsSsw(given) || given.stay === null) return given;
  const fiscalYear = fiscalYearOf(on);
  const employer = given.ssw.employer;
  const state = employer === null ? given : nameUnknownEmployer(given, fiscalYear, employer);
  const stay = given.stay;
  const known = state.ssw.annualReports.some((report) => report.fiscalYear === fiscalYear && report.employer === employer);
  const marked = withSsw(state, { lastFiscalYear: Math.max(fiscalYear, state.ssw.lastFiscalYear ?? fiscalYear) });
  // Between two contracts (no employer) the report of the year is already owed by the last one.
  const betweenContracts = employer === null && state.ssw.employerEventId !== null;
  if (known || betweenContracts || fiscalYear < FIRST_ANNUAL_REPORT_FISCAL_YEAR) return marked;
  const next = withSsw(marked, { annualReports: [...state.ssw.annualReports, { fiscalYear, employer }] });
  return open(next, {
    kind: 'ssw_annual_report',
    key: `FY${fiscalYear}`,
    sourceEventId: state.ssw.employerEventId ?? stay.grantEventId,
    createdOn: on,
    ...annualReportWindow(fiscalYear),
    employer,
  });
}

export function sswAfterFact(before: ResidentState, after: ResidentState, fact: RecordedEvent): ResidentState {
  // A take-over is folded on the day its facts hold from (fact-order.ts).
  const on = factDay(fact);
  let next = keepEmployerFilings(before, after);
  next = designationAndEmployer(next, fact);
  next = trackPeriods(before, next, on, fact.eventId, fact);
  if (holdsSsw1(next) && GRANTS.includes(fact.type)) next = withSsw(next, { ssw1Grant: { on, eventId: fact.eventId } });
  next = factDuties(before, next, fact);
  next = orientationOwed(next, on);
  const concluded = fact.type !== 'SupportEnded' && partOfApplication(before, on);
  if (SUPPORT_CONTRACT_FACTS.includes(fact.type) && holdsSsw(before) && !concluded) {
    next = within14(next, 'ssw_support_contract_notification', on, fact.eventId, next.ssw.employer ?? before.ssw.employer);
  }
  next = syncCap(next, on, fact.eventId);
  return ensureAnnualReport(next, on);
}

/** Time passing: a lapse ends the 1号 period; a new fiscal year calls for its annual report. */
export function sswAfterTime(before: ResidentState, after: ResidentState, on: LocalDate): ResidentState {
  return ensureAnnualReport(trackPeriods(before, keepEmployerFilings(before, after), on, null, null), on);
}

export function sswFiscalYearTrigger(state: ResidentState): { on: LocalDate; apply: (state: ResidentState) => ResidentState } | null {
  const last = state.ssw.lastFiscalYear;
  const end = state.stay?.periodExpiresOn;
  if (last === null || !holdsSsw(state) || end == null) return null;
  const on = fiscalYearStart(last + 1);
  return on <= end ? { on, apply: (current) => ensureAnnualReport(current, on) } : null;
}
