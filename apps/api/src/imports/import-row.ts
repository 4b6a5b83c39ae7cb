/**
 * One spreadsheet row read as what the ledger would record: the registration (who the person
 * is) and, when the row has a status, the take-over fact ExistingStatusRecorded (what the card
 * and the passport show on the day the ledger starts following them, with the 特定技能 facts:
 * the 指定書's field, the first day in 1号 or the months used), and the day the organisation's
 * support began. Every error names its row and the column as the file headed it, in English
 * and Japanese; the domain's own field rules and decider judge the values, so a dry run
 * refuses exactly what the real run would.
 */
import {
  cardNumberForm,
  IDENTITY_FIELDS,
  takeOverHoldsFrom,
  parseRecordableEvent,
  parseRegistration,
  type FieldError,
  type LocalDate,
  type RecordableEvent,
  type RegistrationDetails,
} from '@zairyu/domain';
import { ESCAPED_FORMULA } from '../exports/index.js';
import { fieldMessageJa, LOST_LETTERS_JA } from './import-messages.js';
import { IMPORT_TEMPLATE, type HeaderMap, type ImportField } from './import-template.js';
import type { Cell, SheetRow } from './spreadsheet-file.js';
import { typedDate } from './typed-dates.js';
import { unreadableCell } from './unreadable-cells.js';
import {
  typedBoolean,
  typedGender,
  typedMonths,
  typedNationality,
  typedPendingKind,
  typedSpecifiedField,
  typedStatus,
} from './typed-values.js';

/** An error (the row is not imported) or a warning (it is, and the office should look). */
export interface RowError {
  /** The column as the file headed it (null for the row as a whole). */
  column: string | null;
  /** The column's name in the template (Japanese), whatever the file headed it. */
  columnJa: string | null;
  field: ImportField | null;
  message: string;
  messageJa: string;
  /** A rule code of the contract (PERIOD_TOO_LONG, CARD_NUMBER_IN_USE, POSSIBLE_DUPLICATE, …). */
  code?: string;
}

/** A row error on a column, in both languages. */
export function rowError(map: HeaderMap, field: ImportField | null, message: string, messageJa: string, code?: string): RowError {
  return {
    column: field === null ? null : (map.headers[field] ?? null),
    columnJa: field === null ? null : IMPORT_TEMPLATE[field].ja,
    field,
    message,
    messageJa,
    ...(code ? { code } : {}),
  };
}

type TakeOver = Extract<RecordableEvent, { type: 'ExistingStatusRecorded' }>;

export interface ReadRow {
  row: number;
  externalRef: string | null;
  registration: RegistrationDetails | null;
  /** ExistingStatusRecorded, when the row has a status (its designation's employer is resolved apart). */
  existing: TakeOver | null;
  /** The caseworker as typed (an e-mail, a name or a user id), resolved against the organisation. */
  assignee: string | null;
  /** 所属機関 as typed, and its 法人番号 when given: resolved to an employer record apart. */
  employer: { name: string; corporateNumber: string | null } | null;
  /** The day the organisation's support (支援計画) began, for SupportStarted. */
  supportStartedOn: LocalDate | null;
  /** A name lost letters to Shift_JIS (`Nguy?n`): not to be written over the name the ledger has. */
  lostLetters: boolean;
  errors: RowError[];
  warnings: RowError[];
}

const DATE_FIELDS = new Set<ImportField>([
  'dateOfBirth',
  'periodExpiresOn',
  'grantedOn',
  'cardIssuedOn',
  'cardExpiresOn',
  'passportExpiresOn',
  'appliedOn',
  'recordedOn',
  'ssw1CountFrom',
  'skillDevelopmentCountFrom',
  'supportStartedOn',
  'enteredOn',
]);

/** Where the domain's field paths come from in the row. */
const FIELD_OF_PATH: Record<string, ImportField> = {
  occurredOn: 'recordedOn',
  'data.status': 'status',
  'data.periodExpiresOn': 'periodExpiresOn',
  'data.grantedOn': 'grantedOn',
  'data.card': 'cardNumber',
  'data.card.number': 'cardNumber',
  'data.card.issuedOn': 'cardIssuedOn',
  'data.card.expiresOn': 'cardExpiresOn',
  'data.address': 'address',
  'data.inJapan': 'inJapan',
  'data.pendingApplication': 'pendingApplication',
  'data.pendingApplication.kind': 'pendingApplication',
  'data.pendingApplication.appliedOn': 'appliedOn',
  'data.pendingApplication.receiptNumber': 'receiptNumber',
  'data.designation': 'sswField',
  'data.designation.field': 'sswField',
  'data.designation.jobCategory': 'jobCategory',
  'data.ssw1CountFrom': 'ssw1CountFrom',
  'data.ssw1MonthsUsed': 'ssw1MonthsUsed',
  'data.skillDevelopmentCountFrom': 'skillDevelopmentCountFrom',
};

