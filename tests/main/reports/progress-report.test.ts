import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../../main/app/services';
import { runCommand } from '../../../main/core/write-path';
import { main } from '../../../main/doors/cli/index';
import { verifyField } from '../../../main/identity/verification';
import { beneficiaryTable } from '../../../main/registry/synced-tables';
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
interface Report { period: { code: string; label: string }; unit: { code: string; name: string } | null; communes: { code: string; name: string; figures: Figures }[]; total: Figures; series: { period: string; people: number; verified: number }[] }

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

    const pdf = join(dir, 'tien-do.pdf');
    expect((await cli(['report', 'progress', '--period', month.code, '--format', 'pdf', '--out', pdf])).code).toBe(0);
    const text = readPdf(readFileSync(pdf)).pageTexts.join(' ');
    expect(text).toContain('BÁO CÁO TIẾN ĐỘ AN SINH XÃ HỘI');
    expect(text).toContain(month.label);
    expect(text).toContain('Tổng cộng');
    expect(text).toContain('THỦ TRƯỞNG ĐƠN VỊ');
  });

});
