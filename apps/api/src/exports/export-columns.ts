/**
 * The columns of the caseload exports, headed in Japanese. The residents file uses the import
 * template's headers and writes values the import reads back (在留資格 by its Japanese name,
 * 国籍 by its Japanese name, 担当者 by e-mail), so an exported list edited in Excel can be
 * imported again; columns the import does not know (台帳ID, 終了) are ignored by it.
 */
import { isStatusCode, OWED_BY_LABEL, STATUS_CATALOGUE, type DeadlineKind, type DeadlineState, type OwedBy } from '@zairyu/domain';
import type { ResidentProfile } from '@zairyu/read-model';
import { japaneseCountryName, IMPORT_TEMPLATE, type ImportField } from '../imports/index.js';
import type { ResidentSummary } from '../residents/index.js';
import type { ExportColumn } from './spreadsheet-writer.js';

/** A resident as GET /v1/residents lists it, with its current card number and the e-mail of the one in charge. */
export type ResidentExportRow = ResidentSummary &
  ResidentProfile & {
    cardNumber: string | null;
    /** The e-mail of the user in charge (what the import reads back); their id if they are gone. */
    assignedToEmail: string | null;
  };

const yesNo = (value: boolean | null) => (value === null ? null : value ? 'はい' : 'いいえ');
const statusJa = (status: string | null) => (status !== null && isStatusCode(status) ? STATUS_CATALOGUE[status].ja : status);
const GENDER_JA: Record<string, string> = { male: '男', female: '女' };
const PENDING_JA: Record<string, string> = { extension: '更新', status_change: '変更', permanent: '永住', acquisition: '取得' };

function column(field: ImportField, value: (row: ResidentExportRow) => string | null, date?: true): ExportColumn<ResidentExportRow> {
  return { header: IMPORT_TEMPLATE[field].ja, value, ...(date ? { date } : {}) };
}

export const RESIDENT_COLUMNS: ExportColumn<ResidentExportRow>[] = [
  column('externalRef', (row) => row.externalRef),
  column('fullName', (row) => row.fullName),
  column('nameKana', (row) => row.nameKana),
  column('nameNative', (row) => row.nameNative),
  column('dateOfBirth', (row) => row.dateOfBirth, true),
  column('gender', (row) => (row.gender === null ? null : (GENDER_JA[row.gender] ?? row.gender))),
  column('nationality', (row) => japaneseCountryName(row.nationality)),
  column('status', (row) => statusJa(row.status.residence.status)),
  column('periodExpiresOn', (row) => row.status.residence.periodExpiresOn, true),
  column('cardNumber', (row) => row.cardNumber),
  column('employer', (row) => row.employer),
  column('passportNumber', (row) => row.passportNumber),
  column('passportExpiresOn', (row) => row.passportExpiresOn, true),
  column('phone', (row) => row.phone),
  column('email', (row) => row.email),
  column('assignedTo', (row) => row.assignedToEmail),
  column('pendingApplication', (row) => (row.pendingApplication ? (PENDING_JA[row.pendingApplication.type] ?? null) : null)),
  column('appliedOn', (row) => row.pendingApplication?.appliedOn ?? null, true),
  column('receiptNumber', (row) => row.pendingApplication?.receiptNumber ?? null),
  column('inJapan', (row) => yesNo(row.status.residence.inJapan)),
  column('notes', (row) => row.notes),
  { header: '終了', value: (row) => yesNo(row.closed) },
  { header: '台帳ID', value: (row) => row.id, width: 38 },
];

export interface DeadlineExportRow {
  id: string;
  /** null: a deadline of the organisation itself (its registration as a 登録支援機関). */
  residentId: string | null;
  /** The resident's name, or the organisation's own name on its own deadlines (as in the calendar feed). */
  residentName: string | null;
  owedBy: OwedBy;
  /** The employer (所属機関) an employer's filing is owed by, by name. */
  employerName: string | null;
  kind: DeadlineKind;
  state: DeadlineState;
  opensOn: string | null;
  dueOn: string;
  statutoryDueOn: string;
  metOn: string | null;
  label: string;
  legalBasis: string;
}

const STATE_JA: Record<DeadlineState, string> = {
  upcoming: '対応期間前',
  open: '対応期間中',
  overdue: '期限超過',
  met: '完了',
  met_late: '期限後に完了',
  void: '不要',
};

export const DEADLINE_COLUMNS: ExportColumn<DeadlineExportRow>[] = [
  { header: '氏名', value: (row) => row.residentName },
  { header: '手続', value: (row) => row.label, width: 36 },
  { header: '根拠', value: (row) => row.legalBasis, width: 24 },
  { header: '状態', value: (row) => STATE_JA[row.state] ?? row.state },
  { header: '開始日', value: (row) => row.opensOn, date: true },
  { header: '期限', value: (row) => row.dueOn, date: true },
  { header: '法定期限', value: (row) => row.statutoryDueOn, date: true },
  { header: '完了日', value: (row) => row.metOn, date: true },
  // 義務者: who must act (docs/ssw-duties.md §1) in words; 所属機関: whose filing it is, for an employer's one.
  { header: '義務者', value: (row) => OWED_BY_LABEL[row.owedBy].ja },
  { header: '所属機関', value: (row) => row.employerName, width: 24 },
  { header: '種類コード', value: (row) => row.kind },
  { header: '台帳ID', value: (row) => row.residentId, width: 38 },
];