const STATUS_COLUMNS: ImportField[] = [
  'periodExpiresOn',
  'grantedOn',
  'cardNumber',
  'cardIssuedOn',
  'cardExpiresOn',
  'address',
  'pendingApplication',
  'appliedOn',
  'receiptNumber',
  'inJapan',
  'sswField',
  'jobCategory',
  'ssw1CountFrom',
  'ssw1MonthsUsed',
  'skillDevelopmentCountFrom',
];

/** The names a Shift_JIS save can spoil: Excel writes `?` for a letter CP932 does not have. */
const NAME_FIELDS: ImportField[] = ['fullName', 'nameNative', 'nameKana'];
/** A `?` against a letter: no name is spelt so, a lost letter is. */
const LOST_LETTER = /[\p{L}\p{M}]\?|\?[\p{L}\p{M}]/u;

/** Whether a text has a `?` where a Shift_JIS save lost a letter. */
export function hasLostLetters(text: string): boolean {
  return LOST_LETTER.test(text);
}

function cellText(cell: Cell): string | null {
  if (cell === null) return null;
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  // An exported file imports back unchanged: the `'` the CSV export put before a formula is not the person's.
  const text = String(cell).normalize('NFKC').trim().replace(ESCAPED_FORMULA, '').trim();
  return text === '' ? null : text;
}

