/**
 * The import template (docs/importing-and-exporting.md): one row per resident, the first row
 * naming the columns in Japanese (氏名, 生年月日, …) or English (fullName, …); columns in any
 * order, unknown ones ignored and reported. Headers are compared after NFKC with spaces,
 * brackets and middle dots left out, so `国籍・地域`, `国籍地域` and `国籍（地域）` are one.
 */
import { addDays, type LocalDate } from '@zairyu/domain';
import { looseForm } from './typed-values.js';

export const IMPORT_FIELDS = [
  'externalRef',
  'fullName',
  'nameKana',
  'nameNative',
  'dateOfBirth',
  'gender',
  'nationality',
  'status',
  'periodExpiresOn',
  'grantedOn',
  'cardNumber',
  'cardIssuedOn',
  'cardExpiresOn',
  'address',
  'employer',
  'employerCorporateNumber',
  'sswField',
  'jobCategory',
  'ssw1CountFrom',
  'ssw1MonthsUsed',
  'skillDevelopmentCountFrom',
  'supportStartedOn',
  'enteredOn',
  'passportNumber',
  'passportExpiresOn',
  'phone',
  'email',
  'assignedTo',
  'notes',
  'pendingApplication',
  'appliedOn',
  'receiptNumber',
  'inJapan',
  'recordedOn',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

export interface TemplateColumn {
  /** The header of the template (Japanese), as exports write it too, and the column's name in answers (`columnJa`). */
  ja: string;
  /** Other headers that mean the same column; the field name itself is always one. */
  aliases: string[];
  required?: true;
}

export const IMPORT_TEMPLATE: Record<ImportField, TemplateColumn> = {
  externalRef: { ja: '管理番号', aliases: ['社員番号', '整理番号', 'ID', 'External ref', 'Reference'] },
  fullName: { ja: '氏名', aliases: ['氏名（ローマ字）', '名前', 'Name', 'Full name'], required: true },
  nameKana: { ja: 'フリガナ', aliases: ['ふりがな', 'カナ', '氏名カナ', 'Kana'] },
  nameNative: { ja: '氏名（母国語）', aliases: ['母国語氏名', '漢字氏名', 'Native name'] },
  dateOfBirth: { ja: '生年月日', aliases: ['Date of birth', 'Birth date', 'DOB'], required: true },
  gender: { ja: '性別', aliases: ['Sex', 'Gender'] },
  nationality: { ja: '国籍・地域', aliases: ['国籍', '国籍等', 'Nationality'], required: true },
  status: { ja: '在留資格', aliases: ['Status of residence', 'Status'] },
  periodExpiresOn: {
    ja: '在留期間満了日',
    aliases: ['在留期限', '満了日', '在留期間の満了日', 'Period of stay expires', 'Period expires on'],
  },
  grantedOn: { ja: '許可年月日', aliases: ['許可日', 'Granted on'] },
  cardNumber: { ja: '在留カード番号', aliases: ['カード番号', 'Residence card number', 'Card number'] },
  cardIssuedOn: { ja: '在留カード交付年月日', aliases: ['交付年月日', '交付日', 'カード交付日', 'Card issued on'] },
  cardExpiresOn: { ja: '在留カード有効期限', aliases: ['カード有効期限', '有効期限', 'Card expires on'] },
  address: { ja: '住居地', aliases: ['住所', 'Address'] },
  employer: { ja: '所属機関', aliases: ['勤務先', '受入れ機関', '受入機関', '特定技能所属機関', '会社名', 'Employer'] },
  employerCorporateNumber: { ja: '所属機関法人番号', aliases: ['法人番号', 'Employer corporate number', 'Corporate number'] },
  sswField: { ja: '分野', aliases: ['特定産業分野', '特定技能分野', 'SSW field', 'Field'] },
  jobCategory: { ja: '業務区分', aliases: ['Job category'] },
  ssw1CountFrom: {
    ja: '特定技能開始日',
    aliases: ['特定技能1号開始日', '特定技能の開始日', '特定技能1号の開始日', 'SSW1 count from', 'SSW since'],
  },
  ssw1MonthsUsed: { ja: '特定技能通算月数', aliases: ['通算在留月数', '通算月数', '特定技能1号通算月数', 'SSW1 months used'] },
  skillDevelopmentCountFrom: {
    ja: '育成就労開始日',
    aliases: ['育成就労の開始日', '育成就労開始年月日', 'Skill development count from', 'Skill development since'],
  },
  supportStartedOn: { ja: '支援開始日', aliases: ['支援開始年月日', '支援開始', 'Support started on'] },
  enteredOn: { ja: '入国日', aliases: ['上陸日', '入国年月日', '上陸年月日', 'Entered on', 'Landed on'] },
  passportNumber: { ja: '旅券番号', aliases: ['パスポート番号', 'Passport number'] },
  passportExpiresOn: { ja: '旅券有効期限', aliases: ['パスポート有効期限', 'Passport expires on'] },
  phone: { ja: '電話番号', aliases: ['電話', '携帯電話', 'Phone', 'Telephone'] },
  email: { ja: 'メールアドレス', aliases: ['メール', 'Eメール', 'E-mail', 'Email'] },
  assignedTo: { ja: '担当者', aliases: ['担当', '担当職員', '支援担当者', 'Caseworker', 'Assigned to'] },
  notes: { ja: '備考', aliases: ['メモ', 'Notes'] },
  pendingApplication: { ja: '申請中の申請', aliases: ['申請中', '申請種別', 'Pending application'] },
  appliedOn: { ja: '申請日', aliases: ['申請年月日', 'Applied on'] },
  receiptNumber: { ja: '受付番号', aliases: ['Receipt number'] },
  inJapan: { ja: '在日', aliases: ['国内在住', 'In Japan'] },
  recordedOn: { ja: '確認日', aliases: ['Recorded on', 'Checked on'] },
};

/**
 * The example row of the downloadable template (GET /v1/imports/template.csv|xlsx): a 特定技能
 * worker taken over with the facts an office usually has, dated from `today` so that the
 * example imports as it stands (a period that had ended would be refused).
 */
export function importExample(today: LocalDate): Partial<Record<ImportField, string>> {
  const grantedOn = addDays(today, -200);
  const firstDay = addDays(grantedOn, -365);
  return {
    externalRef: 'S-001',
    fullName: 'NGUYEN VAN AN',
    nameKana: 'グエン・ヴァン・アン',
    dateOfBirth: '1998-07-21',
    gender: '男',
    nationality: 'ベトナム',
    status: '特定技能1号',
    periodExpiresOn: addDays(grantedOn, 364),
    grantedOn,
    cardNumber: 'AB12345678CD',
    cardIssuedOn: grantedOn,
    address: '東京都新宿区西新宿2-8-1',
    employer: '株式会社さくら',
    sswField: '外食業',
    ssw1CountFrom: firstDay,
    supportStartedOn: firstDay,
    enteredOn: firstDay,
    assignedTo: '佐藤',
    inJapan: 'はい',
  };
}

/** A running number (No., 連番) says nothing of the person: skipped without being reported. */
const RUNNING_NUMBER = new Set(['no', 'number', '#', '番号', '連番', '通し番号', 'ナンバー'].map(looseForm));

const FIELD_BY_HEADER = new Map<string, ImportField>(
  IMPORT_FIELDS.flatMap((field) => {
    const column = IMPORT_TEMPLATE[field];
    return [field, column.ja, ...column.aliases].map((header) => [looseForm(header), field] as const);
  }),
);

export interface HeaderMap {
  /** Field → index of its column in the row. */
  columns: Partial<Record<ImportField, number>>;
  /** Field → the header as the file wrote it (errors name the column so). */
  headers: Partial<Record<ImportField, string>>;
  ignored: string[];
  missing: ImportField[];
  /** A field named by two columns: the second one is reported, not read. */
  repeated: string[];
}

export function headerMap(headerRow: readonly string[]): HeaderMap {
  const map: HeaderMap = { columns: {}, headers: {}, ignored: [], missing: [], repeated: [] };
  headerRow.forEach((header, index) => {
    if (header.trim() === '' || RUNNING_NUMBER.has(looseForm(header))) return;
    const field = FIELD_BY_HEADER.get(looseForm(header));
    if (field === undefined) map.ignored.push(header);
    else if (map.columns[field] !== undefined) map.repeated.push(header);
    else {
      map.columns[field] = index;
      map.headers[field] = header;
    }
  });
  map.missing = IMPORT_FIELDS.filter((field) => IMPORT_TEMPLATE[field].required && map.columns[field] === undefined);
  return map;
}

/**
 * Whether a row names the columns: at least two headers the template knows. An office's ledger
 * often has a title (「外国人材管理台帳」, the date printed) above its headers; such rows are
 * not headers, and a title that happens to be one known word is not taken for one either.
 */
export function namesColumns(cells: readonly string[]): boolean {
  let known = 0;
  for (const cell of cells) if (cell.trim() !== '' && FIELD_BY_HEADER.has(looseForm(cell))) known++;
  return known >= 2;
}
