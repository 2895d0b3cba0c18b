import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { runCli } from '../../../support/run-cli';
import { tempDir } from '../../../support/temp-database';
import { readPdf } from '../../../support/pdf-text';

// The month through the CLI on a real office's database: `ansinh init` for a commune of Hà Nội (not the demo),
// encrypted, opened with ANSINH_DB_PASSPHRASE; people imported from a district list; the roster created, held
// lines released, approved, locked, exported and the cash settled. Hà Nội's own level (650,000 from 2026) applies.

let dir: string;
let cleanup: () => void;
let db: string;
let env: NodeJS.ProcessEnv;

const cli = (args: string[]) => {
  const r = runCli([...args, '--db', db], env);
  if (r.code !== 0) throw new Error(`ansinh ${args.join(' ')} → ${r.code}: ${r.stderr}`);
  return r.stdout;
};

beforeAll(async () => {
  ({ dir, cleanup } = tempDir());
  db = join(dir, 'ba-dinh.db');
  const made = runCli(['init', '--db', db, '--commune', '00004', '--admin', 'quantri', '--json'], { ANSINH_PASSWORD: 'mat-khau-van-phong' });
  expect(made.stderr).toBe('');
  const out = JSON.parse(made.stdout);
  expect(out).toMatchObject({ unit: { code: '00004', name: 'Phường Ba Đình' }, encrypted: true });
  env = { ANSINH_DB_PASSPHRASE: out.recoveryPassphrase, ANSINH_USER: 'quantri', ANSINH_PASSWORD: 'mat-khau-van-phong' };

  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('DS');
  ws.addRow(['STT', 'Họ và tên', 'Ngày sinh', 'Số CCCD', 'Tổ dân phố', 'Diện đối tượng', 'Số tài khoản', 'Ngân hàng']);
  ws.addRow([1, 'Nguyễn Văn Cả', '02/03/1940', '001040000101', 'Tổ 1', 'Người cao tuổi từ đủ 80 tuổi', '1500205123456', 'Agribank']);
  ws.addRow([2, 'Trần Thị Hai', '05/06/1978', '001178000102', 'Tổ 2', 'Người khuyết tật đặc biệt nặng', null, null]);
  const list = join(dir, 'ds-ba-dinh.xlsx');
  writeFileSync(list, new Uint8Array(await wb.xlsx.writeBuffer()));
  const imported = JSON.parse(cli(['import', list, '--json']));
  expect(imported).toMatchObject({ imported: 2, needsFixing: [] });
}, 120_000);
afterAll(() => cleanup());

describe('the roster through the CLI on an encrypted office database (not the demo)', { timeout: 150_000 }, () => {
  it('creates the month from the local level, holds unverified and unbanked lines, releases them with reasons', () => {
    const roster = JSON.parse(cli(['roster', 'create', '--period', '2026-12', '--json']));
    expect(roster).toMatchObject({ period: '2026-12', status: 'draft', totals: { lines: 0, blocked: 2, cashlessShare: { byCount: null, byAmount: null } } });
    // Nothing can be paid yet: no share is given (it read "100,0%" before).
    expect(cli(['roster', 'show', '--period', '2026-12'])).toContain('Không dùng tiền mặt: chưa có dòng nào đủ điều kiện chi (mục tiêu 100%).');
    const ca = roster.lines.find((l: { fullName: string }) => l.fullName === 'Nguyễn Văn Cả');
    const hai = roster.lines.find((l: { fullName: string }) => l.fullName === 'Trần Thị Hai');
    // Hà Nội's 650,000 × 1 (80 and over, Art. 5(5)(c)); × 2 (especially severe disability, 16–60).
    expect(ca).toMatchObject({ regime: 'btxh-monthly', amount: 650_000, months: 1, channel: 'own-account', blocked: [{ code: 'identity-not-verified' }] });
    expect(hai).toMatchObject({ amount: 1_300_000, channel: 'cash', blocked: [{ code: 'identity-not-verified' }, { code: 'no-usable-account' }] });

    expect(cli(['roster', 'release', '--period', '2026-12', '--all', '--code', 'identity-not-verified', '--reason', 'Đã xem CCCD bản gốc tại bộ phận một cửa']))
      .toContain('Đã giải toả lý do “Chưa xác thực định danh” cho 2 dòng.');
    cli(['roster', 'release', '--period', '2026-12', '--key', hai.key, '--code', 'no-usable-account', '--channel', 'cash', '--reason', 'Không có người được ủy quyền']);

    // Without --json the clerk reads Vietnamese: the status and the channels by their names.
    const shown = cli(['roster', 'show', '--period', '2026-12']);
    expect(shown).toContain('Bảng kê tháng 12/2026 (nháp): 2 dòng chi, 1.950.000');
    expect(shown).toMatch(/Tài khoản chính chủ: 1 dòng, 650\.000/);
    expect(shown).toMatch(/Tiền mặt tại phường: 1 dòng, 1\.300\.000/); // a ward's cash is paid at the ward
    expect(shown).toContain('Không dùng tiền mặt: 50,0% số người, 33,3% số tiền (mục tiêu 100%).');
  });

  it('approves, locks, exports the printable roster as PDF, and records the cash paid at the commune', async () => {
    // Nothing left held: every line goes to the payer.
    expect(JSON.parse(cli(['roster', 'approve', '--period', '2026-12', '--json']))).toEqual({ period: '2026-12', status: 'approved', heldOut: 0 });
    cli(['roster', 'lock', '--period', '2026-12']);
    const pdf = join(dir, 'bang-ke.pdf');
    cli(['roster', 'export', '--period', '2026-12', '--kind', 'printable', '--format', 'pdf', '--out', pdf]);
    const text = readPdf(readFileSync(pdf)).pageTexts.join(' ');
    for (const words of ['Phường Ba Đình', 'Nguyễn Văn Cả', 'Trần Thị Hai', 'TỔNG CỘNG (2 người) 1.950.000', 'Bằng chữ: Một triệu chín trăm năm mươi nghìn đồng.']) {
      expect(text).toContain(words);
    }

    // Agribank's own transfer list (the import resolved the bank's name to its BIN); a bank code that is not a BIN is refused.
    const bank = JSON.parse(cli(['roster', 'export', '--period', '2026-12', '--kind', 'bank', '--bank', '970405', '--out', join(dir, 'agribank.xlsx'), '--json']));
    expect(bank).toMatchObject({ kind: 'bank', bankBin: '970405', format: 'xlsx', count: 1, amount: 650_000 });
    const wrong = runCli(['roster', 'export', '--period', '2026-12', '--kind', 'bank', '--bank', 'Agribank', '--out', join(dir, 'x.xlsx'), '--db', db], env);
    expect(wrong.code).not.toBe(0);
    expect(wrong.stderr).toContain('--bank là mã BIN 6 chữ số của ngân hàng (ví dụ 970405).');

    const day = new Date().toISOString().slice(0, 10).split('-').reverse().join('/');
    const paid = JSON.parse(cli(['roster', 'paid', '--period', '2026-12', '--all-cash', '--paid-on', day, '--json']));
    expect(paid).toEqual({ period: '2026-12', paid: 1, skipped: [] });
  });
});
