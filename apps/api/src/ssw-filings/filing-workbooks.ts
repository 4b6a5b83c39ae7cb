/**
 * The employer's filings and the 面談記録 as Excel workbooks, laid out in the order of the ISA's
 * 参考様式 (docs/sources/ssw-filing-forms.md): what the ledger knows is filled in; what it does not
 * know is left blank and shaded, for the office to write by hand. They are drafts to copy from,
 * not the forms themselves: the ISA's own files are what is filed.
 */
import type ExcelJS from 'exceljs';
import { exceljs } from '../http/exceljs-on-demand.js';
import type { AnnualReportWorker, FilingWorker, HeldInterview, LocalDate, Span } from '@zairyu/domain';

/** Shade of a cell the ledger cannot fill (a light yellow, as forms mark fields to write). */
const TO_WRITE: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
export const TO_WRITE_NOTE = '黄色の欄は台帳に記録がないため空欄です。届出前に記入してください。';

export interface FilingParty {
  name: string | null;
  corporateNumber: string | null;
  address: string | null;
  phone: string | null;
}

/** The 登録支援機関 that made the draft, with its 登録番号. */
export interface SupportOrganisation extends FilingParty {
  registrationNumber: string | null;
}

export interface FilingHeader {
  /** The organisation that made the draft (登録支援機関). */
  organisation: SupportOrganisation;
  employer: FilingParty;
  /** The day the draft was made. */
  madeOn: LocalDate;
}

export type Value = string | number | Date | null;

const dateCell = (value: LocalDate | null): Date | null => (value === null ? null : new Date(`${value}T00:00:00Z`));
const spanText = (spans: readonly Span[]) => spans.map((span) => `${span.from}〜${span.to ?? ''}`).join('、') || null;

export const PARTY_JA: Record<HeldInterview['with'], string> = { worker: '本人', supervisor: '監督者' };
export const MODE_JA: Record<HeldInterview['mode'], string> = { in_person: '対面', online: 'オンライン' };

/** A value cell: dates as date cells, nothing as a shaded blank. */
function put(cell: ExcelJS.Cell, value: Value) {
  if (value === null || value === '') {
    cell.value = null;
    cell.fill = TO_WRITE;
    return;
  }
  cell.value = value;
  if (value instanceof Date) cell.numFmt = 'yyyy-mm-dd';
}

/** A form laid out as its items, one to a row: 項目 | 内容. Section titles stand alone in bold. */
function formSheet(workbook: ExcelJS.Workbook, name: string, title: string, items: ReadonlyArray<readonly [string, Value] | string>) {
  const sheet = workbook.addWorksheet(name);
  sheet.columns = [{ width: 34 }, { width: 60 }];
  sheet.getCell('A1').value = title;
  sheet.getCell('A1').font = { bold: true, size: 14 };
  sheet.getCell('A2').value = TO_WRITE_NOTE;
  sheet.getCell('A2').font = { size: 9 };
  let row = 4;
  for (const item of items) {
    if (typeof item === 'string') {
      sheet.getCell(row, 1).value = item;
      sheet.getCell(row, 1).font = { bold: true };
    } else {
      sheet.getCell(row, 1).value = item[0];
      put(sheet.getCell(row, 2), item[1]);
      sheet.getCell(row, 2).alignment = { wrapText: true, vertical: 'top' };
    }
    row++;
  }
  return sheet;
}

const partyItems = (heading: string, party: FilingParty) =>
  [
    heading,
    ['法人番号(13桁)', party.corporateNumber],
    ['氏名又は名称', party.name],
    ['住所(本店又は主たる事務所)', party.address],
    ['電話番号', party.phone],
  ] as const;

const organisationItems = (heading: string, organisation: SupportOrganisation) => [
  ...partyItems(heading, organisation),
  ['登録番号', organisation.registrationNumber] as const,
];

