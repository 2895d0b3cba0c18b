import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CanonicalRecord } from '../../../main/excel/canonical-record';
import { readWorkbook, type WorkbookReading } from '../../../main/excel/read-workbook';
import { writeCommuneCsv } from '../../fixtures/excel/commune-csv';
import { writeCommuneXls } from '../../fixtures/excel/commune-xls';
import { writeGovernmentWorkbook, type ExpectedImport } from '../../fixtures/excel/government-xlsx';
import { differencesFromTruth, type TruthRecord } from './truth-comparison';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const samples = path.resolve(repoRoot, '../shared/samples');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'ansinh-excel-'));

/** Every data row is a record or a needs-fixing row; no other row is either. */
function expectNothingLost(reading: WorkbookReading): void {
  const dataRows = reading.sheets.reduce((s, sh) => s + sh.dataRows, 0);
  const rows = new Set([...reading.records.map((r) => `${r.source.sheet}:${r.source.row}`), ...reading.needsFixing.map((p) => `${p.sheet}:${p.row}`)]);
  expect(rows.size).toBe(dataRows);
}

function truthOf(expected: ExpectedImport['records']): TruthRecord[] {
  return expected.map((p) => ({
    fullName: p.fullName, birth: p.birth, sex: p.sex,
    idNumber: p.idRejected ? null : p.idNumber, oldIdNumber: p.oldIdNumber,
    hometown: p.hometown, permanentAddress: p.permanentAddress,
    categoryGroup: p.categoryGroup, categoryLabel: p.categoryLabel, monthlyAmount: p.monthlyAmount,
    accountNumber: p.accountCorrupted ? null : p.accountNumber, bankName: p.bankName, bankBin: p.bankBin,
    ...(p.accountCorrupted ? { accountNumberCorrupted: 'x' } : {}),
    ...(p.idRejected ? { idNumberRejected: 'x' } : {}),
  }));
}

describe.runIf(existsSync(samples))('the sample workbooks offices made', () => {
  for (const [file, truthFile] of [['ds-ncc-an-lao.xlsx', 'ds-ncc-an-lao.truth.json'], ['ds-btxh-an-lao.xls', 'ds-btxh-an-lao.truth.json']]) {
    it(`recovers every field of every record of ${file}`, async () => {
      const reading = await readWorkbook(path.join(samples, file));
      const truth = JSON.parse(readFileSync(path.join(samples, truthFile), 'utf8')) as TruthRecord[];
      expect(differencesFromTruth(reading.records, truth)).toEqual([]);
      expectNothingLost(reading);
      for (const t of truth.filter((x) => x.accountNumberCorrupted || x.idNumberRejected)) {
        const field = t.accountNumberCorrupted ? 'accountNumber' : 'idNumber';
        const record = reading.records.find((r) => r.fullName.toLowerCase() === t.fullName.toLowerCase())!;
        expect(reading.needsFixing.some((p) => p.row === record.source.row && p.field === field)).toBe(true);
      }
    });
  }
});

describe('a generated district list in TCVN3 with a two-row header, sections, totals and signature', () => {
  let expected: ExpectedImport;
  let reading: WorkbookReading;
  beforeAll(async () => {
    const file = path.join(tmp, 'tcvn3.xlsx');
    expected = await writeGovernmentWorkbook(file, { rows: 300, text: 'tcvn3' });
    reading = await readWorkbook(file);
  });

  it('recovers every field of every record', () => {
    expect(differencesFromTruth(reading.records, truthOf(expected.records))).toEqual([]);
  });

  it('reads the village from the section rows and the sex from the Nam/Nữ column', () => {
    expect(new Set(reading.records.map((r) => r.village))).toEqual(new Set(['Thôn Đông', 'Xóm Trại', 'Thôn Ngọc Lũ', 'Xóm Chùa']));
    expect(reading.sheets[0].mapping).toMatchObject({ birthMale: 2, birthFemale: 3, fullName: 1 });
    expect(reading.sheets[0].rowKinds).toMatchObject({ 'column-numbers': 1, totals: 1, header: 2, section: 12 });
  });

  it('keeps every data row: nameless rows are listed as needing a fix, never as records', () => {
    expect(reading.sheets[0].dataRows).toBe(expected.dataRows);
    expectNothingLost(reading);
    for (const row of expected.namelessRows) {
      expect(reading.needsFixing).toContainEqual(expect.objectContaining({ row, field: 'fullName', code: 'name-missing' }));
      expect(reading.records.some((r) => r.source.row === row)).toBe(false);
    }
  });

  it('reports only the planted problems', () => {
    const planted = expected.records.filter((p) => p.accountCorrupted || p.idRejected).length;
    expect(reading.records.filter((r) => r.problems.length > 0)).toHaveLength(planted);
    expect(reading.needsFixing.every((p) => p.message.length > 10 && !/\d{9,}/.test(p.message))).toBe(true);
  });
});

