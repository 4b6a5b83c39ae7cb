/**
 * The bureau's application form, prefilled from the ledger as a worksheet the office copies from:
 * 在留期間更新許可申請書 (別記第三十号の二様式) and 在留資格変更許可申請書 (別記第三十号様式),
 * their items on 申請人等作成用1 in the form's own numbering (docs/sources/application-form.md).
 * What the ledger does not know is left blank and marked, never guessed.
 */
import { exceljs } from '../http/exceljs-on-demand.js';
import { END_OF_TIME, factsInLegalOrder, STATUS_CATALOGUE, type LocalDate, type MatterKind, type StatusCode } from '@zairyu/domain';
import { japaneseCountryName } from '../imports/index.js';
import type { ResidentHistory } from '../residents/index.js';

export const FORM_KINDS = ['extension', 'status_change'] as const satisfies readonly MatterKind[];
export type FormKind = (typeof FORM_KINDS)[number];

export const NOT_IN_LEDGER = '台帳になし・要記入';
export const FROM_LEDGER = '台帳より';

interface FormDefinition {
  title: string;
  form: string;
  source: string;
  /** The items after 12 在留カード番号, which differ between the two forms. */
  tail: ReadonlyArray<readonly [number, string]>;
}

const FORMS: Record<FormKind, FormDefinition> = {
  extension: {
    title: '在留期間更新許可申請書',
    form: '別記第三十号の二様式(第二十一条関係)申請人等作成用1',
    source: 'https://www.moj.go.jp/isa/content/930004106.pdf',
    tail: [
      [13, '希望する在留期間'],
      [14, '更新の理由'],
      [15, '犯罪を理由とする処分を受けたことの有無'],
      [16, '在日親族及び同居者'],
    ],
  },
  status_change: {
    title: '在留資格変更許可申請書',
    form: '別記第三十号様式(第二十条関係)申請人等作成用1',
    source: 'https://www.moj.go.jp/isa/content/001344695.pdf',
    tail: [
      [13, '希望する在留資格'],
      [13, '希望する在留期間'],
      [14, '変更の理由'],
      [15, '犯罪を理由とする処分を受けたことの有無'],
      [16, '在日親族及び同居者'],
    ],
  },
};

/** What the ledger knows of the applicant for the form, each null where it does not. */
export interface ApplicantFacts {
  nationality: string | null;
  dateOfBirth: LocalDate | null;
  name: string | null;
  sex: string | null;
  address: string | null;
  phone: string | null;
  passportNumber: string | null;
  passportExpiresOn: LocalDate | null;
  status: string | null;
  periodExpiresOn: LocalDate | null;
  cardNumber: string | null;
  employer: string | null;
  /** For a change: the status applied for (the matter's toStatus). */
  desiredStatus: string | null;
}

const SEX: Record<string, string> = { male: '男', female: '女' };
const statusJa = (code: string | null) => (code === null ? null : (STATUS_CATALOGUE[code as StatusCode]?.ja ?? code));

/** The applicant as of `asOf`: the identity as corrected, the latest address, the current card and stay. */
export function applicantFacts(
  history: ResidentHistory,
  asOf: LocalDate,
  employerName: (employer: string | undefined) => string | null,
  toStatus: string | null,
): ApplicantFacts {
  const identity = history.fold.stateAsOf(END_OF_TIME).identity!;
  const state = history.fold.stateAsOf(asOf);
  const withAddress = factsInLegalOrder(history.events).filter(
    (fact) => fact.occurredOn <= asOf && typeof (fact.data as { address?: unknown }).address === 'string',
  );
  const card = state.cards.at(-1);
  return {
    nationality: identity.nationality ? japaneseCountryName(identity.nationality) : null,
    dateOfBirth: identity.dateOfBirth ?? null,
    name: identity.fullName,
    sex: identity.gender === undefined ? null : (SEX[identity.gender] ?? null),
    address: (withAddress.at(-1)?.data as { address?: string } | undefined)?.address ?? null,
    phone: identity.phone ?? null,
    passportNumber: identity.passportNumber ?? null,
    passportExpiresOn: identity.passportExpiresOn ?? null,
    status: statusJa(state.stay?.status ?? null),
    periodExpiresOn: state.stay?.periodExpiresOn ?? null,
    cardNumber: card !== undefined && card.invalidatedOn === null ? card.number : null,
    employer: employerName(identity.employer),
    desiredStatus: statusJa(toStatus),
  };
}

type Row = readonly [item: number | null, label: string, value: string | null];

function rowsOf(kind: FormKind, facts: ApplicantFacts): Row[] {
  return [
    [1, '国籍・地域', facts.nationality],
    [2, '生年月日', facts.dateOfBirth],
    [3, '氏名', facts.name],
    [4, '性別', facts.sex],
    ...(kind === 'status_change' ? ([[5, '出生地', null]] as Row[]) : []),
    [kind === 'status_change' ? 6 : 5, '配偶者の有無', null],
    [kind === 'status_change' ? 7 : 6, '職業', null],
    [kind === 'status_change' ? 8 : 7, '本国における居住地', null],
    [kind === 'status_change' ? 9 : 8, '住居地', facts.address],
    // 9: its own item on the extension form, part of 住居地 on the change form.
    [9, '電話番号・携帯電話番号', facts.phone],
    [10, '旅券 (1)番号', facts.passportNumber],
    [10, '旅券 (2)有効期限', facts.passportExpiresOn],
    [11, '現に有する在留資格', facts.status],
    [11, '在留期間', null],
    [11, '在留期間の満了日', facts.periodExpiresOn],
    [12, '在留カード番号', facts.cardNumber],
    ...FORMS[kind].tail.map(([item, label]): Row => [item, label, label === '希望する在留資格' ? facts.desiredStatus : null]),
    // 申請人等作成用2 differs by status; its employer item is the one the ledger can fill.
    [null, '勤務先(所属機関)の名称(申請人等作成用2)', facts.employer],
  ];
}

export async function applicationFormWorkbook(kind: FormKind, facts: ApplicantFacts, preparedOn: LocalDate): Promise<Buffer> {
  const form = FORMS[kind];
  const workbook = new (await exceljs()).Workbook();
  const sheet = workbook.addWorksheet(form.title);
  sheet.columns = [{ width: 6 }, { width: 40 }, { width: 40 }, { width: 18 }];
  sheet.addRow([null, form.title]).font = { bold: true, size: 14 };
  sheet.addRow([null, '様式', form.form]);
  sheet.addRow([null, '出典', form.source]);
  sheet.addRow([null, '作成日', preparedOn]);
  sheet.addRow([]);
  const header = sheet.addRow(['項番', '項目', '記入内容', '出所']);
  header.font = { bold: true };
  for (const [item, label, value] of rowsOf(kind, facts)) {
    const row = sheet.addRow([item, label, value, value === null ? NOT_IN_LEDGER : FROM_LEDGER]);
    if (value === null) row.getCell(3).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
