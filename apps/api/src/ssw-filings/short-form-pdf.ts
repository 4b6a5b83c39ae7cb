/**
 * A short form (a 随時届出, a 面談記録) as a one- or two-page A4 PDF: its items in the form's order,
 * label beside value, the Japanese font embedded (japanese-font.ts). A blank the office must fill
 * is a shaded box, as in the Excel draft. pdfkit (with fontkit and brotli, about 19 MB of memory)
 * is loaded with the first PDF, not at start.
 */
import type PDFKitDocument from 'pdfkit';
import { TO_WRITE_NOTE, type ShortForm, type Value } from './filing-workbooks.js';
import { fontRuns } from './japanese-font.js';

const MARGIN = 40;
const LABEL_WIDTH = 170;
const PAGE_BOTTOM = 800;

const text = (value: Value) => (value instanceof Date ? value.toISOString().slice(0, 10) : String(value));

/** Writes `value` from (x, y) within `width`, each run in the font slice that draws it. */
function write(doc: PDFKit.PDFDocument, value: string, x: number, y: number, width: number, size: number) {
  const runs = fontRuns(value);
  doc.fontSize(size);
  runs.forEach((run, index) => {
    doc.font(run.file ?? 'Helvetica');
    const continued = index < runs.length - 1;
    if (index === 0) doc.text(run.text, x, y, { width, continued });
    else doc.text(run.text, { continued });
  });
  return doc.y;
}

let pdfkit: Promise<typeof PDFKitDocument> | undefined;

export async function shortFormPdf(form: ShortForm): Promise<Buffer> {
  const PDFDocument = await (pdfkit ??= import('pdfkit').then((module) => module.default as unknown as typeof PDFKitDocument));
  const doc = new PDFDocument({ size: 'A4', margin: MARGIN, info: { Title: form.title } });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const right = doc.page.width - MARGIN;
  const valueX = MARGIN + LABEL_WIDTH;
  let y = write(doc, form.title, MARGIN, MARGIN, right - MARGIN, 14) + 4;
  y = write(doc, TO_WRITE_NOTE, MARGIN, y, right - MARGIN, 8) + 10;
  for (const item of form.items) {
    if (y > PAGE_BOTTOM) {
      doc.addPage();
      y = MARGIN;
    }
    if (typeof item === 'string') {
      y = write(doc, item, MARGIN, y + 6, right - MARGIN, 11) + 4;
      continue;
    }
    const [label, value] = item;
    const afterLabel = write(doc, label, MARGIN, y + 3, LABEL_WIDTH - 8, 9);
    let afterValue: number;
    if (value === null || value === '') {
      doc
        .save()
        .rect(valueX, y + 1, right - valueX, 15)
        .fill('#FFF2CC')
        .restore();
      afterValue = y + 16;
    } else {
      afterValue = write(doc, text(value), valueX, y + 3, right - valueX, 10);
    }
    y = Math.max(afterLabel, afterValue) + 3;
    doc.save().moveTo(MARGIN, y).lineTo(right, y).lineWidth(0.3).strokeColor('#999999').stroke().restore();
  }
  doc.end();
  return done;
}
