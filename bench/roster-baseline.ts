// The floor bench:roster measures the printable roster against, in the same run: the same lines (every payable
// line of the month, in the printed order) written with nothing of ours in between — exceljs's streaming writer
// with no styles, title, sections or totals, and pdfkit placing each line as one string at a fixed position with
// the same embedded font. What the real exports cost beyond this is their layout, formatting and totals.
import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import ExcelJS from 'exceljs';
import PDFDocument from 'pdfkit';
import type { SqliteConnection } from '../main/core/database/open-database';
import { PDF_FONT } from '../main/excel/pdf-fonts';


type Line = [string, string | null, string | null, number, string, string | null];

function payableLines(sqlite: SqliteConnection, period: string): Line[] {
  return sqlite.prepare(`SELECT l.full_name, l.id_number, l.village, l.amount, l.channel, l.account_number FROM roster_lines l JOIN rosters r ON r.id = l.roster_id
    WHERE r.period = ? AND r.deleted = 0 AND l.deleted = 0 AND l.held = 0 AND l.amount > 0 ORDER BY l.village COLLATE NOCASE, l.full_name, l.id`).raw().all(period) as Line[];
}

export async function bareXlsx(sqlite: SqliteConnection, period: string, file: string): Promise<number> {
  const lines = payableLines(sqlite, period);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: false });
  const sheet = workbook.addWorksheet('Danh sách');
  lines.forEach((l, i) => sheet.addRow([i + 1, ...l]).commit());
  sheet.commit();
  await workbook.commit();
  return lines.length;
}

export async function barePdf(sqlite: SqliteConnection, period: string, file: string): Promise<number> {
  const lines = payableLines(sqlite, period);
  const doc = new PDFDocument({ size: 'A4', layout: 'landscape', margin: 28, compress: true });
  const out = createWriteStream(file);
  doc.pipe(out);
  doc.font(PDF_FONT).fontSize(8.5);
  let y = 28;
  lines.forEach((l, i) => {
    if (y > doc.page.height - 43) {
      doc.addPage();
      y = 28;
    }
    doc.text(`${i + 1}  ${l.map((v) => v ?? '').join('  ')}`, 28, y, { lineBreak: false });
    y += 15;
  });
  doc.end();
  await finished(out);
  return lines.length;
}
