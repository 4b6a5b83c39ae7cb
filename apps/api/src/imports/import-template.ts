/**
 * The import template (README "Importing a caseload"): one row per resident, the first row
 * naming the columns in Japanese (氏名, 生年月日, …) or English (fullName, …); columns in any
 * order, unknown ones ignored and reported. Headers are compared after NFKC with spaces,
 * brackets and middle dots left out, so `国籍・地域`, `国籍地域` and `国籍（地域）` are one.
 */
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
  /** The header of the template (Japanese), as exports write it too. */
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
  nationality: { ja: '国籍・地域', aliases: ['国籍', 'Nationality'], required: true },
  status: { ja: '在留資格', aliases: ['Status of residence', 'Status'] },
  periodExpiresOn: { ja: '在留期間満了日', aliases: ['在留期限', '満了日', 'Period of stay expires', 'Period expires on'] },
  grantedOn: { ja: '許可年月日', aliases: ['許可日', 'Granted on'] },
  cardNumber: { ja: '在留カード番号', aliases: ['カード番号', 'Residence card number', 'Card number'] },
  cardIssuedOn: { ja: '在留カード交付年月日', aliases: ['交付年月日', 'Card issued on'] },
  cardExpiresOn: { ja: '在留カード有効期限', aliases: ['カード有効期限', '有効期限', 'Card expires on'] },
  address: { ja: '住居地', aliases: ['住所', 'Address'] },
  employer: { ja: '所属機関', aliases: ['勤務先', '受入れ機関', '会社名', 'Employer'] },
  passportNumber: { ja: '旅券番号', aliases: ['パスポート番号', 'Passport number'] },
  passportExpiresOn: { ja: '旅券有効期限', aliases: ['パスポート有効期限', 'Passport expires on'] },
  phone: { ja: '電話番号', aliases: ['電話', '携帯電話', 'Phone', 'Telephone'] },
  email: { ja: 'メールアドレス', aliases: ['メール', 'Eメール', 'E-mail', 'Email'] },
  assignedTo: { ja: '担当者', aliases: ['担当', 'Caseworker', 'Assigned to'] },
  notes: { ja: '備考', aliases: ['メモ', 'Notes'] },
  pendingApplication: { ja: '申請中の申請', aliases: ['申請中', '申請種別', 'Pending application'] },
  appliedOn: { ja: '申請日', aliases: ['申請年月日', 'Applied on'] },
  receiptNumber: { ja: '受付番号', aliases: ['Receipt number'] },
  inJapan: { ja: '在日', aliases: ['国内在住', 'In Japan'] },
  recordedOn: { ja: '確認日', aliases: ['Recorded on', 'Checked on'] },
};

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
    if (header.trim() === '') return;
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
