/**
 * Deadlines of an application under review and of a certificate of eligibility. deadline-catalogue.ts
 * merges them into the catalogue.
 *
 * None moves off an administrative holiday. 行政機関の休日に関する法律2条 moves only the last day of
 * an act "で法律又は法律に基づく命令で規定する期間をもつて定めるもの": a period the law or an
 * ordinance fixes. The day a 資料提出通知 or 出頭通知 names is fixed by the office in the notice,
 * not a period of law, so a notice due on a Sunday is due on that Sunday (hand it in before; ask the
 * office in writing for more time). The last day to land on a certificate is kept unmoved too
 * (reading: a port's examination runs every day, and an earlier day never makes anyone late).
 */
import type { DeadlineDefinition } from '../deadline-definition.js';

export const REVIEW_DEADLINE_KINDS = ['additional_documents', 'summons_appearance', 'coe_entry'] as const;

export type ReviewDeadlineKind = (typeof REVIEW_DEADLINE_KINDS)[number];

export const REVIEW_DEADLINE_CATALOGUE: Readonly<Record<ReviewDeadlineKind, DeadlineDefinition>> = {
  additional_documents: {
    legalBasis: '入管法59条の2 (事実の調査); 資料提出通知の提出期限',
    label: { ja: '資料提出通知の提出期限', en: 'Hand in the documents the immigration office asked for' },
    movesOnHoliday: false,
    owedBy: 'resident',
  },
  summons_appearance: {
    legalBasis: '入管法59条の2第2項 (出頭の求め); 出頭通知の出頭日',
    label: { ja: '出頭通知の出頭日', en: 'Appear at the immigration office as summoned' },
    movesOnHoliday: false,
    owedBy: 'resident',
  },
  coe_entry: {
    legalBasis: '入管法施行規則6条の2; 在留資格認定証明書の有効期間 (交付の日から3か月以内に上陸の申請)',
    label: { ja: '在留資格認定証明書の有効期限(上陸期限)', en: 'Land in Japan before the certificate of eligibility lapses' },
    movesOnHoliday: false,
    owedBy: 'resident',
  },
};

/** 在留資格認定証明書: valid for 3 months from the day it was issued. */
export const COE_VALIDITY_MONTHS = 3;
