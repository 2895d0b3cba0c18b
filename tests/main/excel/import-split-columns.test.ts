import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppDatabase } from '../../../main/core/database/open-database';
import { writeMeta } from '../../../main/core/database/meta';
import { runCommand } from '../../../main/core/write-path';
import { createImportService } from '../../../main/excel/import-service';
import { adminUnitTable } from '../../../main/registry/synced-tables';
import { openTempDatabase, tempDir } from '../../support/temp-database';

// A district's NCC list as many are kept: a sheet per village, the name in "Họ đệm" | "Tên", the birth in
// "Ngày" | "Tháng" | "Năm" (a day and month left empty when only the year is known), sex marked with "x",
// an ID typed with the apostrophe that keeps Excel from eating its zeros.
let db: AppDatabase;
let dir: string;
let cleanup: () => void;

async function writeList(file: string) {
  const wb = new ExcelJS.Workbook();
  const sheets: [string, (string | number)[][]][] = [
    ['Thôn 1', [['Nguyễn Văn', 'An', 12, 3, 1950, 'x', '', "'038050001111", 'Thương binh 4/4']]],
    ['Xóm Đông', [['Lê Thị', 'Bình', '', '', 1948, '', 'x', '038148002222', 'Vợ liệt sĩ'], ['Trần Đình', 'Cường', 5, 11, '1960', 'x', '', '038060003333', 'Bệnh binh 2/3'],
      ['Hà', 'Dung', 31, 2, 1955, '', 'x', '038155004444', 'Con liệt sĩ']]],
  ];
  for (const [name, rows] of sheets) {
    const ws = wb.addWorksheet(name);
    ws.addRow([`DANH SÁCH NGƯỜI CÓ CÔNG VÀ THÂN NHÂN - ${name.toUpperCase()}`]);
    ws.addRow(['TT', 'Họ và tên', null, 'Ngày sinh', null, null, 'Giới tính', null, 'Số CCCD', 'Đối tượng']);
    ws.addRow([null, 'Họ đệm', 'Tên', 'Ngày', 'Tháng', 'Năm', 'Nam', 'Nữ', null, null]);
    for (const range of ['A2:A3', 'B2:C2', 'D2:F2', 'G2:H2', 'I2:I3', 'J2:J3']) ws.mergeCells(range);
    rows.forEach((r, i) => ws.addRow([i + 1, ...r]));
  }
  await wb.xlsx.writeFile(file);
}

beforeAll(() => {
  ({ dir, cleanup } = tempDir());
  db = openTempDatabase(dir);
  runCommand(db, { userId: null, origin: 'system' }, 'seed', (w) => {
    writeMeta(db, 'office.unitId', w.insert(adminUnitTable, { code: '14878', effectiveFrom: '2025-07-01', name: 'Xã Phú Lệ', level: 'commune' }));
  });
});
afterAll(() => { db.close(); cleanup(); });

describe('a list with its name and birth split over columns, a sheet per village', () => {
  it('joins the name, builds the birth from its parts, takes the village from the sheet', async () => {
    const file = path.join(dir, 'ncc.xlsx');
    await writeList(file);
    const report = await createImportService(db).commit({ userId: null, origin: 'cli' }, file);
    expect(report.imported).toBe(4);
    expect(report.needsFixing).toEqual([
      expect.objectContaining({ fullName: 'Hà Dung', field: 'birth', code: 'birth-invalid', column: 'Ngày sinh › Năm', value: '1955' }),
    ]);
    const people = db.sqlite.prepare('SELECT full_name AS name, birth, sex, id_number AS id, village FROM beneficiaries ORDER BY id_number').all();
    expect(people).toEqual([
      { name: 'Nguyễn Văn An', birth: '1950-03-12', sex: 'M', id: '038050001111', village: 'Thôn 1' },
      { name: 'Trần Đình Cường', birth: '1960-11-05', sex: 'M', id: '038060003333', village: 'Xóm Đông' },
      { name: 'Lê Thị Bình', birth: '1948', sex: 'F', id: '038148002222', village: 'Xóm Đông' },
      { name: 'Hà Dung', birth: null, sex: 'F', id: '038155004444', village: 'Xóm Đông' },
    ]);
  });
});

describe('a list with the name in three columns', () => {
  it('joins "Họ" | "Chữ đệm" | "Tên" in that order; a person without a middle name keeps two words', async () => {
    const file = path.join(dir, 'ba-cot-ten.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('DS');
    ws.addRow(['STT', 'Họ và tên', null, null, 'Năm sinh', 'Số ĐDCN', 'Tổ dân phố', 'Số tiền']);
    ws.addRow([null, 'Họ', 'Chữ đệm', 'Tên', null, null, null, null]);
    for (const range of ['A1:A2', 'B1:D1', 'E1:E2', 'F1:F2', 'G1:G2', 'H1:H2']) ws.mergeCells(range);
    ws.addRow([1, 'Nguyễn', 'Văn', 'Hùng', 1950, '038050005555', 'Tổ 1', 750000]);
    ws.addRow([2, 'Hà', null, 'Lan', 1948, '038148006666', 'Tổ 2', 750000]);
    await wb.xlsx.writeFile(file);
    const report = await createImportService(db).commit({ userId: null, origin: 'cli' }, file);
    expect(report.imported).toBe(2);
    const names = db.sqlite.prepare("SELECT full_name FROM beneficiaries WHERE id_number IN ('038050005555', '038148006666') ORDER BY id_number").pluck().all();
    expect(names).toEqual(['Nguyễn Văn Hùng', 'Hà Lan']);
  });
});
