import ExcelJS from 'exceljs';
import type { CanonicalRecord } from '../registry/canonical-records';
import { neutraliseFormula } from './neutralise-formula';

const COLUMNS: { key: keyof CanonicalRecord; header: string; width: number; text?: boolean }[] = [
  { key: 'fullName', header: 'Họ và tên', width: 28 },
  { key: 'birth', header: 'Ngày sinh', width: 12 },
  { key: 'sex', header: 'Giới tính', width: 9 },
  { key: 'idNumber', header: 'Số định danh cá nhân', width: 16, text: true },
  { key: 'oldIdNumber', header: 'Số CMND cũ', width: 12, text: true },
  { key: 'hometown', header: 'Quê quán', width: 24 },
  { key: 'permanentAddress', header: 'Nơi thường trú', width: 30 },
  { key: 'village', header: 'Thôn/xóm', width: 14 },
  { key: 'categoryGroup', header: 'Nhóm', width: 8 },
  { key: 'categoryLabel', header: 'Đối tượng', width: 32 },
  { key: 'monthlyAmount', header: 'Mức hưởng (đồng)', width: 14 },
  { key: 'accountNumber', header: 'Số tài khoản', width: 18, text: true },
  { key: 'bankName', header: 'Ngân hàng', width: 16 },
  { key: 'bankBin', header: 'Mã BIN', width: 9, text: true },
];

/**
 * The canonical records as a plain one-sheet workbook (one header row, one record per row), for other programs.
 * Streams rows to disk so a district's list never sits whole in memory. ID and account columns are text.
 */
export async function writeCanonicalWorkbook(records: Iterable<CanonicalRecord>, file: string): Promise<number> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false, useStyles: true });
  const sheet = workbook.addWorksheet('Đối tượng', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width, style: c.text ? { numFmt: '@' } : {} }));
  sheet.getRow(1).font = { bold: true };
  let count = 0;
  for (const r of records) {
    const row: Record<string, unknown> = {};
    for (const c of COLUMNS) {
      const v = r[c.key];
      row[c.key] = typeof v === 'string' ? neutraliseFormula(v) : v;
    }
    sheet.addRow(row).commit();
    count++;
  }
  await sheet.commit();
  await workbook.commit();
  return count;
}
