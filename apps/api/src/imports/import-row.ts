/**
 * One spreadsheet row read as what the ledger would record: the registration (who the person
 * is) and, when the row has a status, the take-over fact ExistingStatusRecorded (what the card
 * and the passport show on the day the ledger starts following them). Every error names its
 * row and the column as the file headed it; the domain's own field rules and decider judge the
 * values, so a dry run refuses exactly what the real run would.
 */
import {
  cardNumberForm,
  IDENTITY_FIELDS,
  parseRecordableEvent,
  parseRegistration,
  type FieldError,
  type LocalDate,
  type RecordableEvent,
  type RegistrationDetails,
} from '@zairyu/domain';
import type { HeaderMap, ImportField } from './import-template.js';
import type { Cell, SheetRow } from './spreadsheet-file.js';
import { typedDate } from './typed-dates.js';
import { unreadableCell } from './unreadable-cells.js';
import { typedBoolean, typedGender, typedNationality, typedPendingKind, typedStatus } from './typed-values.js';

export interface RowError {
  /** The column as the file headed it (null for the row as a whole). */
  column: string | null;
  field: ImportField | null;
  message: string;
  /** A rule code of the contract (PERIOD_TOO_LONG, CARD_NUMBER_IN_USE, POSSIBLE_DUPLICATE, …). */
  code?: string;
}

export interface ReadRow {
  row: number;
  externalRef: string | null;
  registration: RegistrationDetails | null;
  /** ExistingStatusRecorded, when the row has a status. */
  existing: Extract<RecordableEvent, { type: 'ExistingStatusRecorded' }> | null;
  /** The caseworker as typed (an e-mail, a name or a user id), resolved against the organisation. */
  assignee: string | null;
  errors: RowError[];
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
];

function cellText(cell: Cell): string | null {
  if (cell === null) return null;
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  const text = String(cell).normalize('NFKC').trim();
  return text === '' ? null : text;
}

export function readRow(sheetRow: SheetRow, map: HeaderMap, today: LocalDate): ReadRow {
  const errors: RowError[] = [];
  // A cell already reported as unreadable is not reported again as missing by the domain's rules.
  const unreadable = new Set<ImportField>();
  const fail = (field: ImportField, message: string, code?: string) => {
    if (unreadable.has(field)) return;
    errors.push({ column: map.headers[field] ?? null, field, message, ...(code ? { code } : {}) });
  };
  const unread = (field: ImportField, message: string, code?: string) => {
    fail(field, message, code);
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
    if (refused !== null) unread(field, refused.message, refused.code);
    else if (DATE_FIELDS.has(field)) {
      const date = typedDate(raw);
      if (date === null) unread(field, `「${cellText(raw)}」 is not a date: write 2026-04-01, 2026/4/1 or 令和8年4月1日`);
      else values[field] = date;
    } else values[field] = text(field);
  }

  const typed = <T>(field: ImportField, read: (text: string) => T | null, message: string) => {
    const value = values[field];
    if (typeof value !== 'string') return;
    const result = read(value);
    if (result === null) {
      unread(field, `「${value}」 ${message}`);
      delete values[field];
    } else values[field] = result;
  };
  typed('nationality', typedNationality, 'is not a nationality: write a country name (ベトナム, Viet Nam) or an ISO code (VN, VNM)');
  typed('status', typedStatus, 'is not a status of residence: write its Japanese name (特定技能1号, 留学, 永住者, …)');
  typed('pendingApplication', typedPendingKind, 'is not an application: write 更新, 変更 or 永住');
  typed('inJapan', typedBoolean, 'must be はい or いいえ');
  if (typeof values.gender === 'string') values.gender = typedGender(values.gender);
  if (typeof values.cardNumber === 'string') values.cardNumber = cardNumberForm(values.cardNumber) ?? values.cardNumber;
  if (typeof values.nameKana === 'string') values.nameKana = values.nameKana.normalize('NFKC');

  const externalRef = typeof values.externalRef === 'string' ? values.externalRef : null;
  const registration = registrationOf(values, fail);
  const existing = existingOf(values, today, fail);
  const assignee = typeof values.assignedTo === 'string' ? values.assignedTo : null;
  return { row: sheetRow.row, externalRef, registration, existing, assignee, errors };
}

type Fail = (field: ImportField, message: string, code?: string) => void;

/** The registration's fields the row gives as typed; the one in charge is resolved apart (an e-mail → a user id). */
const REGISTRATION_FIELDS = IDENTITY_FIELDS.filter(
  (field): field is Exclude<(typeof IDENTITY_FIELDS)[number], 'assignedTo'> => field !== 'assignedTo',
);

function registrationOf(values: Partial<Record<ImportField, unknown>>, fail: Fail): RegistrationDetails | null {
  const body: Record<string, unknown> = {};
  for (const field of REGISTRATION_FIELDS) if (values[field] !== undefined) body[field] = values[field];
  const parsed = parseRegistration(body);
  if (parsed.ok) return parsed.value;
  report(parsed.errors, fail, (path) => ((REGISTRATION_FIELDS as readonly string[]).includes(path) ? (path as ImportField) : 'fullName'));
  return null;
}

function existingOf(
  values: Partial<Record<ImportField, unknown>>,
  today: LocalDate,
  fail: Fail,
): Extract<RecordableEvent, { type: 'ExistingStatusRecorded' }> | null {
  if (values.status === undefined) {
    const orphan = STATUS_COLUMNS.find((field) => values[field] !== undefined);
    if (orphan !== undefined) fail('status', 'is needed when the period, card or application columns are filled');
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
    fail('cardNumber', 'is needed when the card dates are filled');
  }
  if (values.pendingApplication !== undefined || values.appliedOn !== undefined || values.receiptNumber !== undefined) {
    if (values.pendingApplication === undefined) fail('pendingApplication', 'is needed when the application date or 受付番号 is filled');
    else if (values.appliedOn === undefined) fail('appliedOn', 'is needed for the pending application');
    else
      data.pendingApplication = {
        kind: values.pendingApplication,
        appliedOn: values.appliedOn,
        ...(values.receiptNumber !== undefined ? { receiptNumber: values.receiptNumber } : {}),
      };
  }
  const parsed = parseRecordableEvent({ type: 'ExistingStatusRecorded', occurredOn: values.recordedOn ?? today, data });
  if (!parsed.ok) {
    report(parsed.errors, fail, (path) => FIELD_OF_PATH[path] ?? 'status');
    return null;
  }
  return parsed.value as Extract<RecordableEvent, { type: 'ExistingStatusRecorded' }>;
}

function report(errors: FieldError[], fail: Fail, fieldOf: (path: string) => ImportField): void {
  for (const error of errors) fail(fieldOf(error.field), error.message);
}

/**
 * The events that would register the row's person and take their case over, as the decider
 * makes them; or the rule the row breaks (PERIOD_TOO_LONG, EVENT_IN_FUTURE, …), on the column
 * most likely at fault.
 */
