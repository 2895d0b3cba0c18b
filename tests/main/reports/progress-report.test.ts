import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../../main/app/services';
import { runCommand } from '../../../main/core/write-path';
import { main } from '../../../main/doors/cli/index';
import { verifyField } from '../../../main/identity/verification';
import { beneficiaryTable } from '../../../main/registry/synced-tables';
import { payoutResultTable } from '../../../main/payout/synced-tables';
import { cashlessShare } from '../../../shared/reports/progress-figures';
import { parsePeriod, periodAt } from '../../../shared/reports/report-period';
import { demoServices, loginAs, okOutput as ok } from '../../support/services';
import { readPdf } from '../../support/pdf-text';
import { takeDownload } from '../../../main/app/downloads';
import { tempDir } from '../../support/temp-database';

// The progress dashboard's figures: per commune and in total, for a week, a month, a quarter; the CLI's JSON is the
// screen's (one report), and its workbook and PDF carry the same figures in the official layout.

let services: Services;
let dir: string;
let cleanup: () => void;
const now = Date.now();
const month = periodAt('month', now);
const week = periodAt('week', now);

interface Figures { people: number; verified: { chip: number; matching: number }; changes: { added: number; stopped: number; deceased: number }; accounts: { own: number; authorised: number; none: number }; categories: Record<string, number> }
interface Paid { count: number; amount: number }
interface Report { period: { code: string; label: string }; unit: { code: string; name: string } | null; communes: { code: string; name: string; figures: Figures }[]; total: Figures & { paidCashless: Paid; paidCash: Paid };
  villages: { commune: string; village: string; paidCashless: Paid; paidCash: Paid }[]; series: { period: string; people: number; verified: number }[] }

beforeAll(() => {
  const t = tempDir();
  dir = t.dir;
  cleanup = t.cleanup;
  services = demoServices(dir, { people: 60 });
}, 120_000);
afterAll(async () => {
  if (services?.db.sqlite.open) await services.close();
  cleanup();
});

