/**
 * The Japanese of what an import or an export answers: the rule codes a row can be refused
 * with, and the failures of the writer. The codes stay the contract; these texts are for people
 * (the 取込・出力 screen shows them). The rule texts are the web's own (apps/web/src/i18n/ja.ts
 * `codes`): the API cannot import the web, so they are kept here as well.
 */
const CODE_MESSAGES_JA: Record<string, string> = {
  EVENT_BEFORE_BIRTH: '発生日が生年月日より前です。',
  EVENT_IN_FUTURE: '発生日が未来の日付です。起きたことだけを記録できます。',
  NO_PENDING_APPLICATION: '対応する申請の記録がありません。先に申請を記録してください。',
  APPLICATION_ALREADY_PENDING: '同じ種類の申請がすでに審査中です。',
  REENTRY_LAPSED: '再入国の期限を過ぎているため、再入国として記録できません。',
  NO_OPEN_REENTRY: '再入国の許可(みなし再入国を含む)を受けた出国の記録がありません。',
  REENTRY_OPEN: '再入国の期限内の出国中です。',
  NOT_IN_JAPAN: 'この日、この方は日本にいません(出国中)。',
  ALREADY_IN_JAPAN: 'この方はすでに日本に在留しています。',
  NOT_ABROAD: 'この方は出国中ではありません。',
  RESIDENT_CLOSED: 'このケースは終了しています。再開してから記録してください。',
  NOT_A_MID_TO_LONG_TERM_RESIDENT: 'この方は中長期在留者ではないため、在留カードに関する記録はできません。',
  NO_STATUS: 'この日に在留資格がありません。',
  NO_CARD: 'この日に在留カードがありません。',
  UNKNOWN_CARD_NUMBER: 'このカード番号は記録にありません。',
  CARD_NUMBER_IN_USE: 'このカード番号は別の在留者に登録されています。',
  ALREADY_HAS_STATUS: 'この方はすでに在留資格を持っています。',
  PERIOD_TOO_LONG: '在留期限がこの在留資格で許される期間を超えています。',
  PERIOD_ENDS_BEFORE_GRANT: '在留期限が許可日より前です。',
  PERMIT_ENDS_BEFORE_DEPARTURE: '再入国許可の期限が出国日より前です。',
  STATUS_NOT_GRANTED_AT_LANDING: 'この在留資格は上陸許可では与えられません。',
  SPECIFIED_CARD_NOT_AVAILABLE: '特定在留カードはこの在留資格では交付されません。',
  BIRTH_DATE_MISMATCH: '出生日が登録された生年月日と一致しません。',
  UNKNOWN_EVENT: '取り消そうとした記録が見つかりません。',
  ALREADY_RETRACTED: 'この記録はすでに取り消されています。',
  CANNOT_RETRACT: 'この記録は取り消せません。',
  CONFLICTS_WITH_LATER_EVENT: 'この記録は後の記録と矛盾します。',
  ALREADY_REGISTERED: 'この方はすでに登録されています。',
  NOT_REGISTERED: 'この在留者は登録されていません。',
  SSW1_CAP_EXCEEDED: '特定技能1号の通算在留期間(5年)を超えます。',
  SSW_SIXTH_YEAR_NOT_AVAILABLE: '特定技能1号の6年目の延長は、この方には認められません。',
  NOT_SSW: 'この方は特定技能の在留資格ではありません。',
  NOT_SSW1: 'この方は特定技能1号ではありません。',
  NO_SUPPORT: '支援の開始が記録されていません。',
  SUPPORT_ALREADY_STARTED: '支援はすでに開始されています。',
  SSW_EXCLUSION_TOO_SHORT: '通算期間から除く期間が短すぎます。',
  SSW_EXCLUSION_TOO_LONG: '通算期間から除ける休業は、病気・けがは1年、労災は3年までです。',
  SKILL_DEVELOPMENT_CAP_EXCEEDED: '育成就労の通算期間(原則3年、延長が認められた場合は4年)を超えます。',
  NOT_SKILL_DEVELOPMENT: '育成就労の在留資格をもつ方についてだけ記録できます。',
  TRANSFER_RESTRICTED: '本人の意向による転籍は、今の育成就労実施者のもとで転籍制限期間(1年以上)を超えて働いた後にできます。',
  TECHNICAL_INTERN_TRAINING_CLOSED: '2027年4月1日以降、技能実習は経過措置による場合のほかは新たに始められません。',
  PERMIT_TOO_LONG: '再入国許可の有効期間が長すぎます(最長5年、在留期限まで)。',
  CARD_NOT_HELD: '在留カードを紛失したままです。みなし再入国には在留カードの所持が必要です。',
  STATUS_NOT_IN_FORCE: 'この日、その在留資格は有効ではありません。',
  CARD_ISSUED_BEFORE_BIRTH: 'カードの交付日が生年月日より前です。',
  CARD_ISSUED_IN_FUTURE: 'カードの交付日が未来の日付です。',
  CASE_CLOSED: 'このケースは終了しています。再開してから記録してください。',
  CASE_NOT_CLOSED: 'このケースは終了していません。',
  ALREADY_FOLLOWED: 'この方はすでに台帳で管理しています。その後の出来事を個別に記録してください。',
  PERIOD_ALREADY_ENDED: '在留期限がこの日より前に終わっています。',
  CARD_ALREADY_EXPIRED: 'このカードはこの日すでに有効期限が切れています。この日に有効なカードを記録してください。',
  APPLICATION_AFTER_RECORD: 'この申請はこの日以降の記録として、申請の事実で記録してください。',
  CONCURRENT_CHANGE: '取込み中にこの在留者が変更されました。もう一度取り込んでください。',
  RESIDENT_ERASED: 'この在留者の個人データは消去済みです。',
  RESIDENT_HISTORY_FULL: 'この在留者の記録が上限に達しています。',
  POSSIBLE_DUPLICATE: '氏名・生年月日・国籍が同じ在留者がすでにいます。別人であれば confirm=true で取り込んでください。',
  ASSIGNEE_NOT_IN_ORGANISATION: '担当者はこの組織の有効な職員ではありません。',
  INVALID_INPUT: '入力値が正しくありません。',
  RESIDENT_NOT_FOUND: '在留者が見つかりません。',
  CHANGED_MEANWHILE: '取込み中にこの在留者が変更されました。もう一度取り込んでください。',
  RETENTION_HOLDS: '記録の保存期間中のため消去できません。',
};

/** The Japanese of a code, or, for a code without one, a sentence that keeps the English detail. */
export function codeMessageJa(code: string | undefined, detail: string): string {
  return (code !== undefined ? CODE_MESSAGES_JA[code] : undefined) ?? `取り込めません（${detail}）`;
}

/** A value the domain's field rules refuse (their messages are English: "must be a date", …). */
export function fieldMessageJa(columnJa: string, detail: string): string {
  return `「${columnJa}」の値が正しくありません（${detail}）`;
}

/** The row warning when Shift_JIS had no letter for a name's (Excel writes `?` instead: Nguyễn → Nguy?n). */
export const LOST_LETTERS_JA = '文字が失われています: UTF-8 の CSV か Excel で保存してください';