const workerItems = (worker: FilingWorker) =>
  [
    ['氏名(ローマ字)', worker.fullName],
    ['性別', worker.gender === 'male' ? '男' : worker.gender === 'female' ? '女' : null],
    ['生年月日', dateCell(worker.dateOfBirth)],
    ['国籍・地域', worker.nationality],
    ['住居地', worker.address],
    ['在留カード番号', worker.cardNumber],
    ['特定産業分野', worker.field],
    ['業務区分', worker.jobCategory],
  ] as const;

/** 別紙: one row per worker; the columns the test and the office read by header. */
export const ANNUAL_WORKER_HEADERS = [
  '番号',
  '氏名(ローマ字)',
  '国籍・地域',
  '生年月日',
  '性別',
  '在留カード番号',
  '特定産業分野',
  '業務区分',
  '住居地',
  '雇用期間',
  '支援委託期間',
  '生活オリエンテーション',
  '定期面談(本人)',
  '定期面談(監督者)',
  '特定技能の活動を行った日数',
  '報酬の支払状況',
] as const;

export const ANNUAL_INTERVIEW_HEADERS = [
  '番号',
  '氏名(ローマ字)',
  '在留カード番号',
  '実施日',
  '面談の相手',
  '方法',
  '通訳',
  '確認した事項',
  '講じた措置',
] as const;

function tableSheet(workbook: ExcelJS.Workbook, name: string, headers: readonly string[], rows: readonly Value[][], widths: number[]) {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = headers.map((header, index) => ({ header, width: widths[index] ?? 16 }));
  sheet.getRow(1).font = { bold: true };
  rows.forEach((values, index) => {
    const row = sheet.getRow(index + 2);
    values.forEach((value, column) => put(row.getCell(column + 1), value));
  });
  return sheet;
}

/**
 * 参考様式第3-6号 受入れ・活動・支援実施状況に係る届出書 (annual, from fiscal year 2025): the
 * front page, 別紙 (the workers) and the interviews held in the year.
 */
export async function annualReportWorkbook(
  header: FilingHeader,
  fiscalYear: number,
  lines: readonly AnnualReportWorker[],
): Promise<Buffer> {
  const workbook = new (await exceljs()).Workbook();
  const ordered = [...lines].sort((a, b) => (a.worker.fullName ?? '').localeCompare(b.worker.fullName ?? ''));
  formSheet(workbook, '届出書', '受入れ・活動・支援実施状況に係る届出書(参考様式第3-6号)', [
    ['届出の対象期間', `${fiscalYear}年4月1日〜${fiscalYear + 1}年3月31日(${fiscalYear}年度)`],
    ['作成日', dateCell(header.madeOn)],
    ...partyItems('1 特定技能所属機関', header.employer),
    ...organisationItems('2 登録支援機関(支援を委託した場合)', header.organisation),
    '3 受入れ状況',
    ['対象期間に受け入れた特定技能外国人の数', ordered.length],
    ['特定技能外国人の一覧', '別紙のとおり'],
    ['定期面談の実施状況', '「定期面談」のとおり'],
    '4 活動状況(台帳に記録なし)',
    ['報酬の支払状況', null],
    ['社会保険・労働保険の適用状況', null],
    ['離職者数・行方不明者数', null],
    '5 届出者',
    ['作成者の署名', null],
  ]);
  tableSheet(
    workbook,
    '別紙',
    ANNUAL_WORKER_HEADERS,
    ordered.map((line, index) => {
      const held = (party: HeldInterview['with']) =>
        line.interviews
          .filter((interview) => interview.with === party)
          .map((interview) => interview.on)
          .join('、') || null;
      return [
        index + 1,
        line.worker.fullName,
        line.worker.nationality,
        dateCell(line.worker.dateOfBirth),
        line.worker.gender === 'male' ? '男' : line.worker.gender === 'female' ? '女' : null,
        line.worker.cardNumber,
        line.worker.field,
        line.worker.jobCategory,
        line.worker.address,
        spanText(line.employment),
        spanText(line.support),
        line.orientations.map((o) => `${o.on}(${o.hours}時間)`).join('、') || null,
        held('worker'),
        held('supervisor'),
        null,
        null,
      ];
    }),
    [6, 24, 12, 12, 6, 16, 16, 14, 30, 26, 26, 20, 30, 30, 14, 14],
  );
  tableSheet(
    workbook,
    '定期面談',
    ANNUAL_INTERVIEW_HEADERS,
    ordered
      .flatMap((line) =>
        [...line.interviews]
          .sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0))
          .map((interview) => [
            0,
            line.worker.fullName,
            line.worker.cardNumber,
            dateCell(interview.on),
            PARTY_JA[interview.with],
            MODE_JA[interview.mode],
            interview.interpreter ?? 'なし',
            interview.findings,
            interview.actions,
          ]),
      )
      .map((row, index) => [index + 1, ...row.slice(1)]),
    [6, 24, 16, 12, 10, 10, 14, 40, 40],
  );
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The 随時届出 the ledger drafts, with the form each follows. */
export const NOTICE_FORMS = {
  contract_change: { form: '参考様式第3-1-1号', title: '特定技能雇用契約の変更に係る届出書', basis: '入管法19条の18第1項第1号' },
  contract_end_or_new: {
    form: '参考様式第3-1-2号',
    title: '特定技能雇用契約の終了又は締結に係る届出書',
    basis: '入管法19条の18第1項第1号',
  },
  support_contract: { form: '参考様式第3-3号', title: '支援委託契約に係る届出書', basis: '入管法19条の18第1項第3号' },
  acceptance_difficulty: { form: '参考様式第3-4号', title: '受入れ困難に係る届出書', basis: '入管法19条の18第1項第4号' },
} as const;
export type NoticeForm = keyof typeof NOTICE_FORMS;

