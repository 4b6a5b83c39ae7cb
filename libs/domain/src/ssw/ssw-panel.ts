/**
 * The SSW panel of the resident summary (docs/ssw-duties.md §8): field, employer, support since,
 * the 5-year count and cap date, the next interviews, and what to look at. The panel is read
 * off a small, storable input (`sswPanelInput`), so the read model can show it "as of" any day
 * without the stream, exactly as the resident's own summary does.
 */
import type { LocalDate } from '../calendar/local-date.js';
import { addMonths } from '../calendar/legal-periods.js';
import { isPending } from '../resident/deadline-book.js';
import type { ResidentState } from '../resident/state.js';
import { ssw1Count, type CapInput, type Ssw1Count } from './ssw1-cap.js';
import { specifiedField } from './specified-fields.js';
import { capInput, everSsw } from './ssw-step.js';
import { inPersonInterviewOverdue, ORIENTATION_MIN_HOURS } from './ssw-periods.js';

export const SSW_WARNING_CODES = ['NO_IN_PERSON_INTERVIEW_12_MONTHS', 'ORIENTATION_UNDER_8_HOURS'] as const;

export interface SswWarning {
  code: (typeof SSW_WARNING_CODES)[number];
  message: string;
}

type ByParty<T> = { worker: T; supervisor: T };

export interface SswPanel {
  field: { code: string; ja: string; en: string } | null;
  /** 業務区分 on the 指定書, when recorded. */
  jobCategory?: string;
  employer: string | null;
  supportSince: LocalDate | null;
  ssw1: (Ssw1Count & { sixthYear: boolean; excluded: Array<{ from: LocalDate; to: LocalDate; reason: string }> }) | null;
  nextInterviews: ByParty<LocalDate | null>;
  lastInterviews: ByParty<LocalDate | null>;
  warnings: SswWarning[];
}

export interface SswPanelInput {
  field: string | null;
  /** Absent when not recorded (read rows stored before it keep their shape). */
  jobCategory?: string;
  employer: string | null;
  supportSince: LocalDate | null;
  lastInPersonInterview: LocalDate | null;
  orientation: { on: LocalDate; hours: number } | null;
  cap: CapInput & { exclusions: ReadonlyArray<{ from: LocalDate; to: LocalDate; reason: string }> };
  nextInterviews: ByParty<LocalDate | null>;
  lastInterviews: ByParty<LocalDate | null>;
}

/** Null for a resident who never held 特定技能 and has no support on record. */
export function sswPanelInput(state: ResidentState): SswPanelInput | null {
  const ssw = state.ssw;
  if (!everSsw(state) && ssw.support === null) return null;
  const nextDue = (party: 'worker' | 'supervisor') =>
    state.deadlines.find((d) => d.kind === 'support_interview' && isPending(d) && d.id.endsWith(`:${party}`))?.dueOn ?? null;
  const { periods, exclusions, sixthYear } = capInput(ssw);
  return {
    field: ssw.field,
    ...(ssw.jobCategory === null ? {} : { jobCategory: ssw.jobCategory }),
    employer: ssw.employer,
    supportSince: ssw.support?.since ?? null,
    lastInPersonInterview: ssw.lastInPersonInterview,
    orientation: ssw.orientation,
    cap: { periods, exclusions: exclusions.map(({ from, to, reason }) => ({ from, to, reason })), sixthYear },
    nextInterviews: { worker: nextDue('worker'), supervisor: nextDue('supervisor') },
    lastInterviews: { worker: ssw.lastInterview.worker?.on ?? null, supervisor: ssw.lastInterview.supervisor?.on ?? null },
  };
}

export function sswPanelAsOf(input: SswPanelInput, asOf: LocalDate): SswPanel {
  const field = input.field === null ? undefined : specifiedField(input.field);
  const count = ssw1Count(input.cap, asOf);
  const warnings: SswWarning[] = [];
  if (input.supportSince !== null) {
    const since = input.lastInPersonInterview ?? input.supportSince;
    if (inPersonInterviewOverdue(since, asOf)) {
      warnings.push({
        code: 'NO_IN_PERSON_INTERVIEW_12_MONTHS',
        message: `No interview in person with the worker since ${since}: 運用要領 wishes one at least once a year (by ${addMonths(since, 12)}).`,
      });
    }
  }
  if (input.orientation !== null && input.orientation.hours < ORIENTATION_MIN_HOURS) {
    warnings.push({
      code: 'ORIENTATION_UNDER_8_HOURS',
      message: `The life orientation of ${input.orientation.on} lasted ${input.orientation.hours} hours; 運用要領 asks for 8 hours or more.`,
    });
  }
  return {
    field: field === undefined ? null : { code: field.code, ja: field.ja, en: field.en },
    ...(input.jobCategory === undefined ? {} : { jobCategory: input.jobCategory }),
    employer: input.employer,
    supportSince: input.supportSince,
    ssw1: count === null ? null : { ...count, sixthYear: input.cap.sixthYear, excluded: [...input.cap.exclusions] },
    nextInterviews: { ...input.nextInterviews },
    lastInterviews: { ...input.lastInterviews },
    warnings,
  };
}

export function sswPanel(state: ResidentState, asOf: LocalDate): SswPanel | null {
  const input = sswPanelInput(state);
  return input === null ? null : sswPanelAsOf(input, asOf);
}
