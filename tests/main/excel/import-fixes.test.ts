import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppDatabase } from '../../../main/core/database/open-database';
import { writeMeta } from '../../../main/core/database/meta';
import { runCommand } from '../../../main/core/write-path';
import { createImportService, type ImportService } from '../../../main/excel/import-service';
import { adminUnitTable, beneficiaryTable, paymentAccountTable } from '../../../main/registry/synced-tables';
import { openTempDatabase, tempDir } from '../../support/temp-database';
import { verifyField } from '../../../main/identity/verification';

// What the first real imports showed, each with a workbook written here by exceljs: headers worded as offices
// word them, the village only in the address or in section rows, account numbers Excel spoiled, and people
// of another commune.

type Cell = ExcelJS.CellValue | { value: ExcelJS.CellValue; numFmt: string };

async function writeList(file: string, rows: Cell[][], merges: string[] = []): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Danh sách');
  ws.addRow(['UỶ BAN NHÂN DÂN XÃ', null, null, 'CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM']);
  ws.addRow(['DANH SÁCH ĐỐI TƯỢNG HƯỞNG TRỢ CẤP XÃ HỘI HÀNG THÁNG']);
  ws.addRow([]);
  for (const cells of rows) {
    const row = ws.addRow(cells.map((c) => (c !== null && typeof c === 'object' && 'numFmt' in c ? c.value : c)));
    cells.forEach((c, i) => { if (c !== null && typeof c === 'object' && 'numFmt' in c) row.getCell(i + 1).numFmt = c.numFmt; });
  }
  for (const m of merges) ws.mergeCells(m);
  await wb.xlsx.writeFile(file);
}

const clerk = { userId: 'clerk-a', origin: 'host' as const };
let db: AppDatabase;
let dir: string;
let cleanup: () => void;
let service: ImportService;
const units: Record<'A' | 'B', string> = { A: '', B: '' };

const person = (where: string) => db.sqlite.prepare(`SELECT b.*, (SELECT count(*) FROM payment_accounts p WHERE p.beneficiary_id = b.id AND p.deleted = 0) AS accounts
  FROM beneficiaries b WHERE ${where} AND b.deleted = 0`).all() as Record<string, unknown>[];

beforeAll(() => {
  const t = tempDir();
  dir = t.dir;
  cleanup = t.cleanup;
  db = openTempDatabase(dir);
  runCommand(db, { userId: null, origin: 'system' }, 'seed', (w) => {
    units.A = w.insert(adminUnitTable, { code: '10001', effectiveFrom: '2025-07-01', name: 'Xã An Lão', level: 'commune' });
    units.B = w.insert(adminUnitTable, { code: '10002', effectiveFrom: '2025-07-01', name: 'Xã Bình Mỹ', level: 'commune' });
    writeMeta(db, 'office.unitId', units.A);
  });
  service = createImportService(db);
});

afterAll(() => {
  db.close();
  cleanup();
});

describe('a list worded as offices word it', () => {
  it('reads abbreviated headers over two rows, the village from the address and from section rows', async () => {
    const file = path.join(dir, 'abbreviated.xlsx');
    await writeList(file, [
      ['STT', 'HỌ VÀ TÊN', 'N.S', 'Dân tộc', 'Số ĐDCN', 'Nơi ĐKTT', 'Mức TC', 'Tài khoản nhận trợ cấp', null],
      [null, null, null, null, null, null, null, 'STK', 'Nơi mở TK'],
      ['1', '2', '3', '4', '5', '6', '7', '8', '9'],
      ['1', 'Nguyễn Văn Tư', 1948, 'Kinh', '035048001234', 'Xóm Trại, Xã An Lão, huyện Bình Lục, tỉnh Hà Nam', 1500000, '0123456789', 'Agribank'],
      ['2', 'Hà Thị Nụ', 1952, 'Tày', '035152004321', 'Thôn 3 Xã An Lão', 1200000, null, null],
      ['I', 'Thôn Đông'],
      ['3', 'Lê Văn Sáu', 1960, 'Kinh', '035060001111', 'Xã An Lão, huyện Bình Lục', 1200000, null, null],
    ], ['A4:A5', 'B4:B5', 'C4:C5', 'D4:D5', 'E4:E5', 'F4:F5', 'G4:G5', 'H4:I4']);
    const preview = await service.preview(file, { fileName: 'DS tro cap T5.xlsx' });
    expect(preview.file).toBe('DS tro cap T5.xlsx');
    const sheet = preview.sheets[0];
    expect(sheet.mapping).toEqual({ rowNumber: 0, fullName: 1, birth: 2, ethnicity: 3, idNumber: 4, permanentAddress: 5, monthlyAmount: 6, accountNumber: 7, bankName: 8 });
    expect(sheet.titles).toEqual(['STT', 'HỌ VÀ TÊN', 'N.S', 'Dân tộc', 'Số ĐDCN', 'Nơi ĐKTT', 'Mức TC', 'Tài khoản nhận trợ cấp › STK', 'Tài khoản nhận trợ cấp › Nơi mở TK']);
    expect(preview.sample.map((r) => [r.fullName, r.village, r.ethnicity])).toEqual([
      ['Nguyễn Văn Tư', 'Xóm Trại', 'Kinh'],
      ['Hà Thị Nụ', 'Thôn 3', 'Tày'],
      ['Lê Văn Sáu', 'Thôn Đông', 'Kinh'],
    ]);
    expect(preview.sample[0]).toMatchObject({ accountNumber: '0123456789', bankName: 'Agribank', bankBin: '970405', monthlyAmount: 1500000 });
    await service.commit(clerk, file);
    expect(person("b.full_name = 'Nguyễn Văn Tư'")[0]).toMatchObject({ village: 'Xóm Trại', ethnicity: 'Kinh', payment_channel: 'bank', accounts: 1 });
  });
});