export interface NoticeContent {
  form: NoticeForm;
  /** The event's day: 事由発生日. */
  occurredOn: LocalDate;
  /** What happened, in words (届出の事由). */
  reason: string;
  /** Free text the fact carries (a summary), when any. */
  detail: string | null;
}

/** A short form as its title and items, in the order of the form. */
export interface ShortForm {
  sheet: string;
  title: string;
  items: ReadonlyArray<readonly [string, Value] | string>;
}

export function noticeForm(header: FilingHeader, worker: FilingWorker, notice: NoticeContent): ShortForm {
  const { form, title, basis } = NOTICE_FORMS[notice.form];
  return {
    sheet: '届出書',
    title: `${title}(${form})`,
    items: [
      ['根拠', basis],
      ['作成日', dateCell(header.madeOn)],
      '1 届出の対象者',
      ...workerItems(worker),
      '2 届出の内容',
      ['事由発生日', dateCell(notice.occurredOn)],
      ['届出の事由', notice.reason],
      ['内容', notice.detail],
      ...partyItems('3 届出機関(特定技能所属機関)', header.employer),
      ...(notice.form === 'support_contract' ? organisationItems('4 登録支援機関', header.organisation) : []),
      '届出者',
      ['作成者の署名', null],
    ],
  };
}

/** 定期面談報告書 (1号特定技能外国人用 / 監督者用): one interview. */
export function interviewForm(header: FilingHeader, worker: FilingWorker, interview: HeldInterview): ShortForm {
  const form = interview.with === 'worker' ? '参考様式第5-4号' : '参考様式第5-5号';
  return {
    sheet: '面談記録',
    title: `定期面談報告書(${PARTY_JA[interview.with]}用・${form})`,
    items: [
      ['作成日', dateCell(header.madeOn)],
      '1 面談の対象',
      ...workerItems(worker),
      ['面談の相手', PARTY_JA[interview.with]],
      ['監督者の氏名・役職', null],
      '2 面談',
      ['実施日', dateCell(interview.on)],
      ['方法', MODE_JA[interview.mode]],
      ['通訳', interview.interpreter ?? 'なし'],
      ['確認した事項', interview.findings],
      ['講じた措置', interview.actions],
      ...partyItems('3 特定技能所属機関', header.employer),
      ...organisationItems('4 支援を行った機関', header.organisation),
      ['面談実施者の氏名', null],
    ],
  };
}

export async function shortFormWorkbook(form: ShortForm): Promise<Buffer> {
  const workbook = new (await exceljs()).Workbook();
  formSheet(workbook, form.sheet, form.title, form.items);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
