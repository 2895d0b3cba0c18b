import path from 'node:path';
import { writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppDatabase } from '../../../main/core/database/open-database';
import { writeMeta } from '../../../main/core/database/meta';
import { runCommand } from '../../../main/core/write-path';
import { createImportService, type ImportService } from '../../../main/excel/import-service';
import { adminUnitTable, beneficiaryTable } from '../../../main/registry/synced-tables';
import { importInput } from '../../../shared/contract/imports';
import { listWorkbook } from '../../support/list-workbook';
import { openTempDatabase, tempDir } from '../../support/temp-database';

// A list without a category column is one category's list (the office keeps one file per category): the clerk
// chooses the category for the whole file. Without a choice the rows are recorded without a category, and the
// preview says how many.

const clerk = { userId: 'clerk-a', origin: 'host' as const };
let db: AppDatabase;
let dir: string;
let cleanup: () => void;
let service: ImportService;

const categoryOf = (name: string) => db.sqlite.prepare('SELECT category_group AS "group", category_label AS label FROM beneficiaries WHERE full_name = ? AND deleted = 0').get(name);

async function list(name: string, rows: (string | number | null)[][]): Promise<string> {
  const file = path.join(dir, name);
  writeFileSync(file, await listWorkbook(rows));
  return file;
}

beforeAll(() => {
  ({ dir, cleanup } = tempDir());
  db = openTempDatabase(dir);
  runCommand(db, { userId: null, origin: 'system' }, 'seed', (w) => {
    writeMeta(db, 'office.unitId', w.insert(adminUnitTable, { code: '10001', effectiveFrom: '2025-07-01', name: 'Xã An Lão', level: 'commune' }));
  });
  const imports = createImportService(db);
  // Small lists: read in this thread (read-whole.ts), the same records as the reader worker gives.
  service = {
    ...imports,
    preview: (file, options = {}) => imports.preview(file, { readInThread: true, ...options }),
    commit: (actor, file, options = {}) => imports.commit(actor, file, { readInThread: true, ...options }),
  };
});

afterAll(() => {
  db.close();
  cleanup();
});

describe('a list without a category column', () => {
  it('is counted as uncategorised by the preview, and recorded so when the clerk chooses nothing', async () => {
    const file = await list('khong-dien.xlsx', [
      [1, 'Vũ Văn Một', 1940, '035040000101', 'Xóm Trại', 500000],
      [2, 'Vũ Thị Hai', 1941, '035141000102', 'Xóm Trại', 500000],
    ]);
    const preview = await service.preview(file);
    expect(preview).toMatchObject({ imported: 2, withoutCategory: 2 });
    expect(preview.sheets[0].mapping).not.toHaveProperty('categoryLabel');
    const report = await service.commit(clerk, file);
    expect(report.withoutCategory).toBe(2);
    expect(categoryOf('Vũ Văn Một')).toEqual({ group: 'OTHER', label: '' });
  });

  it('gives every row the category chosen for the file, and says so in the import\'s summary', async () => {
    const file = await list('cao-tuoi.xlsx', [
      [1, 'Lò Văn Ba', 1930, '035030000103', 'Xóm Trại', 500000],
      [2, 'Lò Thị Bốn', 1931, '035131000104', 'Xóm Trại', 500000],
    ]);
    const category = { group: 'BTXH', label: '  Người cao tuổi  từ 80 tuổi trở lên ' };
    const preview = await service.preview(file, { category });
    expect(preview).toMatchObject({ imported: 2, withoutCategory: 2 });
    const report = await service.commit(clerk, file, { category });
    expect(categoryOf('Lò Văn Ba')).toEqual({ group: 'BTXH', label: 'Người cao tuổi từ 80 tuổi trở lên' });
    expect(categoryOf('Lò Thị Bốn')).toEqual({ group: 'BTXH', label: 'Người cao tuổi từ 80 tuổi trở lên' });
    const summary = JSON.parse(db.sqlite.prepare('SELECT summary FROM commands WHERE id = ?').pluck().get(report.importId) as string);
    expect(summary.category).toEqual({ group: 'BTXH', label: 'Người cao tuổi từ 80 tuổi trở lên' });
  });

  it('names the group when the clerk gives no label', async () => {
    const file = await list('ncc.xlsx', [[1, 'Đào Văn Năm', 1935, '035035000105', 'Xóm Trại', 900000]]);
    await service.commit(clerk, file, { category: { group: 'NCC', label: '' } });
    expect(categoryOf('Đào Văn Năm')).toEqual({ group: 'NCC', label: 'Người có công' });
  });

  it('fills a stored person still without a category, and never replaces a category the register holds', async () => {
    runCommand(db, clerk, 'seed', (w) => {
      w.insert(beneficiaryTable, { unitId: db.sqlite.prepare("SELECT value FROM meta WHERE key = 'office.unitId'").pluck().get(), fullName: 'Mạc Văn Sáu', birth: '1936', idNumber: '035036000106', categoryGroup: 'TNCC', categoryLabel: 'Thân nhân liệt sĩ' });
    });
    const file = await list('lan-hai.xlsx', [
      [1, 'Vũ Văn Một', 1940, '035040000101', 'Xóm Trại', 500000], // uncategorised by the first list
      [2, 'Mạc Văn Sáu', 1936, '035036000106', 'Xóm Trại', null],
    ]);
    const category = { group: 'BTXH', label: 'Người khuyết tật nặng' };
    const preview = await service.preview(file, { category });
    expect(preview).toMatchObject({ imported: 0, withoutCategory: 2 });
    await service.commit(clerk, file, { category });
    expect(categoryOf('Vũ Văn Một')).toEqual({ group: 'BTXH', label: 'Người khuyết tật nặng' });
    expect(categoryOf('Mạc Văn Sáu')).toEqual({ group: 'TNCC', label: 'Thân nhân liệt sĩ' });
  });
});

