import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeUnbankedList } from '../../../main/excel/unbanked-list';
import { generateExportRecords } from '../../fixtures/excel/export-records';
import { tempDir } from '../../support/temp-database';
import { expectNoFormula, expectPrintSetup, openWorkbook, rowTexts, rowWith } from './exported-workbook';

const office = { communeName: 'Xã An Lão', provinceName: null, date: new Date('2026-12-31T17:30:00Z') };
const records = generateExportRecords(200);
const unbanked = records.filter((r) => !r.accountNumber);
let cleanup: () => void;
let file: string;
let ws: ExcelJS.Worksheet;

beforeAll(async () => {
  const t = tempDir();
  cleanup = t.cleanup;
  file = path.join(t.dir, 'chua-co-tai-khoan.xlsx');
  expect(await writeUnbankedList(records, office, file)).toBe(unbanked.length);
  ws = await openWorkbook(file);
});
afterAll(() => cleanup());

describe('the list of people without an account, for the bank', () => {
  it('lists exactly the people without an account number, with the bank\'s columns', () => {
    expect(unbanked.length).toBeGreaterThan(20);
    expect(unbanked.length).toBeLessThan(records.length);
    expect(ws.getCell('A5').value).toBe('Xã An Lão');
    expect(rowTexts(ws, 7, 8)).toEqual(['STT', 'Họ và tên', 'Ngày sinh', 'Số định danh', 'Nơi thường trú', 'Đối tượng', 'Mức hưởng', 'Ghi chú']);
    unbanked.forEach((r, i) => {
      const row = 9 + i;
      expect(ws.getCell(row, 1).value).toBe(i + 1);
      expect(ws.getCell(row, 2).value).toBe(r.fullName.startsWith('=') ? `'${r.fullName}` : r.fullName);
      const id = ws.getCell(row, 4);
      expect([id.value, id.numFmt]).toEqual([r.idNumber ?? r.oldIdNumber, '@']);
      if (id.value !== null) expect(id.type).toBe(ExcelJS.ValueType.String);
      expect(ws.getCell(row, 6).value).toBe(r.categoryLabel);
      const amount = ws.getCell(row, 7);
      if (r.monthlyAmount === null) expect(amount.value).toBeNull();
      else expect([amount.value, amount.numFmt]).toEqual([r.monthlyAmount, '#,##0']);
      expect(ws.getCell(row, 8).value).toBe(!r.idNumber && r.oldIdNumber ? 'Số CMND cũ (chưa có CCCD)' : null);
    });
  });

  it('totals the people and the monthly amounts, and is dated in Vietnam time', () => {
    const totals = rowWith(ws, 2, `Cộng: ${unbanked.length} người`);
    expect(totals).toBe(9 + unbanked.length);
    expect([ws.getCell(totals, 7).value, ws.getCell(totals, 7).numFmt]).toEqual([unbanked.reduce((s, r) => s + (r.monthlyAmount ?? 0), 0), '#,##0']);
    expect(rowTexts(ws, totals + 2, 8)).toContain('An Lão, ngày 01 tháng 01 năm 2027');
  });

  it('prints on A4 landscape with repeated headers and holds no formula', () => {
    expectPrintSetup(ws, file, '7:8');
    expectNoFormula(ws, file);
  });
});