describe('the progress report', { timeout: 120_000 }, () => {
  it('counts the register at the period\'s end and what happened during it, per commune and in total', async () => {
    const huyen = await loginAs(services, 'huyen', 'huyen123!');
    const before = ok<Report>(await huyen('reports.progress', { period: month.code }));
    expect(before.unit).toEqual({ code: '13558', name: 'Xã Bình Sơn' });
    expect(before.communes.map((c) => c.name)).toEqual(['Xã Bình Sơn']);
    expect(before.total).toEqual(before.communes[0].figures);
    const t = before.total;
    expect(t.people).toBeGreaterThan(40);
    expect(t.categories.ncc + t.categories.tncc + t.categories.btxh + t.categories.other).toBe(t.people);
    expect(t.accounts.own + t.accounts.authorised + t.accounts.none).toBe(t.people);
    // The demo was written just now: all of it is new this month, and nothing was on the register the month before.
    expect(t.changes.added).toBeGreaterThanOrEqual(t.people);
    expect(before.series.map((s) => s.period)).toHaveLength(6);
    expect(before.series.at(-1)).toMatchObject({ period: month.code, people: t.people });
    expect(before.series[0].people).toBe(0);

    // A card read verifies one person now; another dies today.
    const [a, b] = services.db.sqlite.prepare("SELECT id FROM beneficiaries WHERE deleted = 0 AND status = 'active' ORDER BY id LIMIT 2").pluck().all() as string[];
    const today = new Date(now + 7 * 3600_000).toISOString().slice(0, 10);
    runCommand(services.db, { userId: null, origin: 'system' }, 'card-verification', (w) => {
      verifyField(w, a, 'fullName', { source: 'chip', userId: null });
      w.update(beneficiaryTable, b, { status: 'deceased', statusDate: today });
    });
    const after = ok<Report>(await huyen('reports.progress', { period: week.code }));
    expect(after.total.verified.chip).toBe(t.verified.chip + 1);
    expect(after.total.changes.deceased).toBe(1);
    expect(after.total.people).toBe(t.people - 1);
  });

  it('refuses, in one line, a period that is not one and a period with no data', async () => {
    const huyen = await loginAs(services, 'huyen', 'huyen123!');
    expect(await huyen('reports.progress', { period: '2026-13' })).toMatchObject({ ok: false, error: { code: 'invalid-period' } });
    const old = parsePeriod('2020-W10')!;
    expect(await huyen('reports.progress', { period: old.code })).toMatchObject({ ok: false, error: { code: 'report-no-data', message: expect.stringContaining('chưa có dữ liệu') } });
    // The clinic reception may not read it.
    const yte = await loginAs(services, 'yte', 'yte12345!');
    expect(await yte('reports.progress', { period: month.code })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
  it('writes the weekly, monthly and quarterly reports and the NCC list by group, refusing a period of the wrong kind', async () => {
    const huyen = await loginAs(services, 'huyen', 'huyen123!');
    const quarter = periodAt('quarter', now);
    for (const [report, period, title] of [['weekly', week.code, 'HÀNG TUẦN'], ['monthly', month.code, 'BÁO CÁO THÁNG'], ['quarterly', quarter.code, 'BÁO CÁO QUÝ']] as const) {
      const made = ok<{ fileName: string; downloadRef: string }>(await huyen('reports.exportPeriodic', { report, period, format: 'pdf' }));
      const file = takeDownload(made.downloadRef)!;
      const text = readPdf(readFileSync(file)).pageTexts.join(' ');
      expect(text).toContain(title);
      expect(text).toContain('Tổng cộng');
      expect(text).toContain('THỦ TRƯỞNG ĐƠN VỊ');
    }
    expect(await huyen('reports.exportPeriodic', { report: 'weekly', period: month.code, format: 'pdf' }))
      .toMatchObject({ ok: false, error: { code: 'invalid-period', message: expect.stringContaining('Báo cáo tuần cần kỳ là một tuần, ví dụ 2026-W48') } });

    const b08 = ok<{ fileName: string; downloadRef: string }>(await huyen('reports.exportPeriodic', { report: 'ncc-b08', period: month.code, format: 'xlsx' }));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(takeDownload(b08.downloadRef)!);
    const rows = wb.worksheets[0].getSheetValues().filter(Boolean) as unknown[][];
    const ncc = services.db.sqlite.prepare("SELECT count(*) FROM beneficiaries WHERE deleted = 0 AND category_group IN ('NCC', 'TNCC')").pluck().get() as number;
    expect(rows.some((r) => typeof r[2] === 'string' && /^Tổng cộng: \d+ người$/.test(r[2]))).toBe(true);
    expect(rows.find((r) => typeof r[2] === 'string' && r[2].startsWith('Tổng cộng:'))![2]).toBe(`Tổng cộng: ${ncc} người`);
    expect(rows.some((r) => r[1] === 'I')).toBe(true); // a section per group
  });

  it('gives the cash-less share of what was paid, per commune and per village, against the 100 % target', async () => {
    const huyen = await loginAs(services, 'huyen', 'huyen123!');
    const clerk = await loginAs(services, 'canbo', 'canbo123!');
    const leader = await loginAs(services, 'quantri', 'quantri123!');
    const none = ok<Report>(await huyen('reports.progress', { period: month.code }));
    expect(none.total.paidCash).toEqual({ count: 0, amount: 0 });
    ok(await clerk('payout.create', { period: month.code }));
    ok(await leader('payout.approve', { period: month.code, leaveBlockedOut: true }));
    type Line = { id: string; channel: string; village: string | null; amount: number };
    const lines = services.db.sqlite.prepare('SELECT id, channel, village, amount FROM roster_lines WHERE deleted = 0 AND amount > 0 ORDER BY id').all() as Line[];
    const cashless = lines.filter((l) => l.channel === 'own-account' || l.channel === 'authorised-account').slice(0, 3);
    const cash = lines.filter((l) => l.channel === 'cash' || l.channel === 'post-office').slice(0, 1);
    expect(cashless).toHaveLength(3);
    expect(cash).toHaveLength(1);
    runCommand(services.db, { userId: null, origin: 'system' }, 'fixture-paid', (w) => {
      for (const l of [...cashless, ...cash]) {
        w.insert(payoutResultTable, { lineId: l.id, period: month.code, outcome: 'paid', reason: null, amount: l.amount, source: 'fixture', decision: null });
      }
    });
    const sum = (ls: Line[]) => ls.reduce((s, l) => s + l.amount, 0);
    const report = ok<Report>(await huyen('reports.progress', { period: month.code }));
    expect(report.total.paidCashless).toEqual({ count: 3, amount: sum(cashless) });
    expect(report.total.paidCash).toEqual({ count: 1, amount: sum(cash) });
    expect(cashlessShare(report.total)).toEqual({ byCount: 75, byAmount: Math.round((sum(cashless) / (sum(cashless) + sum(cash))) * 1000) / 10 });
    // Per village, the same payments: every village's figures add up to the commune's.
    const villageOf = (l: Line) => l.village?.trim() || '(không rõ thôn)';
    const want = new Map<string, { cashless: number; cash: number }>();
    for (const l of cashless) want.set(villageOf(l), { cashless: (want.get(villageOf(l))?.cashless ?? 0) + 1, cash: want.get(villageOf(l))?.cash ?? 0 });
    for (const l of cash) want.set(villageOf(l), { cashless: want.get(villageOf(l))?.cashless ?? 0, cash: (want.get(villageOf(l))?.cash ?? 0) + 1 });
    expect(new Map(report.villages.map((v) => [v.village, { cashless: v.paidCashless.count, cash: v.paidCash.count }]))).toEqual(want);
    expect(report.villages.every((v) => v.commune === '13558')).toBe(true);
    // The previous month paid nothing: its share is not 0 %, it is nothing to share.
    expect(cashlessShare(none.total)).toEqual({ byCount: null, byAmount: null });
  });

  it('gives the same figures through `ansinh report progress`, and as a workbook and a PDF in the official layout', async () => {
    const dbPath = join(dir, 'demo.db');
    const env = { ANSINH_USER: 'huyen', ANSINH_PASSWORD: 'huyen123!' };
    const cli = async (args: string[]) => {
      const out: string[] = [];
      const err: string[] = [];
      const code = await main([...args, '--db', dbPath], { stdout: (s) => out.push(s), stderr: (s) => err.push(s), env, promptSecret: null });
      return { code, out: out.join(''), err: err.join('') };
    };
    const huyen = await loginAs(services, 'huyen', 'huyen123!');
    const screen = ok<Report>(await huyen('reports.progress', { period: month.code }));
    // The CLI opens the database itself: the app lets go of it first.
    await services.close();
    const json = await cli(['report', 'progress', '--period', month.code, '--json']);
    expect(json.code, json.err).toBe(0);
    expect(JSON.parse(json.out)).toEqual(screen);

    const xlsx = join(dir, 'tien-do.xlsx');
    expect((await cli(['report', 'progress', '--period', month.code, '--format', 'xlsx', '--out', xlsx])).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    const ws = wb.worksheets[0];
    const texts = ws.getSheetValues().flat().filter((v) => typeof v === 'string') as string[];
    expect(texts).toEqual(expect.arrayContaining(['UBND XÃ BÌNH SƠN', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'BÁO CÁO TIẾN ĐỘ AN SINH XÃ HỘI',
      'Tổng cộng', 'Người lập biểu', 'THỦ TRƯỞNG ĐƠN VỊ']));
    const totalRow = ws.getRow(10).values as unknown[];
    expect(totalRow[2]).toBe('Tổng cộng');
    expect(totalRow[3]).toBe(screen.total.people);

    // The cash-less share per village on a sheet of its own, against the target.
    const villages = wb.getWorksheet('Theo thôn')!;
    const villageTexts = villages.getSheetValues().flat().filter((v) => typeof v === 'string') as string[];
    expect(villageTexts).toEqual(expect.arrayContaining(['TỶ LỆ CHI TRẢ KHÔNG DÙNG TIỀN MẶT THEO THÔN, TỔ DÂN PHỐ', 'Không dùng tiền mặt, % lượt (mục tiêu 100)', ...screen.villages.map((v) => v.village)]));
    const villageTotal = villages.getRow(9 + screen.villages.length).values as unknown[];
    expect(villageTotal.slice(2)).toEqual(['Tổng cộng', '', screen.total.paidCashless.count, screen.total.paidCashless.amount, screen.total.paidCash.count,
      screen.total.paidCash.amount, cashlessShare(screen.total).byCount, cashlessShare(screen.total).byAmount]);

    const pdf = join(dir, 'tien-do.pdf');
    expect((await cli(['report', 'progress', '--period', month.code, '--format', 'pdf', '--out', pdf])).code).toBe(0);
    const text = readPdf(readFileSync(pdf)).pageTexts.join(' ');
    expect(text).toContain('BÁO CÁO TIẾN ĐỘ AN SINH XÃ HỘI');
    expect(text).toContain(month.label);
    expect(text).toContain('Tổng cộng');
    expect(text).toContain('THỦ TRƯỞNG ĐƠN VỊ');
    expect(text).toContain('TỶ LỆ CHI TRẢ KHÔNG DÙNG TIỀN MẶT THEO THÔN, TỔ DÂN PHỐ');
    expect(text).toContain(`${cashlessShare(screen.total).byCount!.toLocaleString('vi-VN', { minimumFractionDigits: 1 })}`);
  });

});
