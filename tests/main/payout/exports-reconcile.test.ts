import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Services } from '../../../main/app/services';
import { registerLocalFile } from '../../../main/app/uploads';
import { takeDownload } from '../../../main/app/downloads';
import type { ReconcileReport, RosterView } from '../../../shared/contract/payout';
import { demoServices, loginAs } from '../../support/services';
import { tempDir } from '../../support/temp-database';
import { readPdf } from '../../support/pdf-text';
import { addPeople } from './payout-fixture';

let services: Services;
let dir: string;
let cleanup: () => void;
let clerk: Awaited<ReturnType<typeof loginAs>>;
let leader: Awaited<ReturnType<typeof loginAs>>;

const ok = async <T>(p: Promise<{ ok: boolean; output?: unknown; error?: { message: string } }>): Promise<T> => {
  const r = await p;
  if (!r.ok) throw new Error(r.error!.message);
  return r.output as T;
};

async function exported(kind: string, format: string): Promise<{ file: string; count: number; amount: number }> {
  const r = await ok<{ downloadRef: string; count: number; amount: number }>(clerk('payout.export', { period: '2026-12', kind, format }));
  return { file: takeDownload(r.downloadRef)!, count: r.count, amount: r.amount };
}

beforeAll(async () => {
  const t = tempDir();
  dir = t.dir;
  cleanup = t.cleanup;
  services = demoServices(t.dir, { people: 0 });
  clerk = await loginAs(services, 'canbo', 'canbo123!');
  leader = await loginAs(services, 'quantri', 'quantri123!');
  addPeople(services, [
    { fullName: 'Nguyễn Văn An', village: 'Thôn Bắc', birth: '1940', idNumber: '035040000011', categoryGroup: 'BTXH', categoryLabel: 'Người cao tuổi (80 tuổi trở lên)', account: 'self' },
    { fullName: 'Trần Thị Bình', village: 'Thôn Bắc', birth: '1980', idNumber: '035180000012', categoryGroup: 'BTXH', categoryLabel: 'Người khuyết tật đặc biệt nặng', account: null, permanentAddress: 'Xóm 3, Thôn Bắc, Xã Bình Sơn, Tỉnh Ninh Bình' },
    { fullName: 'Lê Văn Cường', village: 'Thôn Nam', birth: '1950', idNumber: '035050000013', categoryGroup: 'TNCC', categoryLabel: 'Thân nhân liệt sĩ', monthlyAmount: 2_789_000, account: 'authorised' },
    { fullName: 'Phạm Thị Dung', village: 'Thôn Nam', birth: '1945', idNumber: '035145000014', categoryGroup: 'BTXH', categoryLabel: 'Người cao tuổi (80 tuổi trở lên)', account: null },
  ]);
  await ok(clerk('payout.create', { period: '2026-12' }));
  const v = await ok<RosterView>(clerk('payout.get', { period: '2026-12', filter: 'blocked' }));
  const [dung, binh] = [v.lines.find((l) => l.fullName === 'Phạm Thị Dung')!, v.lines.find((l) => l.fullName === 'Trần Thị Bình')!];
  await ok(clerk('payout.release', { period: '2026-12', keys: [dung.key], code: 'no-usable-account', channel: 'cash', reason: 'Nằm liệt giường, không có người được ủy quyền' }));
  await ok(clerk('payout.release', { period: '2026-12', keys: [binh.key], code: 'no-usable-account', channel: 'post-office', reason: 'Chưa mở được tài khoản' }));
});
afterAll(async () => {
  await services.close();
  cleanup();
});