describe('an account number that lost its digits in Excel', () => {
  const header = ['STT', 'Họ và tên', 'Năm sinh', 'Số CCCD', 'Địa chỉ', 'Số tài khoản', 'Ngân hàng'];

  it('keeps the bank and the bank channel, and asks for the number again', async () => {
    const file = path.join(dir, 'spoiled.xlsx');
    await writeList(file, [
      header,
      [1, 'Trần Văn Một', 1950, '035050000001', 'Thôn Bắc', 1234567890123456, 'Vietcombank'],
      [2, 'Trần Văn Hai', 1951, '035051000002', 'Thôn Bắc', '1,23457E+15', 'Agribank'],
      [3, 'Trần Văn Ba', 1952, '035052000003', 'Thôn Bắc', { value: 123457000000, numFmt: '0.00E+00' }, 'BIDV'],
      [4, 'Trần Văn Bốn', 1953, '035053000004', 'Thôn Bắc', { value: 12345678, numFmt: '0000000000' }, 'Agribank'],
    ]);
    const report = await service.commit(clerk, file);
    expect(report.imported).toBe(4);
    const lost = report.needsFixing.filter((p) => p.code === 'account-digits-lost');
    expect(lost.map((p) => p.row)).toEqual([5, 6, 7]);
    expect(lost[0].message).toContain('cần nhập lại số tài khoản');
    for (const name of ['Trần Văn Một', 'Trần Văn Hai', 'Trần Văn Ba']) {
      const [p] = person(`b.full_name = '${name}'`);
      expect(p).toMatchObject({ payment_channel: 'bank', accounts: 0 });
      expect(JSON.parse(String(p.problems))).toContainEqual(expect.objectContaining({ field: 'accountNumber', code: 'account-digits-lost', bankName: expect.any(String), bankBin: expect.stringMatching(/^97\d{4}$/) }));
    }
    const padded = db.sqlite.prepare("SELECT p.number FROM payment_accounts p JOIN beneficiaries b ON b.id = p.beneficiary_id WHERE b.full_name = 'Trần Văn Bốn'").pluck().get();
    expect(padded).toBe('0012345678');
  });

  it('never drops a stored account or changes the channel of someone already paid by bank', async () => {
    const id = runCommand(db, clerk, 'seed', (w) => {
      const b = w.insert(beneficiaryTable, { unitId: units.A, fullName: 'Phan Văn Năm', birth: '1955', idNumber: '035055000005', categoryGroup: 'BTXH', categoryLabel: '', paymentChannel: 'bank' });
      w.insert(paymentAccountTable, { beneficiaryId: b, kind: 'bank', number: '1234567890123456', bankBin: '970436', bankName: 'Vietcombank', holderName: 'Phan Văn Năm' });
      return b;
    }).result;
    const file = path.join(dir, 'spoiled-again.xlsx');
    await writeList(file, [header, [1, 'Phan Văn Năm', 1955, '035055000005', 'Thôn Bắc', 1234567890123456, 'Vietcombank']]);
    await service.commit(clerk, file);
    const [p] = person(`b.id = '${id}'`);
    expect(p).toMatchObject({ payment_channel: 'bank', accounts: 1 });
    expect(db.sqlite.prepare('SELECT number FROM payment_accounts WHERE beneficiary_id = ?').pluck().get(id)).toBe('1234567890123456');
  });
});

describe('a list that names people of another commune', () => {
  it('reports them, leaves them alone, and shows none of their stored values', async () => {
    const otherId = runCommand(db, { userId: 'clerk-b', origin: 'host' }, 'seed', (w) => {
      const id = w.insert(beneficiaryTable, {
        unitId: units.B, fullName: 'Đinh Thị Sáu', birth: '1940-02-03', idNumber: '035140000006', hometown: 'Quê ở xã Bình Mỹ', permanentAddress: 'Thôn Kín, xã Bình Mỹ',
        categoryGroup: 'NCC', categoryLabel: 'Thân nhân liệt sĩ', monthlyAmount: 2_000_000,
      });
      verifyField(w, id, 'monthlyAmount', { source: 'manual', userId: 'clerk-b' });
      return id;
    }).result;
    const before = person(`b.id = '${otherId}'`)[0];
    const file = path.join(dir, 'other-commune.xlsx');
    await writeList(file, [
      ['STT', 'Họ và tên', 'Ngày sinh', 'CCCD', 'Địa chỉ thường trú', 'Mức trợ cấp'],
      [1, 'Đinh Thị Sáu', '03/02/1940', '035140000006', 'Xóm Mới, xã An Lão', 1_000_000],
      [2, 'Ngô Văn Bảy', '1945', '035045000007', 'Xóm Mới, xã An Lão', 1_000_000],
    ]);
    const preview = await service.preview(file);
    expect(preview).toMatchObject({ imported: 1, updated: 0, unchanged: 0, verifiedDifferences: [] });
    expect(preview.elsewhere).toEqual([{ sheet: 'Danh sách', row: 5, fullName: 'Đinh Thị Sáu', unitName: 'Xã Bình Mỹ', unitId: expect.any(String), message: 'Người này đang có tên ở Xã Bình Mỹ; không nhập, không sửa.' }]);
    const shown = JSON.stringify(preview);
    for (const stored of ['Quê ở xã Bình Mỹ', 'Thôn Kín', '2000000', otherId]) expect(shown).not.toContain(stored);

    const report = await service.commit(clerk, file);
    expect(report.imported).toBe(1);
    expect(report.elsewhere).toHaveLength(1);
    expect(person(`b.id = '${otherId}'`)[0]).toEqual(before);
    expect(person("b.id_number = '035140000006'")).toHaveLength(1);
  });
});
