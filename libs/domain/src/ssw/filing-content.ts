/**
 * What the ledger can put into the employer's filings (参考様式第3-6号 the annual report; the
 * 随時届出 第3-1, 第3-3, 第3-4号) and into a 面談記録: read off one worker's facts, never
 * computed anew. docs/ssw-duties.md §9 and docs/sources/ssw-filing-forms.md name the forms.
 * Employers are compared as recorded (a record id or a name), as the duties compare them.
 */
import { fromYmd, type LocalDate } from '../calendar/local-date.js';
import type { RecordedEvent } from '../events/events.js';
import { factDay, factsInLegalOrder } from '../resident/fact-order.js';
import type { ResidentState } from '../resident/state.js';
import type { InterviewParty } from './ssw-events.js';
import { specifiedField } from './specified-fields.js';
import { fiscalYearStart } from './ssw-periods.js';

/** The worker as every form names them. Null: the ledger does not know it (the form leaves it blank). */
export interface FilingWorker {
  fullName: string | null;
  nameKana: string | null;
  nationality: string | null;
  dateOfBirth: LocalDate | null;
  gender: string | null;
  cardNumber: string | null;
  address: string | null;
  /** 特定産業分野, in Japanese. */
  field: string | null;
  /** 業務区分. */
  jobCategory: string | null;
}

export interface Span {
  from: LocalDate;
  /** Null: still running. */
  to: LocalDate | null;
}

export interface HeldInterview {
  on: LocalDate;
  with: InterviewParty;
  mode: 'in_person' | 'online';
  interpreter: string | null;
  findings: string | null;
  actions: string | null;
  eventId: string;
}

/** One worker's line of the annual report for one employer and one fiscal year. */
export interface AnnualReportWorker {
  worker: FilingWorker;
  /** The contracts with this employer that ran on a day of the fiscal year. */
  employment: Span[];
  /** The support the organisation gave for this employer in the year (支援委託). */
  support: Span[];
  orientations: Array<{ on: LocalDate; hours: number }>;
  interviews: HeldInterview[];
}

const JOINING = ['new_contract', 'transferred'];
const LEAVING = ['contract_ended', 'left', 'dissolved'];
const DESIGNATING = ['Landed', 'StatusChangeGranted', 'StatusAcquisitionGranted', 'ExistingStatusRecorded'];

export function filingWorker(state: ResidentState, events: readonly RecordedEvent[]): FilingWorker {
  const identity = state.identity;
  const withAddress = factsInLegalOrder(events).filter((fact) => typeof (fact.data as { address?: unknown }).address === 'string');
  const field = state.ssw.field === null ? undefined : specifiedField(state.ssw.field);
  return {
    fullName: identity?.fullName ?? null,
    nameKana: identity?.nameKana ?? null,
    nationality: identity?.nationality ?? null,
    dateOfBirth: identity?.dateOfBirth ?? null,
    gender: identity?.gender ?? null,
    cardNumber: state.cards.at(-1)?.number ?? null,
    address: (withAddress.at(-1)?.data as { address?: string } | undefined)?.address ?? null,
    field: field?.ja ?? null,
    jobCategory: state.ssw.jobCategory,
  };
}

interface Walked {
  employment: Array<Span & { employer: string }>;
  support: Array<Span & { employer: string }>;
  /** Each fact with the employer it concerns on its day (the support's, else the contract's). */
  employerOn: Map<string, string | null>;
  /** … and the one before it (what a fact that ends something ended). */
  employerBefore: Map<string, string | null>;
}

