import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppDatabase } from '../../../main/core/database/open-database';
import { writeMeta } from '../../../main/core/database/meta';
import { runCommand } from '../../../main/core/write-path';
import { writeDistrictList } from '../../../main/excel/district-list';
import { createImportService } from '../../../main/excel/import-service';
import { readWorkbook } from '../../../main/excel/read-workbook';
import { villageFromAddress } from '../../../main/excel/village-from-address';
import { canonicalRecords, type CanonicalRecord } from '../../../main/registry/canonical-records';
import { adminUnitTable } from '../../../main/registry/synced-tables';
import { generateExportRecords, HOSTILE_TEXTS } from '../../fixtures/excel/export-records';
import { openTempDatabase, tempDir } from '../../support/temp-database';
import { expectNoFormula, expectPrintSetup, openWorkbook, rowTexts, rowWith } from './exported-workbook';

const office = { communeName: 'Xã An Lão', provinceName: 'Tỉnh Hà Nam', date: new Date('2026-11-05T20:00:00Z'), preparedBy: 'Nguyễn Thị Hoa', signedBy: 'Trần Văn Bình' };
const records = generateExportRecords(240);
let dir: string;
let cleanup: () => void;
let file: string;
let ws: ExcelJS.Worksheet;

/** The people as the list groups them: no village first, then each village in order of first appearance. */
function listed(rs: CanonicalRecord[]): CanonicalRecord[] {
  const villages = [...new Set(rs.map((r) => r.village ?? ''))].sort((a, b) => (a === '' ? -1 : b === '' ? 1 : 0));
  return villages.flatMap((v) => rs.filter((r) => (r.village ?? '') === v));
}

beforeAll(async () => {
  ({ dir, cleanup } = tempDir());
  file = path.join(dir, 'ds-xa-an-lao.xlsx');
  expect(await writeDistrictList(records, office, file)).toBe(records.length);
  ws = await openWorkbook(file);
});
afterAll(() => cleanup());

/** A list without a village column: a person listed under no village takes it from the address, as the import does for any list. */
const readBack = (r: CanonicalRecord): CanonicalRecord => ({ ...r, village: r.village ?? villageFromAddress(r.permanentAddress) });

describe('the commune list for the district (government layout)', () => {
  it('has the title rows, the two-row header with Nam | Nữ under the birth date, and the column numbers', () => {
    expect(ws.getCell('A1').value).toBe('UBND XÃ AN LÃO');
    expect(rowTexts(ws, 1, 13)).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(rowTexts(ws, 2, 13)).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(ws.getCell('A4').value).toBe('DANH SÁCH ĐỐI TƯỢNG HƯỞNG TRỢ CẤP HÀNG THÁNG');
    expect(ws.getCell('A5').value).toBe('Xã An Lão, Tỉnh Hà Nam');
    expect(rowTexts(ws, 7, 13)).toEqual(['STT', 'Họ và tên', 'Ngày, tháng, năm sinh', 'Ngày, tháng, năm sinh', 'Số CCCD', 'Số CMND cũ', 'Quê quán', 'Địa chỉ thường trú', 'Đối tượng', 'Số tiền trợ cấp/tháng', 'Số tài khoản', 'Ngân hàng', 'Ghi chú']);
    expect(ws.getCell('C8').value).toBe('Nam');
    expect(ws.getCell('D8').value).toBe('Nữ');
    expect(ws.model.merges).toEqual(expect.arrayContaining(['C7:D7', 'A7:A8', 'B7:B8', 'M7:M8', 'A4:M4']));
    expect(rowTexts(ws, 9, 13)).toEqual(Array.from({ length: 13 }, (_, c) => `(${c + 1})`));
  });

  it('writes one section per village, each person under their own, numbered in order', () => {
    const expected = listed(records);
    const villages = [...new Set(expected.map((r) => r.village).filter(Boolean))];
    let r = 10;
    let stt = 0;
    let section = 0;
    let village: string | null = null;
    for (const person of expected) {
      if (person.village !== village) {
        village = person.village;
        expect([r, ws.getCell(r, 1).value, ws.getCell(r, 2).value]).toEqual([r, ['I', 'II', 'III', 'IV'][section++], villages[section - 1]]);
        r++;
      }
      expect([r, ws.getCell(r, 1).value, ws.getCell(r, 2).value]).toEqual([r, ++stt, person.fullName.startsWith('=') ? `'${person.fullName}` : person.fullName]);
      r++;
    }
  });

  it('keeps IDs and account numbers as text with their zeros, births as dates (years as yyyy), amounts with separators', () => {
    const withZero = records.find((p) => p.accountNumber?.startsWith('0'))!;
    const r = rowWith(ws, 11, withZero.accountNumber!);
    expect(ws.getCell(r, 11).type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell(r, 11).numFmt).toBe('@');
    const longAccount = records.find((p) => (p.accountNumber?.length ?? 0) > 15)!;
    expect(ws.getCell(rowWith(ws, 11, longAccount.accountNumber!), 11).type).toBe(ExcelJS.ValueType.String);
    const zeroId = records.find((p) => p.idNumber?.startsWith('00'))!;
    const idRow = rowWith(ws, 5, zeroId.idNumber!);
    expect([ws.getCell(idRow, 5).type, ws.getCell(idRow, 5).numFmt]).toEqual([ExcelJS.ValueType.String, '@']);
    const oldId = records.find((p) => p.oldIdNumber?.startsWith('0'))!;
    expect(ws.getCell(rowWith(ws, 6, oldId.oldIdNumber!), 6).numFmt).toBe('@');

    const dated = records.find((p) => p.birth?.length === 10 && p.birth > '1900' && p.sex === 'F')!;
    const birthCell = ws.getCell(rowWith(ws, 2, dated.fullName), 4);
    expect([birthCell.type, birthCell.numFmt, (birthCell.value as Date).toISOString().slice(0, 10)]).toEqual([ExcelJS.ValueType.Date, 'dd/mm/yyyy', dated.birth]);
    const yearOnly = records.find((p) => p.birth?.length === 4)!;
    const yearCell = ws.getCell(rowWith(ws, 2, yearOnly.fullName), yearOnly.sex === 'M' ? 3 : 4);
    expect([yearCell.value, yearCell.numFmt]).toEqual([Number(yearOnly.birth), '0']);
    const old = records.find((p) => p.birth === '1899-12-31')!;
    expect(ws.getCell(rowWith(ws, 2, old.fullName), old.sex === 'M' ? 3 : 4).value).toBe('31/12/1899');
    const amount = ws.getCell(rowWith(ws, 2, records[0].fullName), 10);
    expect([amount.value, amount.numFmt]).toEqual([records[0].monthlyAmount, '#,##0']);
  });

  it('ends with the totals and the signature block', () => {
    const totals = rowWith(ws, 2, `Cộng: ${records.length} đối tượng`);
    expect(ws.getCell(totals, 10).value).toBe(records.reduce((s, r) => s + (r.monthlyAmount ?? 0), 0));
    expect(ws.getCell(totals, 10).numFmt).toBe('#,##0');
    const dateRow = totals + 2;
    expect(rowTexts(ws, dateRow, 13)).toContain('An Lão, ngày 06 tháng 11 năm 2026');
    expect(ws.getCell(dateRow + 1, 1).value).toBe('Người lập biểu');
    expect(rowTexts(ws, dateRow + 1, 13)).toContain('TM. ỦY BAN NHÂN DÂN');
    expect(rowTexts(ws, dateRow + 2, 13)).toContain('CHỦ TỊCH');
    expect(rowTexts(ws, dateRow + 7, 13)).toEqual(expect.arrayContaining(['Nguyễn Thị Hoa', 'Trần Văn Bình']));
  });

  it('prints on A4 landscape, fitted to the width, header rows repeated', () => {
    expectPrintSetup(ws, file, '7:9');
  });

  it('neutralises text that looks like a formula, and holds no formula', () => {
    expectNoFormula(ws, file);
    for (const hostile of HOSTILE_TEXTS) expect(rowWith(ws, 7, `'${hostile}`)).toBeGreaterThan(9);
  });
});

