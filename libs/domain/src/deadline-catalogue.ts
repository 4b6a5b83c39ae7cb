/**
 * The deadline kinds of docs/domain-rules.md §6: their legal basis, labels and whether the
 * last day moves off an administrative holiday (only acts owed to the immigration office do).
 * Who owes each act (`owedBy`) is the resident unless the definition says otherwise.
 */
import type { DeadlineDefinition, OwedBy } from './deadline-definition.js';
import { SSW_DEADLINE_CATALOGUE, SSW_DEADLINE_KINDS } from './ssw/ssw-deadline-kinds.js';
import { REVIEW_DEADLINE_CATALOGUE, REVIEW_DEADLINE_KINDS } from './review/review-deadline-kinds.js';

export { OWED_BY, OWED_BY_LABEL, type DeadlineDefinition, type OwedBy } from './deadline-definition.js';

export const DEADLINE_KINDS = [
  'period_renewal',
  'residence_notification_90_day',
  'residence_notification',
  'address_change_notification',
  'card_detail_change_notification',
  'card_reissue_after_loss',
  'card_validity_renewal',
  'card_surrender',
  'reentry',
  'affiliation_notification',
  'activity_gap_revocation_risk',
  'spouse_notification',
  'spouse_activity_revocation_risk',
  'status_acquisition',
  ...SSW_DEADLINE_KINDS,
  ...REVIEW_DEADLINE_KINDS,
] as const;

export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

export const DEADLINE_CATALOGUE: Readonly<Record<DeadlineKind, DeadlineDefinition>> = {
  period_renewal: {
    legalBasis: '入管法21条',
    label: { ja: '在留期間更新許可申請', en: 'Apply to extend the period of stay' },
    movesOnHoliday: true,
  },
  residence_notification_90_day: {
    legalBasis: '入管法22条の4第1項8号',
    label: { ja: '上陸後90日以内の住居地届出', en: 'Notify a residence within 90 days of landing' },
    movesOnHoliday: true,
  },
  residence_notification: {
    legalBasis: '入管法19条の7',
    label: { ja: '住居地届出', en: 'Notify the new residence' },
    movesOnHoliday: true,
  },
  address_change_notification: {
    legalBasis: '入管法19条の9',
    label: { ja: '住居地変更届出', en: 'Notify change of residence' },
    movesOnHoliday: true,
  },
  card_detail_change_notification: {
    legalBasis: '入管法19条の10',
    label: { ja: '住居地以外の記載事項変更届出', en: 'Notify a change of card details' },
    movesOnHoliday: true,
  },
  card_reissue_after_loss: {
    legalBasis: '入管法19条の12',
    label: { ja: '紛失等による在留カード再交付申請', en: 'Apply for a new card after loss' },
    movesOnHoliday: true,
  },
  card_validity_renewal: {
    legalBasis: '入管法19条の11',
    label: { ja: '在留カード有効期間更新申請', en: 'Renew the validity of the card' },
    movesOnHoliday: true,
  },
  card_surrender: {
    legalBasis: '入管法19条の15',
    label: { ja: '在留カード返納', en: 'Return the residence card' },
    movesOnHoliday: true,
  },
  reentry: {
    legalBasis: '入管法26条の2',
    label: { ja: '再入国期限', en: 'Return to Japan before re-entry lapses' },
    movesOnHoliday: false,
  },
  affiliation_notification: {
    legalBasis: '入管法19条の16第1号・第2号',
    label: { ja: '所属機関等に関する届出', en: 'Notify the change of affiliated organisation' },
    movesOnHoliday: true,
  },
  activity_gap_revocation_risk: {
    legalBasis: '入管法22条の4第1項6号',
    label: {
      ja: '在留資格に係る活動を3か月(高度専門職2号は6か月)以上行わない場合の取消リスク',
      en: 'Resume status activities within 3 months (6 for Highly Skilled Professional (ii)) (revocation risk)',
    },
    movesOnHoliday: false,
  },
  spouse_notification: {
    legalBasis: '入管法19条の16第3号',
    label: { ja: '配偶者に関する届出', en: 'Notify the end of the spouse relationship' },
    movesOnHoliday: true,
  },
  spouse_activity_revocation_risk: {
    legalBasis: '入管法22条の4第1項7号',
    label: {
      ja: '配偶者としての活動を6か月以上行わない場合の取消リスク',
      en: 'Change status within 6 months of the marriage ending (revocation risk)',
    },
    movesOnHoliday: false,
  },
  status_acquisition: {
    legalBasis: '入管法22条の2',
    label: { ja: '在留資格取得許可申請', en: 'Apply for a status of residence for the newborn' },
    movesOnHoliday: true,
  },
  ...SSW_DEADLINE_CATALOGUE,
  ...REVIEW_DEADLINE_CATALOGUE,
};

export function owedByOf(kind: DeadlineKind): OwedBy {
  return DEADLINE_CATALOGUE[kind].owedBy ?? 'resident';
}

export const DEADLINE_STATES = ['upcoming', 'open', 'overdue', 'met', 'met_late', 'void'] as const;
export type DeadlineState = (typeof DEADLINE_STATES)[number];
