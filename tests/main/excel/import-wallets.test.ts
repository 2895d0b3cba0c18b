import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppDatabase } from '../../../main/core/database/open-database';
import { writeMeta } from '../../../main/core/database/meta';
import { runCommand } from '../../../main/core/write-path';
import { createImportService, type ImportService } from '../../../main/excel/import-service';
import { adminUnitTable } from '../../../main/registry/synced-tables';
import { openTempDatabase, tempDir } from '../../support/temp-database';

// Lists put Viettel Money, VNPT Money or MoMo in the "Ngân hàng" column, with the phone number as the account.
const actor = { userId: null, origin: 'cli' as const };
let db: AppDatabase;
let dir: string;
let cleanup: () => void;
let service: ImportService;

async function writeList(file: string, rows: (string | number | null)[][]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('DS');
  ws.addRow(['DANH SÁCH CHI TRẢ TRỢ CẤP XÃ HỘI']);
  ws.addRow(['STT', 'Họ và tên', 'Ngày sinh', 'Số CCCD', 'Diện đối tượng', 'Số tài khoản', 'Ngân hàng / Ví']);
  rows.forEach((r, i) => ws.addRow([i + 1, ...r]));
  await wb.xlsx.writeFile(file);
}

const accounts = () => db.sqlite.prepare(`SELECT b.full_name AS name, a.kind, a.number, a.bank_name AS provider, b.payment_channel AS channel
  FROM payment_accounts a JOIN beneficiaries b ON b.id = a.beneficiary_id WHERE a.deleted = 0 ORDER BY b.full_name`).all();

beforeAll(() => {
  ({ dir, cleanup } = tempDir());
  db = openTempDatabase(dir);
  runCommand(db, { userId: null, origin: 'system' }, 'seed', (w) => {
    writeMeta(db, 'office.unitId', w.insert(adminUnitTable, { code: '14878', effectiveFrom: '2025-07-01', name: 'Xã Phú Lệ', level: 'commune' }));
  });
  service = createImportService(db);
});
afterAll(() => { db.close(); cleanup(); });

describe('accounts in e-wallets and mobile money, from a list', () => {
  it('takes the wallet as the account, its number as a phone number, and pays through it', async () => {
    const file = path.join(dir, 'wallets.xlsx');
    await writeList(file, [
      ['Hà Văn Thượng', '12/03/1940', '038040001234', 'Người cao tuổi', '3801205123456', 'Agribank'],
      ['Lò Thị Mai', '1945', '038145002345', 'Người cao tuổi', 971234567, 'Viettel Money'],
      ['Vi Văn Khoa', '2015', '038215003456', 'Trẻ em mồ côi', '091 234 5678', 'Mobile Money'],
      ['Hà Thị Hoà', '05/07/1960', '038160004567', 'Người khuyết tật nặng', '0987654321', 'Ví MoMo'],
      ['Ngân Văn Tuấn', '1958', '038058005678', 'Người khuyết tật nặng', '12345', 'VNPT Money'],
    ]);
    const report = await service.commit(actor, file);
    expect(report.imported).toBe(5);
    expect(report.needsFixing).toEqual([
      expect.objectContaining({ fullName: 'Ngân Văn Tuấn', field: 'accountNumber', code: 'wallet-number-invalid', message: expect.stringMatching(/số điện thoại 10 chữ số/) }),
    ]);
    expect(accounts()).toEqual([
      { name: 'Hà Thị Hoà', kind: 'e-wallet', number: '0987654321', provider: 'Ví MoMo', channel: 'e-wallet' },
      { name: 'Hà Văn Thượng', kind: 'bank', number: '3801205123456', provider: 'Agribank', channel: 'bank' },
      { name: 'Lò Thị Mai', kind: 'mobile-money', number: '0971234567', provider: 'Viettel Money', channel: 'mobile-money' },
      { name: 'Vi Văn Khoa', kind: 'mobile-money', number: '0912345678', provider: 'Mobile Money', channel: 'mobile-money' },
    ]);
  });

  it('an account column headed for mobile money or a wallet, without a bank column, names the provider', async () => {
    const mm = path.join(dir, 'mobile-money.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('DS');
    ws.addRow(['STT', 'Họ và tên', 'Năm sinh', 'Số CCCD', 'Diện đối tượng', 'Số thuê bao Mobile Money']);
    ws.addRow([1, 'Lường Văn Pọm', '1944', '038044006789', 'Người cao tuổi', '0389123456']);
    ws.addRow([2, 'Cầm Thị Ín', '1946', '038146007890', 'Người cao tuổi', 912345670]);
    await wb.xlsx.writeFile(mm);
    const wallet = path.join(dir, 'momo.xlsx');
    const wb2 = new ExcelJS.Workbook();
    const ws2 = wb2.addWorksheet('DS');
    ws2.addRow(['STT', 'Họ và tên', 'Năm sinh', 'Số CCCD', 'Diện đối tượng', 'Số ví MoMo']);
    ws2.addRow([1, 'Vi Thị Hương', '1950', '038150008901', 'Người cao tuổi', '0978123456']);
    await wb2.xlsx.writeFile(wallet);
    for (const f of [mm, wallet]) expect((await service.commit(actor, f)).needsFixing).toEqual([]);
    const got = accounts() as { name: string }[];
    expect(got.filter((a) => ['Lường Văn Pọm', 'Cầm Thị Ín', 'Vi Thị Hương'].includes(a.name))).toEqual([
      { name: 'Cầm Thị Ín', kind: 'mobile-money', number: '0912345670', provider: 'Mobile Money', channel: 'mobile-money' },
      { name: 'Lường Văn Pọm', kind: 'mobile-money', number: '0389123456', provider: 'Mobile Money', channel: 'mobile-money' },
      { name: 'Vi Thị Hương', kind: 'e-wallet', number: '0978123456', provider: 'MoMo', channel: 'e-wallet' },
    ]);
  });

  it('a later list that moves a person from the wallet to a bank changes the account and the channel', async () => {
    const file = path.join(dir, 'to-bank.xlsx');
    await writeList(file, [['Lò Thị Mai', '1945', '038145002345', 'Người cao tuổi', '3801205999999', 'Agribank']]);
    const report = await service.commit(actor, file);
    expect(report.updated).toBe(1);
    expect(accounts()).toContainEqual({ name: 'Lò Thị Mai', kind: 'bank', number: '3801205999999', provider: 'Agribank', channel: 'bank' });
  });
});
