/**
 * What the ledger knows of a resident as a Specified Skilled Worker: the designation of the
 * latest grant, the current employer, the periods in 特定技能1号 (for the 5-year count), the
 * excluded intervals, and the support the organisation gives.
 */
import type { LocalDate } from '../calendar/local-date.js';
import type { ExclusionReason, InterviewParty } from './ssw-events.js';
import type { SpecifiedFieldCode } from './specified-fields.js';

export interface Ssw1Period {
  /** The day the 1号 status started (landing or grant). */
  readonly from: LocalDate;
  /** The day it ended (a change to another status, final departure, lapse …); null while held. */
  readonly to: LocalDate | null;
}

export interface ExcludedInterval {
  readonly from: LocalDate;
  readonly to: LocalDate;
  readonly reason: ExclusionReason;
  readonly eventId: string;
}

export interface Interview {
  readonly on: LocalDate;
  readonly mode: 'in_person' | 'online';
}

export interface Support {
  readonly since: LocalDate;
  readonly employer: string;
  readonly plan: string | null;
  readonly eventId: string;
}

export interface SswState {
  readonly field: SpecifiedFieldCode | null;
  /** 業務区分 named on the 指定書, when given. */
  readonly jobCategory: string | null;
  /** The employer of the current contract, and the fact that named it. */
  readonly employer: string | null;
  readonly employerEventId: string | null;
  /** The employer named on the 指定書 of the status held (null: none recorded). */
  readonly designatedEmployer: string | null;
  readonly ssw1Periods: readonly Ssw1Period[];
  readonly exclusions: readonly ExcludedInterval[];
  readonly sixthYear: boolean;
  readonly support: Support | null;
  readonly lastInterview: Readonly<Record<InterviewParty, Interview | null>>;
  readonly lastInPersonInterview: LocalDate | null;
  readonly orientation: { readonly on: LocalDate; readonly hours: number } | null;
  /** The latest landing or grant into 1号: the life orientation follows it. */
  readonly ssw1Grant: { readonly on: LocalDate; readonly eventId: string } | null;
  /** Annual reports already owed: one per employer per fiscal year. */
  readonly annualReports: readonly { readonly fiscalYear: number; readonly employer: string | null }[];
  /** The last fiscal year whose annual report was looked at (time passing opens the next). */
  readonly lastFiscalYear: number | null;
}

export const INITIAL_SSW_STATE: SswState = {
  field: null,
  jobCategory: null,
  employer: null,
  employerEventId: null,
  designatedEmployer: null,
  ssw1Periods: [],
  exclusions: [],
  sixthYear: false,
  support: null,
  lastInterview: { worker: null, supervisor: null },
  lastInPersonInterview: null,
  orientation: null,
  ssw1Grant: null,
  annualReports: [],
  lastFiscalYear: null,
};
