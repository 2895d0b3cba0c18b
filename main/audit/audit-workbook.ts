import ExcelJS from 'exceljs';
import { safeText } from '../excel/export-cells';

export interface AuditLine {
  at: string;
  user: string;
  door: string;
  action: string;
  person: string;
  summary: string;
}

const COLUMNS: { header: string; key: keyof AuditLine | 'n'; width: number }[] = [
  { header: 'STT', key: 'n', width: 7 },
  { header: 'Thời gian', key: 'at', width: 20 },
  { header: 'Người dùng', key: 'user', width: 28 },
  { header: 'Qua', key: 'door', width: 12 },
  { header: 'Việc', key: 'action', width: 24 },
  { header: 'Dữ liệu của', key: 'person', width: 28 },
  { header: 'Chi tiết', key: 'summary', width: 70 },
];

/** The audit trail as a plain table (title, filter line, one row per event), written row by row. */
export async function writeAuditWorkbook(file: string, title: string, filterLine: string, lines: Iterable<AuditLine>): Promise<number> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: true });
  workbook.creator = 'An Sinh Desk';
  const sheet = workbook.addWorksheet('Nhat ky', { pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  sheet.columns = COLUMNS.map((c) => ({ key: c.key, width: c.width }));
  const titleRow = sheet.addRow([title]);
  titleRow.font = { bold: true, size: 14 };
  titleRow.commit();
  sheet.addRow([filterLine]).commit();
  sheet.addRow([]).commit();
  const head = sheet.addRow(COLUMNS.map((c) => c.header));
  head.font = { bold: true };
  head.commit();
  let n = 0;
  for (const line of lines) {
    n += 1;
    // A file name in the trail may start with "=": neutralised like every exported text.
    sheet.addRow([n, line.at, line.user, line.door, line.action, line.person, line.summary].map((v) => (typeof v === 'string' ? safeText(v) : v))).commit();
  }
  await workbook.commit();
  return n;
}
