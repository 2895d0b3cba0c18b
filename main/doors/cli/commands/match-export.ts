import { resolve } from 'node:path';
import { AppError } from '../../../app/errors';
import type { CliCommand } from '../cli-command';
import { saveDownloadTo } from '../save-download';

/**
 * `ansinh match export --db PATH --out FILE.xlsx [--all] [--reason TEXT] [--json]`: the list for the police with a batch
 * number in its title and a row key per person; prints {"batch","people"}.
 */
export const matchExportCommand: CliCommand = {
  name: 'match export',
  summary: 'Danh sách gửi công an đối chiếu CSDL dân cư, có số đợt và mã dòng / The batch for police matching',
  usage: 'ansinh match export --db PATH --out FILE.xlsx [--all] [--reason "LÝ DO"] [--json]',
  options: { out: { type: 'string' }, all: { type: 'boolean' }, reason: { type: 'string' } },
  needsUser: true,
  async run(ctx) {
    const out = ctx.values.out;
    if (typeof out !== 'string' || !out) throw new AppError('usage', 'Cần --out TỆP.xlsx.', 'Give --out FILE.xlsx.');
    const reason = typeof ctx.values.reason === 'string' && ctx.values.reason.trim() ? ctx.values.reason.trim() : null;
    const exported = await ctx.call('match.export', { selection: ctx.values.all ? 'all' : 'pending', filters: null, unitId: null, reason });
    const file = resolve(out);
    saveDownloadTo(exported.downloadRef, file);
    ctx.print({ batch: exported.batch, people: exported.people }, `Đã xuất đợt ${exported.batch}: ${exported.people} người, ra ${file}` +
      (exported.dataQualityItems ? `\n${exported.dataQualityItems} mục thiếu hoặc sai thông tin được đưa vào hàng đợi sai lệch.` : ''));
    return 0;
  },
};
