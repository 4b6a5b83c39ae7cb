/**
 * How many days before a deadline's due day a reminder goes out, by kind (the defaults).
 * A 14-day notification is a short duty: two reminders close to the day. A period renewal is
 * prepared over months (documents from the employer, photos): three, from 90 days out.
 */
const FOURTEEN_DAY_NOTICE = [7, 2];

export const DEFAULT_LEAD_DAYS: Readonly<Record<string, readonly number[]>> = {
  period_renewal: [90, 30, 14],
  reentry: [30, 7],
  card_validity_renewal: [60, 30, 7],
  residence_notification_90_day: [30, 7],
  residence_notification: FOURTEEN_DAY_NOTICE,
  address_change_notification: FOURTEEN_DAY_NOTICE,
  card_detail_change_notification: FOURTEEN_DAY_NOTICE,
  card_reissue_after_loss: FOURTEEN_DAY_NOTICE,
  card_surrender: FOURTEEN_DAY_NOTICE,
  affiliation_notification: FOURTEEN_DAY_NOTICE,
  spouse_notification: FOURTEEN_DAY_NOTICE,
  status_acquisition: FOURTEEN_DAY_NOTICE,
  activity_gap_revocation_risk: [30, 7],
  spouse_activity_revocation_risk: [30, 7],
  // 特定技能 (docs/ssw-duties.md): the organisation's own renewal is filed within a 3-month window;
  // the annual report within 2 months; the 5-year cap and the claim that moves it are known
  // long ahead; an interview is arranged with the worker and the supervisor a fortnight ahead.
  support_registration_renewal: [60, 30, 7],
  ssw_annual_report: [30, 7],
  support_annual_report: [30, 7],
  ssw1_cap: [180, 90, 30],
  ssw1_exclusion_claim: [30, 7],
  support_interview: [14, 3],
  // A 資料提出通知 gives about two weeks; a certificate's 3 months are for the visa and the flight.
  additional_documents: [7, 2],
  summons_appearance: [7, 1],
  coe_entry: [30, 7],
};

/** Kinds not listed (new kinds included) get the short-duty reminders. */
export const FALLBACK_LEAD_DAYS: readonly number[] = FOURTEEN_DAY_NOTICE;

export function leadDaysFor(kind: string, overrides: Readonly<Record<string, readonly number[]>> = {}): readonly number[] {
  if (Object.hasOwn(overrides, kind)) return overrides[kind]!;
  return Object.hasOwn(DEFAULT_LEAD_DAYS, kind) ? DEFAULT_LEAD_DAYS[kind]! : FALLBACK_LEAD_DAYS;
}
