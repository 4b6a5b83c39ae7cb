/**
 * Records that must be kept before a resident's personal data may be erased. A registered
 * support organisation keeps the records of the support it gave (interviews, consultations)
 * for at least one year after the support contract ends (特定技能基準省令 (平成31年法務省令第5号)
 * on 登録支援機関 records; spec ssw-duties §4 "Records"). The year is counted under 民法140
 * and 143 from the day after the contract ended: support ended on 2025-03-31 → kept through
 * 2026-03-31 → erasure possible from 2026-04-01.
 */
import type { LocalDate } from '../calendar/local-date.js';
import { addYears } from '../calendar/legal-periods.js';
import type { RecordedEvent } from '../events/events.js';

export interface RetentionHold {
  readonly rule: 'ssw_support_ongoing' | 'ssw_support_records';
  /** The last day the records must be kept (null: support still runs). */
  readonly keepThrough: LocalDate | null;
}

/** Null when nothing keeps the records on `today`. */
export function retentionHold(events: readonly RecordedEvent[], today: LocalDate): RetentionHold | null {
  const retracted = new Set(events.filter((event) => event.type === 'EventRetracted').map((event) => event.data.eventId));
  const support = events
    .filter((event) => (event.type === 'SupportStarted' || event.type === 'SupportEnded') && !retracted.has(event.eventId))
    .sort((a, b) => (a.occurredOn < b.occurredOn ? -1 : a.occurredOn > b.occurredOn ? 1 : a.version - b.version));
  const last = support.at(-1);
  if (!last) return null;
  if (last.type === 'SupportStarted') return { rule: 'ssw_support_ongoing', keepThrough: null };
  const keepThrough = addYears(last.occurredOn, 1);
  return today <= keepThrough ? { rule: 'ssw_support_records', keepThrough } : null;
}