describe('other encodings and formats', () => {
  it('reads a VNI workbook', async () => {
    const file = path.join(tmp, 'vni.xlsx');
    const expected = await writeGovernmentWorkbook(file, { rows: 120, text: 'vni', seed: 3 });
    const reading = await readWorkbook(file);
    expect(differencesFromTruth(reading.records, truthOf(expected.records))).toEqual([]);
  });

  it('reads an Excel 97-2003 file with Unicode, NFD, VNI and Ð mixed in one column', async () => {
    const file = path.join(tmp, 'commune.xls');
    const expected = writeCommuneXls(file, 90);
    const reading = await readWorkbook(file);
    expect(reading.format).toBe('xls');
    const truth = truthOf(expected.records.map((p) => ({ ...p, hometown: null as unknown as string, accountCorrupted: false })));
    expect(differencesFromTruth(reading.records, truth)).toEqual([]);
    expectNothingLost(reading);
    expect(reading.sheets[0].rowKinds.totals).toBe(1);
  });

  for (const encoding of ['utf-8', 'windows-1258', 'utf-16le'] as const) {
    it(`reads a ${encoding} CSV`, async () => {
      const file = path.join(tmp, `list-${encoding}.csv`);
      const expected = writeCommuneCsv(file, 60, encoding);
      const reading = await readWorkbook(file);
      expect(reading.format).toBe('csv');
      const got = reading.records.map((r: CanonicalRecord) => [r.fullName, r.birth, r.sex, r.idNumber ?? r.oldIdNumber, r.village, r.monthlyAmount, r.accountNumber, r.bankBin]);
      const want = expected.map((p) => [p.fullName, p.birth, p.sex, p.idNumber ?? p.oldIdNumber, p.village, p.monthlyAmount, p.accountNumber, p.bankBin]);
      expect(got).toEqual(want);
    });
  }
});

