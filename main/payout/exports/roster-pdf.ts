import { createWriteStream } from 'node:fs';
import { createRequire } from 'node:module';
import { finished } from 'node:stream/promises';
import PDFDocument from 'pdfkit';
import { dateLine, issuingBody, officePlace, type OfficeInfo } from '../../excel/export-office';
import { printedAmount, type RosterTable, type TableCell } from './roster-table';

// The roster as an A4 landscape PDF with DejaVu Sans embedded (a font that covers every Vietnamese letter), so
// that it prints the same from any PDF viewer or a browser's print dialog, with the column headers on every page.

const require = createRequire(import.meta.url);
const FONT = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
const FONT_BOLD = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf');

const MARGIN = 28;
const ROW = 15;
const SIZE = 8.5;

export async function writeRosterPdf(file: string, table: RosterTable, office: OfficeInfo): Promise<void> {
  const doc = new PDFDocument({ size: 'A4', layout: 'landscape', margin: MARGIN, autoFirstPage: false, compress: true,
    info: { Title: table.title, Creator: 'An Sinh Desk', Producer: 'An Sinh Desk' } });
  const out = createWriteStream(file);
  doc.pipe(out);
  doc.registerFont('body', FONT);
  doc.registerFont('bold', FONT_BOLD);
  doc.addPage();
  const pageWidth = doc.page.width - 2 * MARGIN;
  const bottom = doc.page.height - MARGIN - ROW;
  const totalWidth = table.columns.reduce((s, c) => s + c.width, 0);
  const widths = table.columns.map((c) => (c.width / totalWidth) * pageWidth);
  const xs = widths.reduce<number[]>((acc, _w, i) => [...acc, i === 0 ? MARGIN : acc[i - 1] + widths[i - 1]], []);
  // Characters that fit a column at this size (DejaVu Sans averages ~0.55 em): cut there instead of measuring each cell.
  const fits = widths.map((w) => Math.max(3, Math.floor((w - 4) / (SIZE * 0.56))));
  let y = MARGIN;
  let page = 1;

  const text = (s: string, x: number, w: number, align: 'left' | 'center' | 'right', top: number) =>
    doc.text(s, x + 2, top + 3.5, { width: w - 4, align, lineBreak: false });

  const header = () => {
    doc.font('bold').fontSize(SIZE);
    doc.lineWidth(0.5);
    for (let c = 0; c < widths.length; c++) {
      doc.rect(xs[c], y, widths[c], ROW * 2).stroke();
      doc.text(table.columns[c].header, xs[c] + 2, y + 3, { width: widths[c] - 4, align: 'center', height: ROW * 2 - 4 });
    }
    y += ROW * 2;
    doc.font('body');
  };
  // The page number sits in the bottom margin, where pdfkit would otherwise start a new page.
  const footer = () => {
    doc.page.margins.bottom = 0;
    doc.font('body').fontSize(7.5).text(`Trang ${page}`, MARGIN, doc.page.height - MARGIN + 6, { width: pageWidth, align: 'center', lineBreak: false });
    doc.page.margins.bottom = MARGIN;
  };
  const newPage = () => {
    footer();
    doc.addPage();
    page += 1;
    y = MARGIN;
    header();
  };
  const cells = (values: TableCell[], bold: boolean) => {
    if (y > bottom) newPage();
    doc.font(bold ? 'bold' : 'body').fontSize(SIZE);
    for (let c = 0; c < widths.length; c++) {
      doc.rect(xs[c], y, widths[c], ROW).stroke();
      const v = values[c];
      if (v === null || v === undefined || v === '') continue;
      const col = table.columns[c];
      let s = col.kind === 'amount' ? printedAmount(Number(v)) : String(v);
      if (s.length > fits[c]) s = `${s.slice(0, fits[c] - 1)}…`;
      text(s, xs[c], widths[c], col.align ?? 'left', y);
    }
    y += ROW;
  };
  const wide = (s: string, bold: boolean) => {
    if (y > bottom) newPage();
    doc.font(bold ? 'bold' : 'body').fontSize(SIZE);
    doc.rect(MARGIN, y, pageWidth, ROW).stroke();
    doc.text(s, MARGIN + 4, y + 3.5, { width: pageWidth - 8, lineBreak: false });
    y += ROW;
  };

  // Title block: issuing body and national motto, title, place and period.
  const half = pageWidth / 2;
  doc.font('bold').fontSize(10).text(issuingBody(office), MARGIN, y, { width: half, align: 'center' });
  doc.text('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', MARGIN + half, y, { width: half, align: 'center' });
  doc.text('Độc lập - Tự do - Hạnh phúc', MARGIN + half, y + 13, { width: half, align: 'center', underline: true });
  y += 40;
  doc.fontSize(13).text(table.title, MARGIN, y, { width: pageWidth, align: 'center' });
  y += 18;
  doc.font('body').fontSize(9.5);
  for (const s of [officePlace(office), ...table.subtitles]) {
    doc.text(s, MARGIN, y, { width: pageWidth, align: 'center' });
    y += 13;
  }
  y += 6;
  header();

  table.sections.forEach((s, i) => {
    const first: TableCell[] = [String(i + 1), s.title];
    cells(first, true);
    for (const r of s.rows) cells(r, false);
    const sub: TableCell[] = table.columns.map(() => null);
    sub[1] = `Cộng ${s.title}`;
    sub[table.amountColumn] = s.amount;
    cells(sub, true);
  });
  const total: TableCell[] = table.columns.map(() => null);
  total[1] = `TỔNG CỘNG (${table.count} người)`;
  total[table.amountColumn] = table.amount;
  cells(total, true);
  wide(`Bằng chữ: ${table.amountInWords}.`, true);

  // Signature block: kept whole on one page.
  if (y + 110 > doc.page.height - MARGIN) newPage();
  y += 12;
  doc.font('body').fontSize(9.5).text(dateLine(office), MARGIN + half, y, { width: half, align: 'center' });
  y += 14;
  doc.font('bold');
  doc.text('Người lập biểu', MARGIN, y, { width: half / 2, align: 'center' });
  doc.text('Kế toán', MARGIN + half / 2, y, { width: half / 2, align: 'center' });
  doc.text('TM. ỦY BAN NHÂN DÂN', MARGIN + half, y, { width: half, align: 'center' });
  y += 13;
  doc.text('CHỦ TỊCH', MARGIN + half, y, { width: half, align: 'center' });
  y += 13;
  doc.font('body').fontSize(8.5);
  doc.text('(Ký, ghi rõ họ tên)', MARGIN, y, { width: half / 2, align: 'center' });
  doc.text('(Ký, ghi rõ họ tên)', MARGIN + half / 2, y, { width: half / 2, align: 'center' });
  doc.text('(Ký tên, đóng dấu)', MARGIN + half, y, { width: half, align: 'center' });
  y += 50;
  doc.font('bold').fontSize(9.5);
  if (office.preparedBy) doc.text(office.preparedBy, MARGIN, y, { width: half / 2, align: 'center' });
  if (office.signedBy) doc.text(office.signedBy, MARGIN + half, y, { width: half, align: 'center' });
  footer();
  doc.end();
  await finished(out);
}
