/**
 * 技能実習 after 育成就労 begins (2027-04-01): the transition (経過措置) of 令和6年法律第60号 附則
 * as ISA and MHLW explain it (「育成就労制度の施行に伴う技能実習の経過措置について」, R7.12; docs/
 * sources/skill-development.md):
 * - whoever is in 技能実習 on 2027-04-01 under a plan approved before it stays in 技能実習, and may
 *   extend it and move on from 1号 to 2号;
 * - 3号 is reached only by a worker who on 2027-04-01 had been in 2号 for a year or more, counted
 *   from the day the change into 2号 was granted (the grant day counts: granted 2026-04-01 → a year
 *   done at the end of 2027-03-31) (reading of "1年以上");
 * - no new 技能実習 plan is applied for from 2027-04-01; a plan approved (or applied for) before it
 *   starts by 2027-06-30, the worker landing by that day ("原則として同日までに入国").
 * So from 2027-04-01 a fact that starts 技能実習 — a landing, a change or an acquisition granted —
 * is refused with TECHNICAL_INTERN_TRAINING_CLOSED unless it is one of these. The ledger does not
 * hold the plans: a start into 1号 (or a landing in any 号) by 2027-06-30 is taken as under an earlier
 * plan (reading). A take-over (ExistingStatusRecorded) of someone already in 技能実習 is not a start.
 */
import { monthsBefore } from '../calendar/legal-periods.js';
import type { LocalDate } from '../calendar/local-date.js';
import { violation, type RuleViolation } from '../domain-error.js';
import type { ResidentState } from '../resident/state.js';
import { EMPLOYMENT_FOR_SKILL_DEVELOPMENT_FROM } from '../rules/status-in-force.js';
import type { StatusCode } from '../status-catalogue.js';

/** The last day a 技能実習 under a plan of before 2027-04-01 may start (and its worker land). */
export const TECHNICAL_INTERN_TRAINING_LAST_START = '2027-06-30' as LocalDate;

/** 3号 from 2027-04-01: in 2号 since this day or earlier (a year done by 2027-03-31). */
export const TECHNICAL_INTERN_TRAINING_3_LATEST_2_START = monthsBefore(EMPLOYMENT_FOR_SKILL_DEVELOPMENT_FROM, 12);

const TIT = ['technical_intern_training_1', 'technical_intern_training_2', 'technical_intern_training_3'] as const;

const closed = (message: string) => violation('TECHNICAL_INTERN_TRAINING_CLOSED', message);

/** `status`: what the fact starts; `how`: a landing or a grant of a change or acquisition in Japan. */
export function technicalInternStartRefused(
  state: ResidentState,
  status: StatusCode,
  on: LocalDate,
  how: 'landing' | 'grant',
): RuleViolation | null {
  if (!(TIT as readonly StatusCode[]).includes(status) || on < EMPLOYMENT_FOR_SKILL_DEVELOPMENT_FROM) return null;
  if (how === 'landing' || status === 'technical_intern_training_1') {
    return on <= TECHNICAL_INTERN_TRAINING_LAST_START
      ? null
      : closed(
          `From 2027-04-01 no new 技能実習 starts: one under a plan approved before then starts (and its worker lands) by ${TECHNICAL_INTERN_TRAINING_LAST_START}, not on ${on}. 育成就労 (employment_for_skill_development) takes its place.`,
        );
  }
  const held = state.stay?.status ?? null;
  if (status === 'technical_intern_training_2') {
    return held === 'technical_intern_training_1'
      ? null
      : closed(
          `From 2027-04-01 技能実習2号 is reached only from 技能実習1号 held then (経過措置); the resident holds ${held ?? 'no status'}.`,
        );
  }
  const since = state.statusObtainedOn;
  if (held === 'technical_intern_training_2' && since !== null && since <= TECHNICAL_INTERN_TRAINING_3_LATEST_2_START) return null;
  return closed(
    `From 2027-04-01 技能実習3号 is reached only by a worker who had been in 技能実習2号 for a year on that day (granted by ${TECHNICAL_INTERN_TRAINING_3_LATEST_2_START})${held === 'technical_intern_training_2' && since !== null ? `; 2号 was granted on ${since}` : ''}.`,
  );
}