export function readRow(sheetRow: SheetRow, map: HeaderMap, today: LocalDate): ReadRow {
  const errors: RowError[] = [];
  const warnings: RowError[] = [];
  // A cell already reported as unreadable is not reported again as missing by the domain's rules.
  const unreadable = new Set<ImportField>();
  const fail: Fail = (field, message, messageJa, code) => {
    if (unreadable.has(field)) return;
    errors.push(rowError(map, field, message, messageJa ?? fieldMessageJa(IMPORT_TEMPLATE[field].ja, message), code));
  };
  const unread = (field: ImportField, message: string, messageJa: string, code?: string) => {
    fail(field, message, messageJa, code);
    unreadable.add(field);
  };
  const cell = (field: ImportField): Cell => {
    const index = map.columns[field];
    return index === undefined ? null : (sheetRow.cells[index] ?? null);
  };
  const text = (field: ImportField) => cellText(cell(field));

  const values: Partial<Record<ImportField, unknown>> = {};
  for (const field of Object.keys(map.columns) as ImportField[]) {
    const raw = cell(field);
    if (raw === null) continue;
    const refused = typeof raw === 'string' ? unreadableCell(raw, field, sheetRow.undecodable === true) : null;
    if (refused !== null)
      unread(field, refused.message, refused.message, refused.code); // its message is Japanese already
    else if (DATE_FIELDS.has(field)) {
      const date = typedDate(raw);
      if (date === null)
        unread(
          field,
          `「${cellText(raw)}」 is not a date: write 2026-04-01, 2026/4/1 or 令和8年4月1日`,
          `「${cellText(raw)}」は日付ではありません: 2026-04-01、2026/4/1、令和8年4月1日のように書いてください`,
        );
      else values[field] = date;
    } else values[field] = text(field);
  }

  const typed = <T>(field: ImportField, read: (text: string) => T | null, message: string, messageJa: string) => {
    const value = values[field];
    if (typeof value !== 'string') return;
    const result = read(value);
    if (result === null) {
      unread(field, `「${value}」 ${message}`, `「${value}」${messageJa}`);
      delete values[field];
    } else values[field] = result;
  };
  typed(
    'nationality',
    typedNationality,
    'is not a nationality: write a country name (ベトナム, Viet Nam) or an ISO code (VN, VNM)',
    'は国籍・地域として読めません: 国名（ベトナム、Viet Nam）か ISO コード（VN、VNM）で書いてください',
  );
  typed(
    'status',
    typedStatus,
    'is not a status of residence: write its Japanese name (特定技能1号, 留学, 永住者, …)',
    'は在留資格として読めません: 特定技能1号、留学、永住者のように書いてください',
  );
  typed(
    'pendingApplication',
    typedPendingKind,
    'is not an application: write 更新, 変更 or 永住',
    'は申請の種類として読めません: 更新、変更、永住のいずれかを書いてください',
  );
  typed('inJapan', typedBoolean, 'must be はい or いいえ', 'は「はい」か「いいえ」で書いてください');
  typed(
    'sswField',
    typedSpecifiedField,
    'is not a 特定産業分野: write its name (介護, 外食業, 工業製品製造業, …)',
    'は特定産業分野として読めません: 介護、外食業、工業製品製造業のように書いてください',
  );
  typed(
    'ssw1MonthsUsed',
    typedMonths,
    'is not a number of months: write 29 or 2年5か月',
    'は月数として読めません: 29 や 2年5か月のように書いてください',
  );
  if (typeof values.gender === 'string') values.gender = typedGender(values.gender);
  if (typeof values.cardNumber === 'string') values.cardNumber = cardNumberForm(values.cardNumber) ?? values.cardNumber;
  if (typeof values.nameKana === 'string') values.nameKana = values.nameKana.normalize('NFKC');

  const lost = NAME_FIELDS.filter((field) => typeof values[field] === 'string' && LOST_LETTER.test(values[field] as string));
  for (const field of lost)
    warnings.push(
      rowError(
        map,
        field,
        `「${values[field] as string}」 has lost letters (a Shift_JIS save writes ? for them): save the file as UTF-8 CSV or as Excel`,
        LOST_LETTERS_JA,
        'LETTERS_LOST',
      ),
    );

  const externalRef = typeof values.externalRef === 'string' ? values.externalRef : null;
  const registration = registrationOf(values, fail);
  const existing = existingOf(values, today, fail, warnings, map);
  const assignee = typeof values.assignedTo === 'string' ? values.assignedTo : null;
  const employer =
    typeof values.employer === 'string'
      ? {
          name: values.employer,
          corporateNumber: typeof values.employerCorporateNumber === 'string' ? values.employerCorporateNumber : null,
        }
      : null;
  if (employer === null && values.employerCorporateNumber !== undefined)
    fail('employer', 'is needed when the 法人番号 is filled', '法人番号があるときは所属機関も書いてください');
  const supportStartedOn = (values.supportStartedOn as LocalDate | undefined) ?? null;
  if (supportStartedOn !== null && employer === null)
    fail(
      'employer',
      'is needed when the support start is filled (support is for a worker of an employer)',
      '支援開始日があるときは所属機関も書いてください',
    );
  return {
    row: sheetRow.row,
    externalRef,
    registration,
    existing,
    assignee,
    employer,
    supportStartedOn,
    lostLetters: lost.length > 0,
    errors,
    warnings,
  };
}

type Fail = (field: ImportField, message: string, messageJa?: string, code?: string) => void;

/** The registration's fields the row gives as typed; the one in charge is resolved apart (an e-mail → a user id). */
const REGISTRATION_FIELDS = IDENTITY_FIELDS.filter(
  (field): field is Exclude<(typeof IDENTITY_FIELDS)[number], 'assignedTo'> => field !== 'assignedTo',
);

function registrationOf(values: Partial<Record<ImportField, unknown>>, fail: Fail): RegistrationDetails | null {
  const body: Record<string, unknown> = {};
  // 所属機関 is linked to an employer record apart (the registration names the record).
  for (const field of REGISTRATION_FIELDS) if (values[field] !== undefined && field !== 'employer') body[field] = values[field];
  const parsed = parseRegistration(body);
  if (parsed.ok) return parsed.value;
  report(parsed.errors, fail, (path) => ((REGISTRATION_FIELDS as readonly string[]).includes(path) ? (path as ImportField) : 'fullName'));
  return null;
}

