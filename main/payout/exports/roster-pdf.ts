import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import PDFDocument from 'pdfkit';
import { PDF_FONT, PDF_FONT_BOLD } from '../../excel/pdf-fonts';
import { dateLine, issuingBody, officePlace, type OfficeInfo } from '../../excel/export-office';
import { PdfRowText, sizeToFit } from '../../excel/pdf-cells';
import { useFastTextLayout } from '../../excel/pdf-text-layout';
import { printedAmount, type RosterTable, type TableCell } from './roster-table';

// The roster as an A4 landscape PDF with DejaVu Sans embedded (a font that covers every Vietnamese letter), so
// that it prints the same from any PDF viewer or a browser's print dialog, with the column headers on every page.


const MARGIN = 28;
const ROW = 15;
const SIZE = 8.5;
/** A text too wide for its cell is set smaller down to this size, then cut with "…" (a name, an address). */
const FIT_SIZE = 6;
/** A transaction key, an account or ID number or an amount is never cut: it is set as small as it takes, down to this. */
const WHOLE_SIZE = 3.5;
/** Two lines of a split key fill the row at this size. */
const TWO_LINE_SIZE = 6.5;

export async function writeRosterPdf(file: string, table: RosterTable, office: OfficeInfo): Promise<void> {
  const doc = new PDFDocument({ size: 'A4', layout: 'landscape', margin: MARGIN, autoFirstPage: false, compress: true,
    info: { Title: table.title, Creator: 'An Sinh Desk', Producer: 'An Sinh Desk' } });
  const out = createWriteStream(file);
  doc.pipe(out);
  doc.registerFont('body', PDF_FONT);
  doc.registerFont('bold', PDF_FONT_BOLD);
  doc.addPage();
  useFastTextLayout(doc, 'body');
  useFastTextLayout(doc, 'bold');
  const pageWidth = doc.page.width - 2 * MARGIN;
  const bottom = doc.page.height - MARGIN - ROW;
  const totalWidth = table.columns.reduce((s, c) => s + c.width, 0);
  const widths = table.columns.map((c) => (c.width / totalWidth) * pageWidth);
  const xs = widths.reduce<number[]>((acc, _w, i) => [...acc, i === 0 ? MARGIN : acc[i - 1] + widths[i - 1]], []);
  let y = MARGIN;
  let page = 1;

  // Cells are placed by hand (measured, aligned, cut with "…"): pdfkit's line wrapper, used whenever a width is
  // given, costs a hundred times more, and a roster of 100,000 lines is a million cells. They are written a row at a
  // time straight into the page (pdf-cells.ts) rather than through doc.text(), and so are the grid's lines.
  const row = new PdfRowText(doc);
  type Align = 'left' | 'center' | 'right';
  /** `s` at the current size, `width` wide, aligned in the cell [x, x + w] with its line's top at `top`. */
  const put = (s: string, width: number, x: number, w: number, align: Align, top: number) => {
    const left = align === 'left' ? x + 2 : align === 'right' ? x + w - 2 - width : x + (w - width) / 2;
    if (!row.add(s, left, top)) {
      row.flush();
      doc.text(s, left, top, { lineBreak: false });
    }
  };
  // Every cell is written at SIZE (cells() and wide() set it); a cell set smaller puts it back.
  const text = (s: string, x: number, w: number, align: Align, top: number, whole = false) => {
    let shown = s;
    let width = row.width(shown);
    const size = sizeToFit(SIZE, width, w - 4, whole ? WHOLE_SIZE : FIT_SIZE);
    if (whole && size < FIT_SIZE && splitInTwo(s, x, w, align, top)) return;
    if (size !== SIZE) {
      doc.fontSize(size);
      width = row.width(shown);
    }
    while (!whole && width > w - 4 && shown.length > 1) {
      shown = `${shown.slice(0, Math.max(1, Math.floor(shown.length * ((w - 4) / width)) - 1))}…`;
      width = row.width(shown);
    }
    // A smaller text sits on the same middle line as its row's others.
    put(shown, width, x, w, align, top + 3.5 + (SIZE - size) * 0.6);
    if (size !== SIZE) doc.fontSize(SIZE);
  };
  // A transaction key too long for one readable line goes on two, broken after the ":" or "-" nearest its middle;
  // false (nothing written, the size untouched) when it has no such break or its halves would still be too small.
  const splitInTwo = (s: string, x: number, w: number, align: Align, top: number): boolean => {
    let at = -1;
    for (let i = 0; i < s.length - 1; i++) if ((s[i] === ':' || s[i] === '-') && (at < 0 || Math.abs(i + 1 - s.length / 2) < Math.abs(at + 1 - s.length / 2))) at = i;
    if (at < 0) return false;
    const parts = [s.slice(0, at + 1), s.slice(at + 1)];
    const size = Math.min(TWO_LINE_SIZE, sizeToFit(SIZE, Math.max(...parts.map((p) => row.width(p))), w - 4, 0));
    if (size < FIT_SIZE) return false;
    doc.fontSize(size);
    parts.forEach((p, i) => put(p, row.width(p), x, w, align, top + 0.8 + (i * (ROW - 1.6)) / 2));
    doc.fontSize(SIZE);
    return true;
  };
  const grid = (top: number, height: number) => {
    const n = (v: number) => String(Math.round(v * 1000) / 1000);
    const lines = [`${n(MARGIN)} ${n(top)} ${n(pageWidth)} ${n(height)} re`];
    for (let c = 1; c < xs.length; c++) lines.push(`${n(xs[c])} ${n(top)} m\n${n(xs[c])} ${n(top + height)} l`);
    doc.addContent(`${lines.join('\n')}\nS`);
  };

  // The column headers, wrapped to their columns once (as many lines as the two-row header holds), then written on
  // every page as the cells are.
  let headerLines: string[][] | null = null;
  const wrapHeader = (label: string, w: number, lineHeight: number): string[] => {
    const lines: string[] = [];
    for (const word of label.split(' ')) {
      const joined = lines.length ? `${lines[lines.length - 1]} ${word}` : word;
      if (lines.length && row.width(joined) <= w) lines[lines.length - 1] = joined;
      else lines.push(word);
    }
    return lines.slice(0, Math.max(1, Math.floor((ROW * 2 - 4) / lineHeight)));
  };
  const header = () => {
    doc.font('bold').fontSize(SIZE);
    doc.lineWidth(0.5);
    grid(y, ROW * 2);
    const lineHeight = doc.currentLineHeight(true);
    headerLines ??= table.columns.map((col, c) => wrapHeader(col.header, widths[c] - 4, lineHeight));
    headerLines.forEach((lines, c) => lines.forEach((line, i) => {
      const top = y + 3 + i * lineHeight;
      const left = xs[c] + 2 + (widths[c] - 4 - row.width(line)) / 2;
      if (!row.add(line, left, top)) {
        row.flush();
        doc.text(line, left, top, { lineBreak: false });
      }
    }));
    row.flush();
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
    grid(y, ROW);
    for (let c = 0; c < widths.length; c++) {
      const v = values[c];
      if (v === null || v === undefined || v === '') continue;
      const col = table.columns[c];
      text(col.kind === 'amount' ? printedAmount(Number(v)) : String(v), xs[c], widths[c], col.align ?? 'left', y, col.kind !== 'text');
    }
    row.flush();
    y += ROW;
  };
  const wide = (s: string, bold: boolean) => {
    if (y > bottom) newPage();
    doc.font(bold ? 'bold' : 'body').fontSize(SIZE);
    doc.rect(MARGIN, y, pageWidth, ROW).stroke();
    text(s, MARGIN, pageWidth, 'left', y);
    row.flush();
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

  for (const [i, s] of table.sections.entries()) {
    const first: TableCell[] = [String(i + 1), s.title];
    cells(first, true);
    for await (const chunk of s.rows()) for (const r of chunk) cells(r, false);
    const sub: TableCell[] = table.columns.map(() => null);
    sub[1] = `Cộng ${s.title}`;
    sub[table.amountColumn] = s.amount;
    cells(sub, true);
  }
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
