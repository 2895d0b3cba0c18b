import ExcelJS from 'exceljs';
import type { ReportDocument } from './report-document';

// A report as a workbook in the official layout: issuing body and national heading, title, period, the table with
// its totals row, the date line and the signature block.

const THIN = { style: 'thin' as const };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** A workbook of one report, or of several, a sheet each (the progress report and its cash-less share per village). */
export async function writeReportWorkbook(file: string, sheets: readonly { name: string; doc: ReportDocument }[]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'An Sinh Desk';
  for (const { name, doc } of sheets) writeSheet(wb, doc, name);
  await wb.xlsx.writeFile(file);
}

function writeSheet(wb: ExcelJS.Workbook, doc: ReportDocument, sheetName: string): void {
  const ws = wb.addWorksheet(sheetName, { pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  const n = doc.columns.length;
  ws.columns = doc.columns.map((c) => ({ width: c.width }));
  const half = Math.max(2, Math.floor(n / 3));
  const put = (row: number, from: number, to: number, text: string, bold = false, italic = false) => {
    ws.mergeCells(row, from, row, to);
    const cell = ws.getCell(row, from);
    cell.value = text;
    cell.font = { name: 'Times New Roman', size: 12, bold, italic };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  };
  put(1, 1, half, doc.issuingBody, true);
  put(1, half + 1, n, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', true);
  put(2, half + 1, n, 'Độc lập - Tự do - Hạnh phúc', true);
  put(3, half + 1, n, doc.dateLine, false, true);
  put(5, 1, n, doc.title, true);
  put(6, 1, n, doc.subtitle, false, true);
  const header = ws.getRow(8);
  doc.columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { name: 'Times New Roman', size: 11, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = BORDER;
  });
  header.height = 45;
  let r = 9;
  const write = (cells: (string | number | null)[], bold: boolean) => {
    const row = ws.getRow(r++);
    cells.forEach((v, i) => {
      const cell = row.getCell(i + 1);
      cell.value = v;
      cell.font = { name: 'Times New Roman', size: 11, bold };
      cell.border = BORDER;
      if (doc.columns[i]?.numeric) cell.numFmt = '#,##0';
      if (doc.columns[i]?.percent) {
        cell.numFmt = '0.0';
        if (v === null) cell.value = '—';
        cell.alignment = { horizontal: 'right' };
      }
    });
  };
  for (const row of doc.rows) write(row, false);
  write(doc.totals, true);
  r += 1;
  put(r, 1, half, doc.signatures.left, true);
  put(r, n - half + 1, n, doc.signatures.right, true);
  put(r + 1, 1, half, '(Ký, ghi rõ họ tên)', false, true);
  put(r + 1, n - half + 1, n, '(Ký, ghi rõ họ tên, đóng dấu)', false, true);
  if (doc.signatures.leftName) put(r + 5, 1, half, doc.signatures.leftName, true);
  if (doc.signatures.rightName) put(r + 5, n - half + 1, n, doc.signatures.rightName, true);
}
