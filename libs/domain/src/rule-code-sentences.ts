/**
 * Each rule code in words, in Japanese and English. The web shows them for a 422 and the
 * caseload import answers a refused row with the Japanese, so both apps take them from here;
 * typed by `RuleCode`, so a new code without its sentences fails the type check.
 */
import type { RuleCode } from './domain-error.js';

export interface RuleCodeSentence {
  ja: string;
  en: string;
}

export const RULE_CODE_SENTENCES: Record<RuleCode, RuleCodeSentence> = {
  EVENT_BEFORE_BIRTH: { ja: '発生日が生年月日より前です。', en: 'The date is before the date of birth.' },
  EVENT_IN_FUTURE: {
    ja: '発生日が未来の日付です。起きたことだけを記録できます。',
    en: 'The date is in the future. Only record what has happened.',
  },
  NO_PENDING_APPLICATION: {
    ja: '対応する申請の記録がありません。先に申請を記録してください。',
    en: 'There is no application to decide. Record the application first.',
  },
  APPLICATION_ALREADY_PENDING: { ja: '同じ種類の申請がすでに審査中です。', en: 'An application of this kind is already pending.' },
  REENTRY_LAPSED: {
    ja: '再入国の期限を過ぎているため、再入国として記録できません。',
    en: 'The re-entry deadline has passed: this cannot be a re-entry.',
  },
  NO_OPEN_REENTRY: {
    ja: '再入国の許可(みなし再入国を含む)を受けた出国の記録がありません。',
    en: 'No departure with a (deemed) re-entry permit is recorded.',
  },
  REENTRY_OPEN: { ja: '再入国の期限内の出国中です。', en: 'The resident is abroad within a re-entry period.' },
  NOT_IN_JAPAN: { ja: 'この日、この方は日本にいません(出国中)。', en: 'On that date the resident is not in Japan.' },
  ALREADY_IN_JAPAN: { ja: 'この方はすでに日本に在留しています。', en: 'The resident is already in Japan.' },
  NOT_ABROAD: { ja: 'この方は出国中ではありません。', en: 'The resident is not abroad.' },
  RESIDENT_CLOSED: { ja: 'このケースは終了しています。再開してから記録してください。', en: 'This case is closed. Reopen it first.' },
  NOT_A_MID_TO_LONG_TERM_RESIDENT: {
    ja: 'この方は中長期在留者ではないため、在留カードに関する記録はできません。',
    en: 'Not a mid- to long-term resident: no residence card applies.',
  },
  NO_STATUS: { ja: 'この日に在留資格がありません。', en: 'No status of residence on that date.' },
  NO_CARD: { ja: 'この日に在留カードがありません。', en: 'No residence card on that date.' },
  UNKNOWN_CARD_NUMBER: { ja: 'このカード番号は記録にありません。', en: 'This card number is not on record.' },
  CARD_NUMBER_IN_USE: { ja: 'このカード番号は別の在留者に登録されています。', en: 'This card number belongs to another resident.' },
  ALREADY_HAS_STATUS: { ja: 'この方はすでに在留資格を持っています。', en: 'The resident already has a status of residence.' },
  PERIOD_TOO_LONG: { ja: '在留期限がこの在留資格で許される期間を超えています。', en: 'The period is longer than this status allows.' },
  PERIOD_ENDS_BEFORE_GRANT: { ja: '在留期限が許可日より前です。', en: 'The period ends before the grant.' },
  PERMIT_ENDS_BEFORE_DEPARTURE: { ja: '再入国許可の期限が出国日より前です。', en: 'The re-entry permit ends before the departure.' },
  STATUS_NOT_GRANTED_AT_LANDING: { ja: 'この在留資格は上陸許可では与えられません。', en: 'This status is not granted at landing.' },
  SPECIFIED_CARD_NOT_AVAILABLE: {
    ja: '特定在留カードはこの在留資格では交付されません。',
    en: 'A specified residence card is not issued for this status.',
  },
  BIRTH_DATE_MISMATCH: {
    ja: '出生日が登録された生年月日と一致しません。',
    en: 'The birth date differs from the registered date of birth.',
  },
  UNKNOWN_EVENT: { ja: '取り消そうとした記録が見つかりません。', en: 'The entry to retract was not found.' },
  ALREADY_RETRACTED: { ja: 'この記録はすでに取り消されています。', en: 'This entry is already retracted.' },
  CANNOT_RETRACT: { ja: 'この記録は取り消せません。', en: 'This entry cannot be retracted.' },
  CONFLICTS_WITH_LATER_EVENT: { ja: 'この記録は後の記録と矛盾します。', en: 'This contradicts a later entry.' },
  ALREADY_REGISTERED: { ja: 'この方はすでに登録されています。', en: 'Already registered.' },
  NOT_REGISTERED: { ja: 'この在留者は登録されていません。', en: 'This resident is not registered.' },
  PERMIT_TOO_LONG: {
    ja: '再入国許可の有効期間が長すぎます(最長5年、在留期限まで)。',
    en: 'The re-entry permit is too long (at most 5 years, and not past the period of stay).',
  },
  CARD_NOT_HELD: {
    ja: '在留カードを紛失したままです。みなし再入国には在留カードの所持が必要です。',
    en: 'The card is lost and not reissued: a deemed re-entry needs the card in hand.',
  },
  STATUS_NOT_IN_FORCE: { ja: 'この日、その在留資格は有効ではありません。', en: 'That status is not in force on this date.' },
  CARD_ISSUED_BEFORE_BIRTH: { ja: 'カードの交付日が生年月日より前です。', en: 'The card is issued before the date of birth.' },
  CARD_ISSUED_IN_FUTURE: { ja: 'カードの交付日が未来の日付です。', en: 'The card is issued in the future.' },
  CASE_CLOSED: { ja: 'このケースは終了しています。再開してから記録してください。', en: 'This case is closed. Reopen it first.' },
  CASE_NOT_CLOSED: { ja: 'このケースは終了していません。', en: 'This case is not closed.' },
  ALREADY_FOLLOWED: {
    ja: 'この方はすでに台帳で管理しています。その後の出来事を個別に記録してください。',
    en: 'The ledger already follows this resident: record what happened since as facts.',
  },
  PERIOD_ALREADY_ENDED: { ja: '在留期限がこの日より前に終わっています。', en: 'The period of stay ended before this date.' },
  CARD_ALREADY_EXPIRED: {
    ja: 'このカードはこの日すでに有効期限が切れています。この日に有効なカードを記録してください。',
    en: 'This card had expired by this date: record the card valid on it.',
  },
  APPLICATION_AFTER_RECORD: {
    ja: 'この申請はこの日以降の記録として、申請の事実で記録してください。',
    en: 'Record this application with its own fact.',
  },
  SSW1_CAP_EXCEEDED: {
    ja: '特定技能1号の通算在留期間(5年)を超えます。',
    en: 'This passes the 5-year total of Specified Skilled Worker (i).',
  },
  SSW_SIXTH_YEAR_NOT_AVAILABLE: {
    ja: '特定技能1号の6年目の延長は、この方には認められません。',
    en: 'A sixth year of Specified Skilled Worker (i) is not available to this resident.',
  },
  NOT_SSW: { ja: 'この方は特定技能の在留資格ではありません。', en: 'The resident is not a Specified Skilled Worker.' },
  NOT_SSW1: { ja: 'この方は特定技能1号ではありません。', en: 'The resident is not a Specified Skilled Worker (i).' },
  NO_SUPPORT: { ja: '支援の開始が記録されていません。', en: 'No support is on record.' },
  SUPPORT_ALREADY_STARTED: { ja: '支援はすでに開始されています。', en: 'Support has already started.' },
  SSW_EXCLUSION_TOO_SHORT: { ja: '通算期間から除く期間が短すぎます。', en: 'The period to leave out of the total is too short.' },
  SSW_EXCLUSION_TOO_LONG: {
    ja: '通算期間から除ける休業は、病気・けがは1年、労災は3年までです。',
    en: 'Leave for illness or injury is left out of the total for at most 1 year (3 years for an injury at work).',
  },
  SKILL_DEVELOPMENT_CAP_EXCEEDED: {
    ja: '育成就労の通算期間(原則3年、延長が認められた場合は4年)を超えます。',
    en: 'This passes the total of employment for skill development (3 years; 4 when extended).',
  },
  NOT_SKILL_DEVELOPMENT: {
    ja: '育成就労の在留資格をもつ方についてだけ記録できます。',
    en: 'Only for a resident holding employment for skill development.',
  },
  TRANSFER_RESTRICTED: {
    ja: '本人の意向による転籍は、今の育成就労実施者のもとで転籍制限期間(1年以上)を超えて働いた後にできます。',
    en: "A transfer of the worker's own will comes after the restriction period (a year or more) with the current employer.",
  },
  TECHNICAL_INTERN_TRAINING_CLOSED: {
    ja: '2027年4月1日以降、技能実習は経過措置による場合のほかは新たに始められません。',
    en: 'From 1 April 2027 technical intern training starts only under the transition.',
  },
};

/** The sentences of one language, keyed by code (the shape of the web's `codes` dictionary). */
export function ruleCodeSentencesIn(language: keyof RuleCodeSentence): Record<RuleCode, string> {
  return Object.fromEntries(Object.entries(RULE_CODE_SENTENCES).map(([code, sentence]) => [code, sentence[language]])) as Record<
    RuleCode,
    string
  >;
}
