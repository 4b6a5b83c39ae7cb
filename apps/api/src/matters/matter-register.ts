/**
 * The register (帳簿) 行政書士法9条 requires of an office: for every matter accepted, 事件の名称,
 * 受任の年月日, 報酬の額 and 依頼者の住所及び氏名, as an Excel workbook. It is kept 2 years from the
 * matter's close (同条2項), so closed matters stay on it.
 */
import { exceljs } from '../http/exceljs-on-demand.js';
import { MATTER_KIND_CATALOGUE, type Matter } from '@zairyu/domain';
import type { ResidentFacts } from './matter-views.js';

export const REGISTER_HEADERS = ['番号', '事件の名称', '受任の年月日', '報酬の額', '依頼者の氏名', '依頼者の住所', '結了の年月日'] as const;

const dateCell = (value: string | null) => (value === null ? null : new Date(`${value}T00:00:00Z`));

export async function registerWorkbook(matters: readonly Matter[], residents: ReadonlyMap<string, ResidentFacts>): Promise<Buffer> {
  const workbook = new (await exceljs()).Workbook();
  const sheet = workbook.addWorksheet('帳簿', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = REGISTER_HEADERS.map((header) => ({
    header,
    width: header.endsWith('年月日') ? 14 : header === '番号' ? 6 : 28,
    ...(header.endsWith('年月日') ? { style: { numFmt: 'yyyy-mm-dd' } } : {}),
    ...(header === '報酬の額' ? { style: { numFmt: '#,##0"円"' } } : {}),
  }));
  sheet.getRow(1).font = { bold: true };
  const ordered = [...matters].sort((a, b) => (a.acceptedOn < b.acceptedOn ? -1 : a.acceptedOn > b.acceptedOn ? 1 : 0));
  ordered.forEach((matter, index) => {
    const resident = residents.get(matter.residentId);
    const client = matter.client.kind === 'company' ? matter.client : { name: resident?.name ?? null, address: resident?.address ?? null };
    const status = matter.toStatus === null ? '' : `(${matter.toStatus})`;
    sheet.addRow([
      index + 1,
      `${MATTER_KIND_CATALOGUE[matter.kind].ja}${status}`,
      dateCell(matter.acceptedOn),
      matter.feeYen,
      client.name,
      client.address,
      dateCell(matter.closedOn),
    ]);
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