describe('a list with a category column', () => {
  it('keeps each row\'s own category; only a row with an empty cell takes the file\'s', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('DS');
    ws.addRow(['STT', 'Họ và tên', 'Năm sinh', 'Số CCCD', 'Đối tượng']);
    ws.addRow([1, 'Hồ Văn Bảy', 1942, '035042000107', 'Thương binh']);
    ws.addRow([2, 'Hồ Thị Tám', 1943, '035143000108', null]);
    const file = path.join(dir, 'co-cot-dien.xlsx');
    await wb.xlsx.writeFile(file);
    const category = { group: 'BTXH', label: 'Người đơn thân nghèo' };
    expect(await service.preview(file, { category })).toMatchObject({ imported: 2, withoutCategory: 1 });
    await service.commit(clerk, file, { category });
    expect(categoryOf('Hồ Văn Bảy')).toEqual({ group: 'NCC', label: 'Thương binh' });
    expect(categoryOf('Hồ Thị Tám')).toEqual({ group: 'BTXH', label: 'Người đơn thân nghèo' });
  });
});

describe('a category that is not one of the register\'s', () => {
  it('is refused by the contract and by the service, and nothing is written', async () => {
    const input = { fileRef: '00000000-0000-0000-0000-000000000000', fileName: 'x.xlsx', unitId: null };
    expect(importInput.safeParse({ ...input, category: { group: 'XYZ', label: '' } }).success).toBe(false);
    expect(importInput.safeParse({ ...input, category: { group: 'BTXH', label: 'x'.repeat(201) } }).success).toBe(false);
    expect(importInput.parse(input).category).toBeNull();
    const before = db.sqlite.prepare('SELECT count(*) FROM commands').pluck().get();
    const file = await list('sai-nhom.xlsx', [[1, 'Tạ Văn Chín', 1944, '035044000109', 'Xóm Trại', 500000]]);
    await expect(service.commit(clerk, file, { category: { group: 'XYZ', label: '' } })).rejects.toThrow(/Nhóm đối tượng đã chọn cho tệp không có trong danh mục/);
    expect(db.sqlite.prepare('SELECT count(*) FROM commands').pluck().get()).toBe(before);
    expect(categoryOf('Tạ Văn Chín')).toBeUndefined();
  });
});
