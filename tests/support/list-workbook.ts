import ExcelJS from 'exceljs';

/** The columns of a small commune list, as the import tests write it. */
export const LIST_HEADER = ['STT', 'Họ và tên', 'Năm sinh', 'Số CCCD', 'Địa chỉ thường trú', 'Mức trợ cấp'];

/** A one-sheet list workbook: `above` (titles) first, then the header and the rows. */
export async function listWorkbook(rows: (string | number | null)[][], options: { sheet?: string; above?: (string | null)[][] } = {}): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(options.sheet ?? 'DS');
  for (const r of options.above ?? []) ws.addRow(r);
  ws.addRow(LIST_HEADER);
  for (const r of rows) ws.addRow(r);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