describe('roster exports', () => {
  it('the printable draft roster in PDF embeds DejaVu, prints the lines, subtotals per village, the total in words and the signature block', async () => {
    const { file, count, amount } = await exported('printable', 'pdf');
    expect({ count, amount }).toEqual({ count: 4, amount: 500_000 + 1_000_000 + 2_789_000 + 500_000 });
    const pdf = readPdf(readFileSync(file));
    expect(pdf.embeddedFonts.some((f) => f.endsWith('+DejaVuSans'))).toBe(true);
    const text = pdf.pageTexts.join(' ');
    for (const words of ['DANH SÁCH CHI TRẢ TRỢ CẤP THÁNG 12/2026', 'Xã Bình Sơn, Tỉnh Ninh Bình', 'Nguyễn Văn An', 'Trần Thị Bình', 'Cộng Thôn Bắc 1.500.000',
      'Cộng Thôn Nam 3.289.000', 'TỔNG CỘNG (4 người) 4.789.000', 'Bằng chữ: Bốn triệu bảy trăm tám mươi chín nghìn đồng.', 'Người lập biểu', 'CHỦ TỊCH',
      'Nguyễn Thị Lan', 'DỰ THẢO']) {
      expect(text).toContain(words);
    }
  });

  it('lists for a payer wait for approval; then the transfer list holds only account lines, by bank', async () => {
    expect(await clerk('payout.export', { period: '2026-12', kind: 'bank', format: 'xlsx' })).toMatchObject({ ok: false, error: { code: 'roster-not-approved' } });
    expect(await clerk('payout.approve', { period: '2026-12' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await ok(leader('payout.approve', { period: '2026-12' }));
    const { file, count, amount } = await exported('bank', 'xlsx');
    expect({ count, amount }).toEqual({ count: 2, amount: 500_000 + 2_789_000 });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.worksheets[0];
    const rows: unknown[][] = [];
    ws.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
    const flat = rows.map((r) => r.map((c) => (c === null || c === undefined ? '' : String(c))).join('|'));
    expect(flat.some((r) => r.includes('Kỳ chi trả: tháng 12/2026 — Mã xã: 13558'))).toBe(true);
    const an = rows.find((r) => r.includes('NGUYỄN VĂN AN'))!;
    expect(an).toEqual(expect.arrayContaining([expect.stringMatching(/^2026-12:.+:btxh-monthly$/), '970405', 500_000]));
    // The transfer note in plain letters, ending with the person's reference (banks refuse diacritics in notes).
    const note = an.find((c) => typeof c === 'string' && c.startsWith('TCXH'));
    expect(note).toMatch(/^TCXH hang thang T12\/2026 [0-9A-F]{10}$/);
    expect(flat.some((r) => r.includes('Trần Thị Bình') || r.includes('Phạm Thị Dung'))).toBe(false);
    expect(flat.some((r) => r.includes('Bằng chữ: Ba triệu hai trăm tám mươi chín nghìn đồng.'))).toBe(true);
  });

  it('the post-office list gives each person\'s address, for the money brought home, and a signature column', async () => {
    const { file, count } = await exported('post-office', 'xlsx');
    expect(count).toBe(1);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const rows: unknown[][] = [];
    wb.worksheets[0].eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
    const header = rows.find((r) => r.includes('Địa chỉ'))!;
    expect(header).toEqual(expect.arrayContaining(['Họ và tên', 'Số CCCD', 'Địa chỉ', 'Số tiền (đồng)', 'Ký nhận']));
    const binh = rows.find((r) => r.includes('Trần Thị Bình'))!;
    expect(binh[header.indexOf('Địa chỉ')]).toBe('Xóm 3, Thôn Bắc, Xã Bình Sơn, Tỉnh Ninh Bình');
    expect(binh[header.indexOf('Số tiền (đồng)')]).toBe(1_000_000);
  });

  it('the printable roster in Excel has a signature column left blank for cash lines only', async () => {
    const { file } = await exported('printable', 'xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const rows: unknown[][] = [];
    wb.worksheets[0].eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
    const header = rows.find((r) => r.includes('Ký nhận'))!;
    const sign = header.indexOf('Ký nhận');
    expect(rows.find((r) => r.includes('Phạm Thị Dung'))![sign] ?? null).toBeNull();
    expect(rows.find((r) => r.includes('Nguyễn Văn An'))![sign]).toBe('Chuyển khoản');
  });
});

describe('reconciliation', () => {
  let keyAn = '';
  let keyCuong = '';
  const resultFile = (name: string, rows: (string | number)[][], top = 'Kỳ chi trả: tháng 12/2026 — Mã xã: 13558') => {
    const path = join(dir, name);
    writeFileSync(path, [top, 'Mã giao dịch,Số tài khoản,Số tiền,Kết quả,Lý do', ...rows.map((r) => r.join(','))].join('\n'));
    return path;
  };
  const reconcile = (file: string) => clerk('payout.reconcile', { period: '2026-12', fileRef: registerLocalFile(file), fileName: file.split('/').pop() });

  beforeAll(async () => {
    const v = await ok<RosterView>(clerk('payout.get', { period: '2026-12' }));
    keyAn = v.lines.find((l) => l.fullName === 'Nguyễn Văn An')!.key;
    keyCuong = v.lines.find((l) => l.fullName === 'Lê Văn Cường')!.key;
  });

  it('refuses a file of another period or another commune whole', async () => {
    expect(await reconcile(resultFile('other-period.csv', [[keyAn, '', 500000, 'Thành công', '']], 'Kỳ chi trả: tháng 11/2026 — Mã xã: 13558')))
      .toMatchObject({ ok: false, error: { code: 'result-other-period', message: expect.stringContaining('11/2026') } });
    expect(await reconcile(resultFile('other-commune.csv', [[keyAn, '', 500000, 'Thành công', '']], 'Kỳ chi trả: tháng 12/2026 — Mã xã: 13501')))
      .toMatchObject({ ok: false, error: { code: 'result-other-commune' } });
    expect(services.db.sqlite.prepare('SELECT count(*) FROM payout_results').pluck().get()).toBe(0);
  });

  it('records paid and failed lines, reports what matches nothing or differs, and never pays a line twice', async () => {
    const first = resultFile('ket-qua-1.csv', [
      [keyAn, '', 500000, 'Thành công', ''],
      ['', '1000000000002', 2789000, 'Thất bại', 'Tài khoản đã đóng'],
      ['khong-co', '9999', 100000, 'Thành công', ''],
    ]);
    const report = await ok<ReconcileReport>(reconcile(first));
    expect(report).toMatchObject({ paid: 1, failed: 1, returned: 0, awaiting: 2, problems: [{ row: 5, code: 'unmatched' }] });
    expect(await reconcile(first)).toMatchObject({ ok: false, error: { code: 'result-already-imported' } });
    const again = resultFile('ket-qua-2.csv', [[keyAn, '', 500000, 'Thành công', ''], [keyCuong, '', 2000000, 'Thành công', '']]);
    const second = await ok<ReconcileReport>(reconcile(again));
    expect(second.paid).toBe(0);
    expect(second.problems.map((p) => p.code)).toEqual(['already-paid', 'amount-differs']);
    expect(services.db.sqlite.prepare("SELECT count(*) FROM payout_results WHERE outcome = 'paid'").pluck().get()).toBe(1);

    const v = await ok<RosterView>(clerk('payout.get', { period: '2026-12' }));
    expect(Object.fromEntries(v.lines.map((l) => [l.fullName, l.state]))).toEqual({
      'Nguyễn Văn An': 'paid', 'Trần Thị Bình': 'sent', 'Lê Văn Cường': 'carried-over', 'Phạm Thị Dung': 'sent',
    });
  });

  it('a failed line switched to cash (confirmed) is paid in cash in the next period, with the month it missed', async () => {
    await ok(leader('payout.lock', { period: '2026-12' }));
    await ok(clerk('payout.settle', { period: '2026-12', key: keyCuong, decision: 'cash', reason: 'Tài khoản người ủy quyền đã đóng' }));
    await ok(clerk('payout.create', { period: '2027-01' }));
    const v = await ok<RosterView>(clerk('payout.get', { period: '2027-01' }));
    expect(v.lines.find((l) => l.fullName === 'Lê Văn Cường')).toMatchObject({ channel: 'cash', months: 2, amount: 2 * 2_789_000 });
    expect(v.lines.find((l) => l.fullName === 'Nguyễn Văn An')).toMatchObject({ months: 1, amount: 500_000 });
  });
});
