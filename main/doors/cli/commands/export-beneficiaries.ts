import { resolve } from 'node:path';
import { AppError } from '../../../app/errors';
import type { CliCommand } from '../cli-command';
import { printDownload, saveDownloadTo } from '../save-download';

/** `export.beneficiaries` as the signed-in user (their area); the file is then saved to --out or printed. */
export const exportBeneficiariesCommand: CliCommand = {
  name: 'export beneficiaries',
  summary: 'Xuất danh sách đối tượng (JSON hoặc Excel); việc xuất được ghi nhật ký / Export beneficiaries (logged)',
  usage: 'ansinh export beneficiaries --db PATH --format json|xlsx [--out FILE]',
  options: { format: { type: 'string' }, out: { type: 'string' } },
  needsUser: true,
  async run(ctx) {
    const format = ctx.values.format;
    if (format !== 'json' && format !== 'xlsx') {
      throw new AppError('usage', 'Cần --format json hoặc --format xlsx.', 'Give --format json or --format xlsx.');
    }
    const out = typeof ctx.values.out === 'string' ? ctx.values.out : null;
    if (format === 'xlsx' && !out) throw new AppError('usage', 'Xuất Excel cần --out TỆP.xlsx.', 'xlsx export needs --out FILE.');
    const exported = await ctx.call('export.beneficiaries', { format, unitId: null });
    if (!out) {
      await printDownload(exported.downloadRef, ctx.io);
      return 0;
    }
    saveDownloadTo(exported.downloadRef, resolve(out));
    ctx.print({ file: out, format, count: exported.count }, `Đã xuất ${exported.count} đối tượng ra ${out}`);
    return 0;
  },
};
