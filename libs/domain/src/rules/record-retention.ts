/**
 * Records that must be kept before a resident's personal data may be erased.
 *
 * - A registered support organisation keeps the documents on the support it gave (interviews,
 *   consultations) for at least one year after the 特定技能雇用契約 ends ("特定技能雇用契約の終了の
 *   日から一年以上備えて置く": 特定技能基準省令 (平成31年法務省令第5号) 2条1項, and the same
 *   standard for a 登録支援機関's registration). The ledger counts from the later of the end of
 *   the support (SupportEnded) and an end of the employment contract recorded after the support
 *   began; while either still runs, the records are held without an end (reading).
 * - A 行政書士 office keeps its register (帳簿) of accepted matters with the papers "帳簿閉鎖の時から
 *   二年間" (行政書士法9条2項). The ledger reads a case's entry as closed when the case is
 *   (CaseClosed): an open case is held without an end, a closed one for 2 years (reading: an office
 *   that closes its register later keeps longer).
 *
 * Years are counted under 民法140 and 143 from the day after: support ended on 2025-03-31 → kept
 * through 2026-03-31 → erasure possible from 2026-04-01.
 */
import type { LocalDate } from '../calendar/local-date.js';
import { addYears } from '../calendar/legal-periods.js';
import type { RecordedEvent } from '../events/events.js';

export type RetentionRule = 'ssw_support_ongoing' | 'ssw_support_records' | 'scrivener_case_open' | 'scrivener_register';

export interface RetentionHold {
  readonly rule: RetentionRule;
  /** The last day the records must be kept (null: the support, the contract or the case still runs). */
  readonly keepThrough: LocalDate | null;
}

/** Who keeps the records: only a 行政書士 office keeps the 行政書士法 register. */
export type RecordKeeper = 'support_organisation' | 'scrivener_office' | 'employer';

const SSW_SUPPORT_YEARS = 1;
const SCRIVENER_REGISTER_YEARS = 2;
const CONTRACT_BEGINS = ['new_contract', 'transferred'];

function inOrder(events: readonly RecordedEvent[]): RecordedEvent[] {
  const retracted = new Set(events.filter((event) => event.type === 'EventRetracted').map((event) => event.data.eventId));
  return events
    .filter((event) => !retracted.has(event.eventId))
    .sort((a, b) => (a.occurredOn < b.occurredOn ? -1 : a.occurredOn > b.occurredOn ? 1 : a.version - b.version));
}

function sswSupportHold(events: readonly RecordedEvent[], today: LocalDate): RetentionHold | null {
  const support = events.filter((event) => event.type === 'SupportStarted' || event.type === 'SupportEnded');
  const last = support.at(-1);
  if (!last) return null;
  if (last.type === 'SupportStarted') return { rule: 'ssw_support_ongoing', keepThrough: null };
  const firstStart = support.find((event) => event.type === 'SupportStarted')!.occurredOn;
  const contracts = events.filter(
    (event) => event.type === 'AffiliationChanged' && event.data.kind === 'contract' && event.occurredOn >= firstStart,
  );
  const lastContract = contracts.at(-1);
  // A contract concluded and not ended: the one year has not begun (reading).
  if (lastContract?.type === 'AffiliationChanged' && CONTRACT_BEGINS.includes(lastContract.data.change)) {
    return { rule: 'ssw_support_ongoing', keepThrough: null };
  }
  const endedOn = lastContract !== undefined && lastContract.occurredOn > last.occurredOn ? lastContract.occurredOn : last.occurredOn;
  const keepThrough = addYears(endedOn, SSW_SUPPORT_YEARS);
  return today <= keepThrough ? { rule: 'ssw_support_records', keepThrough } : null;
}

function scrivenerHold(events: readonly RecordedEvent[], today: LocalDate): RetentionHold | null {
  const last = events.filter((event) => event.type === 'CaseClosed' || event.type === 'CaseReopened').at(-1);
  if (last?.type !== 'CaseClosed') return { rule: 'scrivener_case_open', keepThrough: null };
  const keepThrough = addYears(last.occurredOn, SCRIVENER_REGISTER_YEARS);
  return today <= keepThrough ? { rule: 'scrivener_register', keepThrough } : null;
}

/** Null when nothing keeps the records on `today`; else the hold that lasts longest. */
export function retentionHold(
  events: readonly RecordedEvent[],
  today: LocalDate,
  keeper: RecordKeeper | null = null,
): RetentionHold | null {
  const ordered = inOrder(events);
  const holds = [sswSupportHold(ordered, today), keeper === 'scrivener_office' ? scrivenerHold(ordered, today) : null].filter(
    (hold): hold is RetentionHold => hold !== null,
  );
  if (holds.length === 0) return null;
  return holds.find((hold) => hold.keepThrough === null) ?? holds.reduce((a, b) => (a.keepThrough! >= b.keepThrough! ? a : b));
}
