import { resolve } from 'node:path';
import { AppError } from '../../../app/errors';
import { PERIODIC_REPORTS } from '../../../../shared/contract/reports';
import { formatShare } from '../../../../shared/format/money';
import { cashlessShare } from '../../../../shared/reports/progress-figures';
import type { CliCommand } from '../cli-command';
import { saveDownloadTo } from '../save-download';

/**
 * `ansinh report progress --period 2026-W48|2026-11|2026-Q4 --db PATH --format json|xlsx|pdf [--out FILE]`: the
 * dashboard's figures (the JSON holds the same figures as the screen), or its workbook or printable PDF.
 */
export const reportProgressCommand: CliCommand = {
  name: 'report progress',
  summary: 'Báo cáo tiến độ theo tuần/tháng/quý, từng xã và tổng (json, xlsx, pdf) / Progress report per commune and total',
  usage: 'ansinh report progress --period 2026-W48|2026-11|2026-Q4 --db PATH [--format json|xlsx|pdf] [--out FILE]',
  options: { period: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' } },
  needsUser: true,
  async run(ctx) {
    const period = ctx.values.period;
    if (typeof period !== 'string' || !period) throw new AppError('usage', 'Cần --period: 2026-W48 (tuần), 2026-11 (tháng) hoặc 2026-Q4 (quý).', 'Give --period.');
    const format = typeof ctx.values.format === 'string' ? ctx.values.format : ctx.values.out ? String(ctx.values.out).split('.').pop() : 'json';
    if (format !== 'json' && format !== 'xlsx' && format !== 'pdf') throw new AppError('usage', `--format phải là json, xlsx hoặc pdf, không phải “${format}”.`, 'Use --format json, xlsx or pdf.');
    if (format === 'json') {
      const report = await ctx.call('reports.progress', { period });
      const t = report.total;
      ctx.print(report, [
        `Báo cáo tiến độ ${report.period.label}${report.unit ? ` – ${report.unit.name}` : ''}: ${report.communes.length} xã/phường.`,
        `${t.people} đối tượng; xác thực: ${t.verified.chip} qua chip, ${t.verified.matching} qua đối chiếu; sai lệch còn mở ${t.mismatches.open}, đã xử lý ${t.mismatches.resolved}.`,
        `Tài khoản: ${t.accounts.own} chính chủ, ${t.accounts.authorised} ủy quyền, ${t.accounts.none} chưa có; chi qua tài khoản ${t.paidCashless.count} lượt, ${t.paidCashless.amount.toLocaleString('vi-VN')} đồng.`,
        cashlessLine(t),
        `Mới ${t.changes.added}, thôi hưởng ${t.changes.stopped}, từ trần ${t.changes.deceased}.`,
      ].join('\n'));
      return 0;
    }
    const exported = await ctx.call('reports.exportProgress', { period, format });
    const file = resolve(typeof ctx.values.out === 'string' && ctx.values.out ? ctx.values.out : exported.fileName);
    saveDownloadTo(exported.downloadRef, file);
    ctx.print({ period, format, file }, `Đã lập ${file}`);
    return 0;
  },
};

const PERIODIC_SUMMARY: Record<(typeof PERIODIC_REPORTS)[number], string> = {
  weekly: 'Báo cáo kết quả cập nhật dữ liệu hàng tuần (xlsx, pdf) / The weekly data-entry report',
  monthly: 'Báo cáo tháng (xlsx, pdf) / The monthly report',
  quarterly: 'Báo cáo quý (xlsx, pdf) / The quarterly report',
  'ncc-b08': 'Danh sách người có công theo nhóm, mẫu B08/QT-LĐTBXH (xlsx, pdf; ghi nhật ký) / NCC list by group',
};

/** `ansinh report weekly|monthly|quarterly|ncc-b08 --period P --format xlsx|pdf --out FILE`. */
export const periodicReportCommands: CliCommand[] = PERIODIC_REPORTS.map((report) => ({
  name: `report ${report}`,
  summary: PERIODIC_SUMMARY[report],
  usage: `ansinh report ${report} --period ${report === 'weekly' ? '2026-W48' : report === 'quarterly' ? '2026-Q4' : '2026-11'} --db PATH --out FILE.xlsx|FILE.pdf [--format xlsx|pdf]`,
  options: { period: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' } },
  needsUser: true,
  async run(ctx) {
    const period = ctx.values.period;
    if (typeof period !== 'string' || !period) throw new AppError('usage', 'Cần --period (2026-W48, 2026-11 hoặc 2026-Q4).', 'Give --period.');
    const out = typeof ctx.values.out === 'string' ? ctx.values.out : '';
    const format = typeof ctx.values.format === 'string' ? ctx.values.format : out.toLowerCase().endsWith('.pdf') ? 'pdf' : 'xlsx';
    if (format !== 'xlsx' && format !== 'pdf') throw new AppError('usage', `--format phải là xlsx hoặc pdf, không phải “${format}”.`, 'Use --format xlsx or pdf.');
    const made = await ctx.call('reports.exportPeriodic', { report, period, format });
    const file = resolve(out || made.fileName);
    saveDownloadTo(made.downloadRef, file);
    ctx.print({ report, period, format, file }, `Đã lập ${file}`);
    return 0;
  },
}));

/** The cash-less share of the period's payments, against the 100 % target. */
function cashlessLine(t: { paidCashless: { count: number; amount: number }; paidCash: { count: number; amount: number } }): string {
  const share = cashlessShare(t);
  if (share.byCount === null) return 'Chưa chi lượt nào trong kỳ.';
  const pc = (v: number | null) => formatShare((v ?? 0) / 100);
  return `Chi không dùng tiền mặt: ${pc(share.byCount)} số lượt, ${pc(share.byAmount)} số tiền (mục tiêu 100%); ${t.paidCash.count} lượt chi tiền mặt.`;
}