function existingOf(
  values: Partial<Record<ImportField, unknown>>,
  today: LocalDate,
  fail: Fail,
  warnings: RowError[],
  map: HeaderMap,
): TakeOver | null {
  if (values.status === undefined) {
    const orphan = STATUS_COLUMNS.find((field) => values[field] !== undefined);
    if (orphan !== undefined)
      fail(
        'status',
        'is needed when the period, card, application, 特定技能 or 育成就労 columns are filled',
        '在留期限・カード・申請・特定技能・育成就労の列があるときは在留資格も書いてください',
      );
    return null;
  }
  const data: Record<string, unknown> = { status: values.status };
  if (values.periodExpiresOn !== undefined) data.periodExpiresOn = values.periodExpiresOn;
  if (values.grantedOn !== undefined) data.grantedOn = values.grantedOn;
  if (values.address !== undefined) data.address = values.address;
  if (values.inJapan !== undefined) data.inJapan = values.inJapan;
  if (values.cardNumber !== undefined) {
    data.card = { number: values.cardNumber };
    if (values.cardIssuedOn !== undefined) (data.card as Record<string, unknown>).issuedOn = values.cardIssuedOn;
    if (values.cardExpiresOn !== undefined) (data.card as Record<string, unknown>).expiresOn = values.cardExpiresOn;
  } else if (values.cardIssuedOn !== undefined || values.cardExpiresOn !== undefined) {
    fail('cardNumber', 'is needed when the card dates are filled', 'カードの日付があるときは在留カード番号も書いてください');
  }
  if (values.pendingApplication !== undefined || values.appliedOn !== undefined || values.receiptNumber !== undefined) {
    if (values.pendingApplication === undefined)
      fail(
        'pendingApplication',
        'is needed when the application date or 受付番号 is filled',
        '申請日か受付番号があるときは申請の種類（更新・変更・永住）も書いてください',
      );
    else if (values.appliedOn === undefined) fail('appliedOn', 'is needed for the pending application', '申請中の申請には申請日が必要です');
    else
      data.pendingApplication = {
        kind: values.pendingApplication,
        appliedOn: values.appliedOn,
        ...(values.receiptNumber !== undefined ? { receiptNumber: values.receiptNumber } : {}),
      };
  }
  // The 指定書: its employer is the employer record, named once the file's employers are resolved.
  if (values.sswField !== undefined || values.jobCategory !== undefined) {
    if (values.sswField === undefined)
      fail('sswField', 'is needed when the 業務区分 is filled', '業務区分があるときは分野も書いてください');
    else data.designation = { field: values.sswField, ...(values.jobCategory !== undefined ? { jobCategory: values.jobCategory } : {}) };
  }
  if (values.ssw1CountFrom !== undefined) data.ssw1CountFrom = values.ssw1CountFrom;
  if (values.ssw1MonthsUsed !== undefined) data.ssw1MonthsUsed = values.ssw1MonthsUsed;
  // 育成就労's 3-year total counts from its first day, whatever day we began following the person.
  if (values.skillDevelopmentCountFrom !== undefined) data.skillDevelopmentCountFrom = values.skillDevelopmentCountFrom;
  const occurredOn = (values.recordedOn as LocalDate | undefined) ?? today;
  const enteredOn = values.enteredOn as LocalDate | undefined;
  if (
    values.status === 'specified_skilled_worker_1' &&
    enteredOn !== undefined &&
    data.ssw1CountFrom === undefined &&
    data.ssw1MonthsUsed === undefined &&
    enteredOn <= takeOverHoldsFrom({ occurredOn, data } as TakeOver)
  ) {
    // Without the first day in 1号, the 5-year count runs from the entry: never later than the
    // truth for a worker who came in as 特定技能, earlier for one who changed status in Japan
    // (the cap shows sooner, not too late). The office is told, and can give the day.
    data.ssw1CountFrom = enteredOn;
    warnings.push(
      rowError(
        map,
        'enteredOn',
        'The 5-year count of 特定技能1号 runs from the entry day: fill 特定技能開始日 if 特定技能 began later',
        '特定技能1号の通算期間を入国日から数えます: 特定技能の開始が後であれば特定技能開始日を書いてください',
      ),
    );
  }
  const parsed = parseRecordableEvent({ type: 'ExistingStatusRecorded', occurredOn, data });
  if (!parsed.ok) {
    report(parsed.errors, fail, (path) => FIELD_OF_PATH[path] ?? 'status');
    return null;
  }
  return parsed.value as TakeOver;
}

function report(errors: FieldError[], fail: Fail, fieldOf: (path: string) => ImportField): void {
  for (const error of errors) fail(fieldOf(error.field), error.message);
}

/**
 * The events that would register the row's person and take their case over, as the decider
 * makes them; or the rule the row breaks (PERIOD_TOO_LONG, EVENT_IN_FUTURE, …), on the column
 * most likely at fault.
 */