/** The contracts and the support, in legal order, each with its employer. */
function walk(facts: readonly RecordedEvent[]): Walked {
  const employment: Walked['employment'] = [];
  const support: Walked['support'] = [];
  const employerOn = new Map<string, string | null>();
  const employerBefore = new Map<string, string | null>();
  const openJob = () => employment.find((span) => span.to === null);
  const openSupport = () => support.find((span) => span.to === null);
  for (const fact of facts) {
    const on = factDay(fact);
    employerBefore.set(fact.eventId, openSupport()?.employer ?? openJob()?.employer ?? null);
    if (fact.type === 'AffiliationChanged' && fact.data.kind === 'contract') {
      if (JOINING.includes(fact.data.change)) {
        const employer = fact.data.employer ?? fact.data.organisation;
        if (employer !== undefined && openJob()?.employer !== employer) {
          const job = openJob();
          if (job) job.to = on;
          employment.push({ employer, from: on, to: null });
        }
      } else if (LEAVING.includes(fact.data.change)) {
        const job = openJob();
        if (job) job.to = on;
      }
    }
    if (DESIGNATING.includes(fact.type)) {
      const designation = (fact.data as { designation?: unknown }).designation;
      const employer =
        typeof designation === 'object' && designation !== null ? (designation as { employer?: string }).employer : undefined;
      if (employer !== undefined && openJob() === undefined) employment.push({ employer, from: on, to: null });
    }
    if (fact.type === 'SupportStarted') {
      const running = openSupport();
      if (running) running.to = on;
      support.push({ employer: fact.data.employer, from: on, to: null });
    }
    if (fact.type === 'SupportEnded') {
      const running = openSupport();
      if (running) running.to = on;
    }
    employerOn.set(fact.eventId, openSupport()?.employer ?? openJob()?.employer ?? null);
  }
  return { employment, support, employerOn, employerBefore };
}

const overlaps = (span: Span, from: LocalDate, to: LocalDate) => span.from <= to && (span.to === null || span.to >= from);

export function fiscalYearEnd(fiscalYear: number): LocalDate {
  return fromYmd(fiscalYear + 1, 3, 31);
}

function interviewOf(fact: RecordedEvent & { type: 'SupportInterviewHeld' }): HeldInterview {
  return {
    on: fact.occurredOn,
    with: fact.data.with,
    mode: fact.data.mode,
    interpreter: fact.data.interpreter ?? null,
    findings: fact.data.findings ?? null,
    actions: fact.data.actions ?? null,
    eventId: fact.eventId,
  };
}

/**
 * The worker's contracts, support, orientations and interviews with `employer` that fall in the
 * fiscal year (1 April – 31 March); null when the worker was not with that employer in it.
 */
export function annualReportWorker(
  state: ResidentState,
  events: readonly RecordedEvent[],
  employer: string,
  fiscalYear: number,
): AnnualReportWorker | null {
  const from = fiscalYearStart(fiscalYear);
  const to = fiscalYearEnd(fiscalYear);
  const facts = factsInLegalOrder(events);
  const walked = walk(facts);
  const strip = ({ from: f, to: t }: Span): Span => ({ from: f, to: t });
  const employment = walked.employment.filter((span) => span.employer === employer && overlaps(span, from, to)).map(strip);
  const support = walked.support.filter((span) => span.employer === employer && overlaps(span, from, to)).map(strip);
  if (employment.length === 0 && support.length === 0) return null;
  const inYear = (fact: RecordedEvent) =>
    fact.occurredOn >= from && fact.occurredOn <= to && walked.employerOn.get(fact.eventId) === employer;
  const interviews: HeldInterview[] = [];
  const orientations: AnnualReportWorker['orientations'] = [];
  for (const fact of facts) {
    if (!inYear(fact)) continue;
    if (fact.type === 'SupportInterviewHeld') interviews.push(interviewOf(fact));
    if (fact.type === 'OrientationHeld') orientations.push({ on: fact.occurredOn, hours: fact.data.hours });
  }
  return { worker: filingWorker(state, events), employment, support, orientations, interviews };
}

/** The interview a 面談記録 is made of, with the employer of its day; null when the fact is no interview. */
export function interviewRecord(
  events: readonly RecordedEvent[],
  eventId: string,
): { interview: HeldInterview; employer: string | null } | null {
  const facts = factsInLegalOrder(events);
  const fact = facts.find((candidate) => candidate.eventId === eventId);
  if (fact?.type !== 'SupportInterviewHeld') return null;
  return { interview: interviewOf(fact), employer: walk(facts).employerOn.get(eventId) ?? null };
}

/** The employer a fact concerns on its day (the 随時届出's 所属機関), as the facts before it name it. */
export function employerOfFact(events: readonly RecordedEvent[], eventId: string): string | null {
  const facts = factsInLegalOrder(events);
  const walked = walk(facts);
  const fact = facts.find((candidate) => candidate.eventId === eventId);
  if (fact === undefined) return null;
  if (fact.type === 'AffiliationChanged') return fact.data.employer ?? fact.data.organisation ?? walked.employerBefore.get(eventId) ?? null;
  if (fact.type === 'SupportStarted') return fact.data.employer;
  // What ends names the employer it ended with (the walk has closed it by then).
  return walked.employerOn.get(eventId) ?? walked.employerBefore.get(eventId) ?? null;
}
