import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { Services } from '../../../main/app/services';
import { takeDownload } from '../../../main/app/downloads';
import type { RosterView } from '../../../shared/contract/payout';
import { demoServices, loginAs } from '../../support/services';
import { tempDir } from '../../support/temp-database';
import { readPdf } from '../../support/pdf-text';
import { readFileSync } from 'node:fs';
import { addPeople } from './payout-fixture';

// Each bank receives the transfer list of its own customers only: one list per bank, not every bank's accounts.

let services: Services;
let cleanup: () => void;
let clerk: Awaited<ReturnType<typeof loginAs>>;

const ok = async <T>(p: Promise<{ ok: boolean; output?: unknown; error?: { message: string } }>): Promise<T> => {
  const r = await p;
  if (!r.ok) throw new Error(r.error!.message);
  return r.output as T;
};
const AGRIBANK = { bin: '970405', name: 'Agribank' };
const VIETCOMBANK = { bin: '970436', name: 'Vietcombank' };

beforeAll(async () => {
  const t = tempDir();
  cleanup = t.cleanup;
  services = demoServices(t.dir, { people: 0 });
  clerk = await loginAs(services, 'canbo', 'canbo123!');
  const leader = await loginAs(services, 'quantri', 'quantri123!');
  const person = (fullName: string, idNumber: string, bank: typeof AGRIBANK) => ({ fullName, village: 'Thôn Bắc', birth: '1940', idNumber,
    categoryGroup: 'BTXH' as const, categoryLabel: 'Người cao tuổi (80 tuổi trở lên)', account: 'self' as const, bank });
  addPeople(services, [person('Nguyễn Văn An', '035040000011', AGRIBANK), person('Lê Thị Bích', '035140000012', VIETCOMBANK),
    person('Trần Văn Cảnh', '035040000013', VIETCOMBANK)]);
  await ok(clerk('payout.create', { period: '2026-12' }));
  await ok(leader('payout.approve', { period: '2026-12' }));
});
afterAll(async () => {
  await services.close();
  cleanup();
});

async function rowsOf(file: string): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const rows: string[][] = [];
  wb.worksheets[0].eachRow((r) => rows.push((r.values as unknown[]).slice(1).map((c) => (c === null || c === undefined ? '' : String(c)))));
  return rows;
}

describe('a transfer list per bank', () => {
  it('the roster names the banks it transfers to, each with its lines and amount', async () => {
    const v = await ok<RosterView>(clerk('payout.get', { period: '2026-12' }));
    expect(v.banks).toEqual([
      { bankBin: '970405', bankName: 'Agribank', lines: 1, amount: 500_000 },
      { bankBin: '970436', bankName: 'Vietcombank', lines: 2, amount: 1_000_000 },
    ]);
  });

  it("one bank's list holds only its customers' accounts, says which bank in its heading, and is named for it", async () => {
    const made = await ok<{ downloadRef: string; fileName: string; count: number; amount: number }>(
      clerk('payout.export', { period: '2026-12', kind: 'bank', format: 'xlsx', bankBin: '970436' }));
    expect({ fileName: made.fileName, count: made.count, amount: made.amount }).toEqual({ fileName: 'DS_chuyen_khoan_970436_2026-12.xlsx', count: 2, amount: 1_000_000 });
    const rows = await rowsOf(takeDownload(made.downloadRef)!);
    const flat = rows.map((r) => r.join('|'));
    expect(flat.some((r) => r.includes('Ngân hàng: Vietcombank (mã 970436)'))).toBe(true);
    expect(flat.some((r) => r.includes('LÊ THỊ BÍCH'))).toBe(true);
    expect(flat.some((r) => r.includes('TRẦN VĂN CẢNH'))).toBe(true);
    expect(flat.some((r) => r.includes('NGUYỄN VĂN AN') || r.includes('970405'))).toBe(false);
    expect(flat.some((r) => r.includes('Bằng chữ: Một triệu đồng.'))).toBe(true);

    const pdf = await ok<{ downloadRef: string; count: number }>(clerk('payout.export', { period: '2026-12', kind: 'bank', format: 'pdf', bankBin: '970405' }));
    expect(pdf.count).toBe(1);
    const text = readPdf(readFileSync(takeDownload(pdf.downloadRef)!)).pageTexts.join(' ');
    expect(text).toContain('NGUYỄN VĂN AN');
    expect(text).not.toContain('970436');
    // Its transaction key and transfer note are printed whole (they were cut with "…"): the key on two lines where
    // one would be too small to read.
    const view = await ok<{ lines: { key: string; bankBin: string | null }[] }>(clerk('payout.get', { period: '2026-12', filter: 'all', limit: 100 }));
    const key = view.lines.find((l) => l.bankBin === '970405')!.key;
    expect(text.replace(/\s+/g, '')).toContain(key);
    expect(text).not.toContain('…');
  });

  it('every bank in one file keeps a section per bank; a bank with no line this month, or a bank for another list, is refused in one line', async () => {
    const all = await ok<{ downloadRef: string; count: number }>(clerk('payout.export', { period: '2026-12', kind: 'bank', format: 'xlsx' }));
    expect(all.count).toBe(3);
    expect(await clerk('payout.export', { period: '2026-12', kind: 'bank', format: 'xlsx', bankBin: '970418' }))
      .toMatchObject({ ok: false, error: { code: 'no-bank-lines', message: 'Tháng 12/2026 không có dòng nào chuyển khoản qua ngân hàng mã 970418.' } });
    expect(await clerk('payout.export', { period: '2026-12', kind: 'post-office', format: 'xlsx', bankBin: '970405' }))
      .toMatchObject({ ok: false, error: { code: 'usage' } });
    expect(await clerk('payout.export', { period: '2026-12', kind: 'bank', format: 'xlsx', bankBin: 'VCB' })).toMatchObject({ ok: false });
  });
});
