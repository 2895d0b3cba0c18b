import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writePopulationMatchingList } from '../../../main/excel/population-matching-list';
import { readWorkbook } from '../../../main/excel/read-workbook';
import { generateExportRecords, HOSTILE_TEXTS } from '../../fixtures/excel/export-records';
import { tempDir } from '../../support/temp-database';
import { expectNoFormula, expectPrintSetup, openWorkbook, rowTexts, rowWith } from './exported-workbook';

const office = { communeName: 'Xã An Lão', provinceName: 'Tỉnh Hà Nam', date: new Date('2026-03-09T02:00:00Z') };
const records = generateExportRecords(150);
records[3] = { ...records[3], problems: [{ field: 'idNumber', code: 'id-sex-mismatch', message: 'Chữ số giới tính trong số CCCD không khớp.' }, { field: 'bankName', code: 'bank-unknown', message: 'Không nhận ra tên ngân hàng.' }] };
let cleanup: () => void;
let file: string;
let ws: ExcelJS.Worksheet;

beforeAll(async () => {
  const t = tempDir();
  cleanup = t.cleanup;
  file = path.join(t.dir, 'doi-chieu.xlsx');
  expect(await writePopulationMatchingList(records, office, file)).toBe(records.length);
  ws = await openWorkbook(file);
});
afterAll(() => cleanup());

describe('the list for matching with the national population database', () => {
  it('has the title, the columns the population office expects and a row per person in the given order', () => {
    expect(ws.getCell('A1').value).toBe('UBND XÃ AN LÃO');
    expect(ws.getCell('A4').value).toBe('DANH SÁCH ĐỐI TƯỢNG ĐỀ NGHỊ ĐỐI CHIẾU VỚI CƠ SỞ DỮ LIỆU QUỐC GIA VỀ DÂN CƯ');
    expect(rowTexts(ws, 7, 9)).toEqual(['STT', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Số định danh cá nhân', 'Số CMND cũ', 'Quê quán', 'Nơi thường trú', 'Ghi chú']);
    expect(rowTexts(ws, 8, 9)).toEqual(Array.from({ length: 9 }, (_, c) => `(${c + 1})`));
    records.forEach((r, i) => {
      const name = r.fullName.startsWith('=') ? `'${r.fullName}` : r.fullName;
      expect(rowTexts(ws, 9 + i, 4)).toEqual([i + 1, name, expect.anything(), r.sex === 'M' ? 'Nam' : 'Nữ']);
    });
  });

  it('keeps ID numbers as text with their leading zeros and writes dates as dd/mm/yyyy', () => {
    for (const [i, r] of records.entries()) {
      const id = ws.getCell(9 + i, 5);
      expect([id.value, id.value === null ? null : id.type, id.numFmt]).toEqual([r.idNumber, r.idNumber === null ? null : ExcelJS.ValueType.String, '@']);
      expect(ws.getCell(9 + i, 6).value).toBe(r.oldIdNumber);
      const birth = ws.getCell(9 + i, 3);
      if (r.birth?.length === 4) expect([birth.value, birth.numFmt]).toEqual([Number(r.birth), '0']);
      else if (r.birth! < '1900') expect(birth.value).toBe(r.birth!.split('-').reverse().join('/'));
      else expect([(birth.value as Date).toISOString().slice(0, 10), birth.numFmt]).toEqual([r.birth, 'dd/mm/yyyy']);
    }
    expect(records.some((r) => r.idNumber?.startsWith('0'))).toBe(true);
  });

  it('notes the identity problems still to check, and only those', () => {
    expect(ws.getCell(9 + 3, 9).value).toBe('Cần kiểm tra: Chữ số giới tính trong số CCCD không khớp.');
    expect(ws.getCell(9 + 4, 9).value).toBeNull();
  });

  it('counts the people, dates and signs the list, prints on A4 landscape, holds no formula', () => {
    const totals = rowWith(ws, 2, `Cộng: ${records.length} người`);
    expect(totals).toBe(9 + records.length);
    expect(rowTexts(ws, totals + 2, 9)).toContain('An Lão, ngày 09 tháng 03 năm 2026');
    expect(rowTexts(ws, totals + 3, 9)).toEqual(expect.arrayContaining(['Người lập biểu', 'TM. ỦY BAN NHÂN DÂN']));
    expectPrintSetup(ws, file, '7:8');
    expectNoFormula(ws, file);
    for (const hostile of HOSTILE_TEXTS) expect(rowWith(ws, 7, `'${hostile}`)).toBeGreaterThan(8);
  });

  it('can be read back by the import: the identity fields come back as written', async () => {
    const reading = await readWorkbook(file);
    expect(reading.needsFixing).toEqual([]);
    expect(reading.records.map((r) => [r.fullName, r.birth, r.sex, r.idNumber, r.oldIdNumber, r.hometown, r.permanentAddress]))
      .toEqual(records.map((r) => [r.fullName, r.birth, r.sex, r.idNumber, r.oldIdNumber, r.hometown, r.permanentAddress]));
  });
});