describe('round trip through the import', () => {
  let db: AppDatabase;
  let dbDir: ReturnType<typeof tempDir>;
  beforeAll(() => {
    dbDir = tempDir();
    db = openTempDatabase(dbDir.dir);
    runCommand(db, { userId: null, origin: 'system' }, 'seed', (w) => writeMeta(db, 'office.unitId', w.insert(adminUnitTable, { code: '13279', effectiveFrom: '2025-07-01', name: 'Xã An Lão', level: 'commune' })));
  });
  afterAll(() => { db.close(); dbDir.cleanup(); });

  it('reads back every canonical field of every person, and nothing from the title, section, totals or signature rows', async () => {
    const reading = await readWorkbook(file);
    expect(reading.needsFixing).toEqual([]);
    expect(reading.sheets[0].rowKinds).toMatchObject({ header: 2, 'column-numbers': 1, section: 4, totals: 1, data: records.length });
    const expected = listed(records).map(readBack);
    expect(reading.records.map(({ source: _s, ...r }) => r)).toEqual(expected);
  });

  it('imports into a register that gives the same canonical records back', async () => {
    const report = await createImportService(db).commit({ userId: null, origin: 'cli' }, file);
    expect(report).toMatchObject({ imported: records.length, needsFixing: [] });
    const byName = (a: CanonicalRecord, b: CanonicalRecord) => (a.fullName + a.birth < b.fullName + b.birth ? -1 : 1);
    expect([...canonicalRecords(db.sqlite, null)].sort(byName)).toEqual(records.map(readBack).sort(byName));
  });

  it('re-importing its own export changes nothing', async () => {
    const report = await createImportService(db).commit({ userId: null, origin: 'cli' }, file);
    expect(report).toMatchObject({ imported: 0, updated: 0, unchanged: records.length });
  });

  it('says in the notes what the layout cannot hold: a birth without a known sex, a sex without a birth', async () => {
    const odd: CanonicalRecord[] = [{ ...records[0], sex: null }, { ...records[1], birth: null }];
    const oddFile = path.join(dbDir.dir, 'odd.xlsx');
    await writeDistrictList(odd, office, oddFile);
    const sheet = await openWorkbook(oddFile);
    const first = rowWith(sheet, 2, odd[0].fullName);
    expect([sheet.getCell(first, 3).value, sheet.getCell(first, 4).value]).toEqual([null, null]);
    expect(sheet.getCell(first, 13).value).toMatch(/^Sinh \d{2}\/\d{2}\/\d{4}|^Sinh \d{4}, chưa rõ giới tính$/);
    expect(sheet.getCell(rowWith(sheet, 2, odd[1].fullName), 13).value).toMatch(/^Giới tính (Nam|Nữ), chưa rõ ngày sinh$/);
  });

  it('keeps a malformed old CMND out of the record and lists the row for fixing', async () => {
    const badFile = path.join(dbDir.dir, 'bad-old-id.xlsx');
    await writeDistrictList([{ ...records[0], oldIdNumber: '12345' }], office, badFile);
    const reading = await readWorkbook(badFile);
    expect(reading.records[0].oldIdNumber).toBeNull();
    expect(reading.needsFixing).toEqual([expect.objectContaining({ field: 'oldIdNumber', code: 'old-id-malformed', row: reading.records[0].source.row })]);
  });
});