describe('a signature block laid out in the list\'s own columns', () => {
  it('is no person, even with a title or a dated place under the amount and the account columns', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Thôn Tây');
    ws.addRow(['TT', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Số CCCD', 'Mức trợ cấp (đồng)', 'Số tài khoản', 'Ngân hàng']);
    ws.addRow([1, 'Đỗ Văn Hùng', '03/11/1939', 'Nam', '048039001003', '1.500.000', '0123456789012', 'Agribank']);
    ws.addRow([2, 'Lưu Thị Thu', '7/2/1941', 'Nữ', '048141001004', '1 500 000', '', '']);
    ws.addRow(['', 'Tổng cộng', '', '', '', '3.000.000', '', '']);
    ws.addRow(['', '', '', '', '', 'Hải Châu, ngày 04 tháng 12 năm 2026', '', '']);
    ws.addRow(['', 'Người lập biểu', '', '', '', 'TM. ỦY BAN NHÂN DÂN', '', '']);
    ws.addRow(['', '(Ký, ghi rõ họ tên)', '', '', '', 'Chủ tịch', '', '']);
    ws.addRow(['', 'Nguyễn Văn Lập', '', '', '', 'Trần Thị Chủ', '', '']);
    const file = path.join(tmp, 'signature-in-columns.xlsx');
    await wb.xlsx.writeFile(file);
    const reading = await readWorkbook(file);
    expect(reading.records.map((r) => r.fullName)).toEqual(['Đỗ Văn Hùng', 'Lưu Thị Thu']);
    expect(reading.needsFixing).toEqual([]);
  });
});

/** A one-sheet .xlsx of these rows (titles, header, people), with these ranges merged, read back. */
async function readRows(name: string, rows: unknown[][], merges: string[] = []): Promise<WorkbookReading> {
  const ExcelJS = (await import('exceljs')).default;
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('DS');
  for (const r of rows) ws.addRow(r);
  for (const m of merges) ws.mergeCells(m);
  const file = path.join(tmp, name);
  await wb.xlsx.writeFile(file);
  return readWorkbook(file);
}

describe('an ID column that holds labels or both of a person\'s numbers', () => {
  it('reads each number into its place, and leaves a cell with other words for a person', async () => {
    const reading = await readRows('two-ids-one-cell.xlsx', [
      ['STT', 'Họ và tên', 'Năm sinh', 'Số CCCD/CMND', 'Thôn', 'Mức hưởng'],
      [1, 'Nguyễn Văn Hùng', 1950, 'CCCD: 048050001234; CMND: 201234567', 'Tổ 1', 750000],
      [2, 'Trần Thị Mai', 1948, '048148005678 (CMND cũ 201111222)', 'Tổ 2', 1080000],
      [3, 'Lê Văn Tám', 1939, '201333444 / 048039009999', 'Tổ 3', 540000],
      [4, 'Phạm Thị Hoa', 1945, 'CCCD 048145001111 (đã báo mất)', 'Tổ 3', 540000],
    ]);
    expect(reading.records.map((r) => [r.fullName, r.idNumber, r.oldIdNumber])).toEqual([
      ['Nguyễn Văn Hùng', '048050001234', '201234567'], ['Trần Thị Mai', '048148005678', '201111222'], ['Lê Văn Tám', '048039009999', '201333444'],
      ['Phạm Thị Hoa', null, null],
    ]);
    expect(reading.needsFixing.map((p) => [p.fullName, p.code])).toEqual([['Phạm Thị Hoa', 'id-malformed']]);
  });
});

describe('a list that counts its money in thousands', () => {
  const list = (name: string, banner: string | null, amountHeading: string) => readRows(name, [
    ['DANH SÁCH CHI TRẢ TRỢ CẤP XÃ HỘI THÁNG 12/2026'],
    ...(banner ? [['', '', '', '', '', banner]] : []),
    ['STT', 'Mã đối tượng', 'Họ và tên', 'Năm sinh', 'Số CCCD', amountHeading],
    [1, 'BT-0012', 'Nguyễn Văn Hùng', 1950, '048050001234', 750],
    [2, 'BT-0013', 'Trần Thị Mai', 1948, '048148005678', '1.080'],
    [3, 'BT-0014', 'Lê Văn Tám', 1939, '048039009999', 540_000],
  ]);

  it('says so above the table ("ĐVT: 1.000 đồng") or in the amount heading, and is read in đồng', async () => {
    for (const reading of [await list('dvt.xlsx', 'ĐVT: 1.000 đồng', 'Mức trợ cấp'), await list('nghin.xlsx', null, 'Mức trợ cấp (nghìn đồng)')]) {
      // A row already in đồng is not multiplied again; the subject's code is not its category.
      expect(reading.records.map((r) => [r.fullName, r.monthlyAmount, r.categoryLabel])).toEqual([
        ['Nguyễn Văn Hùng', 750_000, null], ['Trần Thị Mai', 1_080_000, null], ['Lê Văn Tám', 540_000, null]]);
    }
    const plain = await list('dong.xlsx', 'ĐVT: đồng', 'Mức trợ cấp');
    expect(plain.records.map((r) => r.monthlyAmount)).toEqual([750, 1080, 540_000]);
  });
});

describe('a village or category merged down over its people', () => {
  const rows = [
    [1, 'Thôn Đông', 'Nguyễn Văn Hùng', 1940, '048040001234', 'Người cao tuổi từ đủ 80 tuổi trở lên', 750000],
    [2, null, 'Trần Thị Mai', 1938, '048138005678', null, null],
    [3, 'Thôn Tây', 'Lê Văn Tám', 1979, '048079009999', 'Người khuyết tật nặng', 1080000],
    [4, null, 'Phạm Thị Hoa', 1945, '048145001111', null, 540000],
    [5, null, 'Đỗ Văn Nam', 1946, '048046001111', 'Người cao tuổi từ đủ 80 tuổi trở lên', 750000],
  ];
  const header = ['STT', 'Thôn', 'Họ và tên', 'Năm sinh', 'Số CCCD', 'Diện hưởng', 'Mức trợ cấp'];
  // Thôn Đông over rows 2–3, Thôn Tây over 4–6, a category over 2–3, and one amount merged over a couple (rows 2–3).
  const merges = ['B2:B3', 'B4:B6', 'F2:F3', 'G2:G3'];
  const expected = [
    ['Nguyễn Văn Hùng', 'Thôn Đông', 'Người cao tuổi từ đủ 80 tuổi trở lên', 750_000],
    ['Trần Thị Mai', 'Thôn Đông', 'Người cao tuổi từ đủ 80 tuổi trở lên', null],
    ['Lê Văn Tám', 'Thôn Tây', 'Người khuyết tật nặng', 1_080_000],
    ['Phạm Thị Hoa', 'Thôn Tây', null, 540_000],
    ['Đỗ Văn Nam', 'Thôn Tây', 'Người cao tuổi từ đủ 80 tuổi trở lên', 750_000],
  ];
  const facts = (reading: WorkbookReading) => reading.records.map((r) => [r.fullName, r.village, r.categoryLabel, r.monthlyAmount]);

  it('belongs to each of them in an .xlsx; an amount merged over two people is not paid twice', async () => {
    expect(facts(await readRows('merged-down.xlsx', [header, ...rows], merges))).toEqual(expected);
  });

  it('and in an Excel 97-2003 file', async () => {
    const XLSX = await import('@e965/xlsx');
    const ws = XLSX.utils.aoa_to_sheet([header, ...rows]);
    ws['!merges'] = merges.map((m) => XLSX.utils.decode_range(m));
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, ws, 'DS');
    const file = path.join(tmp, 'merged-down.xls');
    writeFileSync(file, XLSX.write(wb, { bookType: 'biff8', type: 'buffer' }) as Buffer);
    expect(facts(await readWorkbook(file))).toEqual(expected);
  });
});

