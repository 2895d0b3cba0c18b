import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import PDFDocument from 'pdfkit';
import { sizeToFit } from '../excel/pdf-cells';
import { PDF_FONT, PDF_FONT_BOLD } from '../excel/pdf-fonts';
import type { ReportCell, ReportDocument } from './report-document';

// A report as a printable A4 landscape PDF with DejaVu Sans (every Vietnamese letter), in the same layout as the
// workbook; the column headers repeat on every page.

const MARGIN = 28;
const ROW = 14;
const HEADER = 46;
const SIZE = 7;

/** A PDF of one report, or of several, each from a new page (the progress report and its cash-less share per village). */
export async function writeReportPdf(file: string, docs: readonly ReportDocument[]): Promise<void> {
  const pdf = new PDFDocument({ size: 'A4', layout: 'landscape', margin: MARGIN, autoFirstPage: false, compress: true,
    info: { Title: `${docs[0].title} – ${docs[0].subtitle}`, Creator: 'An Sinh Desk', Producer: 'An Sinh Desk' } });
  const out = createWriteStream(file);
  pdf.pipe(out);
  pdf.registerFont('body', PDF_FONT);
  pdf.registerFont('bold', PDF_FONT_BOLD);
  for (const doc of docs) writeDocument(pdf, doc);
  pdf.end();
  await finished(out);
}

/** The smallest size a cell's text may shrink to before a value is cut (a name) or a heading's word is broken. */
const MIN_SIZE = 4.5;

/**
 * The size at which `text` fits `width`: each word on a line of its own for a heading (a word broken in the middle,
 * "Hộ ng|hèo", reads wrong), the whole text on one line for a value (two communes cut to "Phường Điện Bàn…" are one).
 */
function fittedSize(pdf: PDFKit.PDFDocument, text: string, width: number, wholeLine: boolean): number {
  pdf.fontSize(SIZE);
  const widest = wholeLine ? pdf.widthOfString(text) : Math.max(0, ...text.split(/\s+/).map((w) => pdf.widthOfString(w)));
  return sizeToFit(SIZE, widest, width, MIN_SIZE);
}

const shareText = (v: number | null) => (v === null ? '—' : v.toLocaleString('vi-VN', { minimumFractionDigits: 1, maximumFractionDigits: 1 }));

function writeDocument(pdf: PDFKit.PDFDocument, doc: ReportDocument): void {
  pdf.addPage();
  const width = pdf.page.width - 2 * MARGIN;
  const bottom = pdf.page.height - MARGIN;
  const total = doc.columns.reduce((s, c) => s + c.width, 0);
  const widths = doc.columns.map((c) => (c.width / total) * width);
  const xs = widths.map((_w, i) => MARGIN + widths.slice(0, i).reduce((s, w) => s + w, 0));
  const half = width / 2;

  pdf.font('bold').fontSize(9);
  pdf.text(doc.issuingBody, MARGIN, MARGIN, { width: half * 0.8, align: 'center' });
  pdf.text('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', MARGIN + half, MARGIN, { width: half, align: 'center' });
  pdf.text('Độc lập - Tự do - Hạnh phúc', MARGIN + half, MARGIN + 12, { width: half, align: 'center' });
  pdf.font('body').fontSize(9).text(doc.dateLine, MARGIN + half, MARGIN + 28, { width: half, align: 'center' });
  pdf.font('bold').fontSize(12).text(doc.title, MARGIN, MARGIN + 50, { width, align: 'center' });
  pdf.font('body').fontSize(9).text(doc.subtitle, MARGIN, MARGIN + 66, { width, align: 'center' });
  let y = MARGIN + 86;

  const header = () => {
    pdf.font('bold').fontSize(SIZE).lineWidth(0.5);
    doc.columns.forEach((c, i) => {
      pdf.rect(xs[i], y, widths[i], HEADER).stroke();
      pdf.fontSize(fittedSize(pdf, c.header, widths[i] - 3, false));
      pdf.text(c.header, xs[i] + 1.5, y + 3, { width: widths[i] - 3, align: 'center', height: HEADER - 4 });
    });
    y += HEADER;
  };
  const row = (cells: ReportCell[], bold: boolean) => {
    if (y + ROW > bottom) {
      pdf.addPage();
      y = MARGIN;
      header();
    }
    pdf.font(bold ? 'bold' : 'body').fontSize(SIZE);
    cells.forEach((v, i) => {
      pdf.rect(xs[i], y, widths[i], ROW).stroke();
      const percent = doc.columns[i]?.percent && (typeof v === 'number' || v === null);
      const text = percent ? shareText(v as number | null) : typeof v === 'number' ? v.toLocaleString('vi-VN') : v ?? '';
      pdf.fontSize(fittedSize(pdf, text, widths[i] - 3, true));
      pdf.text(text, xs[i] + 1.5, y + 3.5, { width: widths[i] - 3, align: doc.columns[i]?.numeric || doc.columns[i]?.percent ? 'right' : 'left', lineBreak: false, ellipsis: true, height: ROW });
    });
    y += ROW;
  };
  header();
  for (const r of doc.rows) row(r, false);
  row(doc.totals, true);

  if (y + 90 > bottom) {
    pdf.addPage();
    y = MARGIN;
  }
  y += 16;
  pdf.font('bold').fontSize(9);
  pdf.text(doc.signatures.left, MARGIN, y, { width: half, align: 'center' });
  pdf.text(doc.signatures.right, MARGIN + half, y, { width: half, align: 'center' });
  pdf.font('body').fontSize(8);
  pdf.text('(Ký, ghi rõ họ tên)', MARGIN, y + 12, { width: half, align: 'center' });
  pdf.text('(Ký, ghi rõ họ tên, đóng dấu)', MARGIN + half, y + 12, { width: half, align: 'center' });
  pdf.font('bold').fontSize(9);
  if (doc.signatures.leftName) pdf.text(doc.signatures.leftName, MARGIN, y + 64, { width: half, align: 'center' });
  if (doc.signatures.rightName) pdf.text(doc.signatures.rightName, MARGIN + half, y + 64, { width: half, align: 'center' });
}
