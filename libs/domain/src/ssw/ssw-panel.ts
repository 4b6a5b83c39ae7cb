/**
 * The SSW panel of the resident summary (ssw-duties.md §8): field, employer, support since,
 * the 5-year count and cap date, the next interviews, and what to look at.
 */
import type { LocalDate } from '../calendar/local-date.js';
import { addMonths } from '../calendar/legal-periods.js';
import { isPending } from '../resident/deadline-book.js';
import type { ResidentState } from '../resident/state.js';
import { ssw1Count, type Ssw1Count } from './ssw1-cap.js';
import { specifiedField } from './specified-fields.js';
import { capInput, everSsw } from './ssw-step.js';
import { inPersonInterviewOverdue, ORIENTATION_MIN_HOURS } from './ssw-periods.js';

export interface SswWarning {
  code: 'NO_IN_PERSON_INTERVIEW_12_MONTHS' | 'ORIENTATION_UNDER_8_HOURS';
  message: string;
}

export interface SswPanel {
  field: { code: string; ja: string; en: string } | null;
  employer: string | null;
  supportSince: LocalDate | null;
  ssw1: (Ssw1Count & { sixthYear: boolean; excluded: Array<{ from: LocalDate; to: LocalDate; reason: string }> }) | null;
  nextInterviews: { worker: LocalDate | null; supervisor: LocalDate | null };
  lastInterviews: { worker: LocalDate | null; supervisor: LocalDate | null };
  warnings: SswWarning[];
}

/** Null for a resident who never held 特定技能 and has no support on record. */
export function sswPanel(state: ResidentState, asOf: LocalDate): SswPanel | null {
  const ssw = state.ssw;
  if (!everSsw(state) && ssw.support === null) return null;
  const field = ssw.field === null ? undefined : specifiedField(ssw.field);
  const nextDue = (party: 'worker' | 'supervisor') =>
    state.deadlines.find((d) => d.kind === 'support_interview' && isPending(d) && d.id.endsWith(`:${party}`))?.dueOn ?? null;
  const count = ssw1Count(capInput(ssw), asOf);
  const warnings: SswWarning[] = [];
  if (ssw.support !== null) {
    const since = ssw.lastInPersonInterview ?? ssw.support.since;
    if (inPersonInterviewOverdue(since, asOf)) {
      warnings.push({
        code: 'NO_IN_PERSON_INTERVIEW_12_MONTHS',
        message: `No interview in person with the worker since ${since}: 運用要領 wishes one at least once a year (by ${addMonths(since, 12)}).`,
      });
    }
  }
  if (ssw.orientation !== null && ssw.orientation.hours < ORIENTATION_MIN_HOURS) {
    warnings.push({
      code: 'ORIENTATION_UNDER_8_HOURS',
      message: `The life orientation of ${ssw.orientation.on} lasted ${ssw.orientation.hours} hours; 運用要領 asks for 8 hours or more.`,
    });
  }
  return {
    field: field === undefined ? null : { code: field.code, ja: field.ja, en: field.en },
    employer: ssw.employer,
    supportSince: ssw.support?.since ?? null,
    ssw1:
      count === null
        ? null
        : {
            ...count,
            sixthYear: ssw.sixthYear,
            excluded: ssw.exclusions.map(({ from, to, reason }) => ({ from, to, reason })),
          },
    nextInterviews: { worker: nextDue('worker'), supervisor: nextDue('supervisor') },
    lastInterviews: { worker: ssw.lastInterview.worker?.on ?? null, supervisor: ssw.lastInterview.supervisor?.on ?? null },
    warnings,
  };
}