describe('"Ngày sinh" beside "Năm sinh"', () => {
  it('takes the date where there is one and the year where the date is empty; a wrong date beside a year keeps the year, and says so', async () => {
    const reading = await readRows('date-and-year.xlsx', [
      ['STT', 'Họ và tên', 'Ngày sinh', 'Năm sinh', 'Số CCCD', 'Mức trợ cấp'],
      [1, 'Nguyễn Văn Hùng', '12/03/1950', 1950, '048050001234', 750000],
      [2, 'Trần Thị Mai', null, 1948, '048148005678', 1080000],
      [3, 'Lê Văn Tám', '31/02/1939', 1939, '048039009999', 540000],
    ]);
    expect(reading.records.map((r) => [r.fullName, r.birth])).toEqual([['Nguyễn Văn Hùng', '1950-03-12'], ['Trần Thị Mai', '1948'], ['Lê Văn Tám', '1939']]);
    expect(reading.records[2].problems).toEqual([expect.objectContaining({ field: 'birth', code: 'birth-date-unread-year-kept', value: '31/02/1939' })]);
    expect(reading.needsFixing).toEqual([]);
  });
});

describe('a sheet hidden in the workbook', () => {
  const sheets = [['T12', 'Nguyễn Văn Hùng', '048050001234'], ['T11 (cũ)', 'Người Đã Mất', '048030001234']] as const;
  const header = ['STT', 'Họ và tên', 'Năm sinh', 'Số CCCD', 'Mức trợ cấp'];

  it('(an old month, a template) is not imported, and is named in the summary as left', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    for (const [name, person, id] of sheets) {
      const ws = wb.addWorksheet(name, name.includes('cũ') ? { state: 'hidden' } : {});
      ws.addRow(header);
      ws.addRow([1, person, 1950, id, 750000]);
    }
    const file = path.join(tmp, 'hidden-sheet.xlsx');
    await wb.xlsx.writeFile(file);
    const reading = await readWorkbook(file);
    expect(reading.records.map((r) => r.fullName)).toEqual(['Nguyễn Văn Hùng']);
    expect(reading.sheets.map((s) => [s.name, s.hidden])).toEqual([['T12', false], ['T11 (cũ)', true]]);
  });

  it('nor in an Excel 97-2003 file', async () => {
    const XLSX = await import('@e965/xlsx');
    const wb = XLSX.utils.book_new();
    for (const [name, person, id] of sheets) XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([header, [1, person, 1950, id, 750000]]), name);
    wb.Workbook = { Sheets: [{ Hidden: 0 }, { Hidden: 1 }] };
    const file = path.join(tmp, 'hidden-sheet.xls');
    writeFileSync(file, XLSX.write(wb, { bookType: 'biff8', type: 'buffer' }) as Buffer);
    const reading = await readWorkbook(file);
    expect(reading.records.map((r) => r.fullName)).toEqual(['Nguyễn Văn Hùng']);
  });
});
