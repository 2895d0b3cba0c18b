import { resolve } from 'node:path';
import { AppError } from '../../../app/errors';
import type { CliCommand } from '../cli-command';
import { saveDownloadTo } from '../save-download';

/**
 * `ansinh export consolidated --db PATH --out FILE [--layout per-commune|one-list] [--format xlsx|json]`: the
 * consolidated list of the user's communes (a summary sheet and a sheet per commune, or one list with a commune
 * column; or the canonical JSON with each record's commune). Recorded in the audit trail.
 */
export const exportConsolidatedCommand: CliCommand = {
  name: 'export consolidated',
  summary: 'Danh sách tổng hợp các xã/phường (xlsx theo mẫu, hoặc json) / The consolidated list of the communes',
  usage: 'ansinh export consolidated --db PATH --out FILE.xlsx|FILE.json [--layout per-commune|one-list] [--format xlsx|json] [--json]',
  options: { out: { type: 'string' }, layout: { type: 'string' }, format: { type: 'string' } },
  needsUser: true,
  async run(ctx) {
    const out = ctx.values.out;
    if (typeof out !== 'string' || !out) throw new AppError('usage', 'Cần --out TỆP.xlsx (hoặc TỆP.json).', 'Give --out FILE.');
    const format = typeof ctx.values.format === 'string' ? ctx.values.format : out.toLowerCase().endsWith('.json') ? 'json' : 'xlsx';
    const layout = typeof ctx.values.layout === 'string' ? ctx.values.layout : 'per-commune';
    if (format !== 'xlsx' && format !== 'json') throw new AppError('usage', `--format phải là xlsx hoặc json, không phải “${format}”.`, 'Use --format xlsx or json.');
    if (layout !== 'per-commune' && layout !== 'one-list') throw new AppError('usage', `--layout phải là per-commune (mỗi xã một trang) hoặc one-list (một danh sách có cột xã), không phải “${layout}”.`, 'Use --layout per-commune or one-list.');
    const made = await ctx.call('export.consolidated', { format, layout });
    const file = resolve(out);
    saveDownloadTo(made.downloadRef, file);
    ctx.print({ file, format, layout, count: made.count, communes: made.communes }, `Đã xuất ${made.count} người của ${made.communes} xã/phường ra ${file}`);
    return 0;
  },
};
