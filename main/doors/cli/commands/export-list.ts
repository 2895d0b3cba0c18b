import { resolve } from 'node:path';
import { AppError } from '../../../app/errors';
import { EXPORT_LIST_KINDS, type ExportListKind } from '../../../../shared/contract/exports';
import type { CliCommand } from '../cli-command';
import { saveDownloadTo } from '../save-download';

const SUMMARY: Record<ExportListKind, string> = {
  'population-matching': 'Danh sách gửi đối chiếu với CSDL quốc gia về dân cư / List for population-database matching',
  unbanked: 'Danh sách người chưa có tài khoản, gửi ngân hàng / People without an account, for the bank',
  'district-list': 'Danh sách của xã gửi lên cấp trên theo mẫu cũ / The commune list for the district, in its layout',
};

/** `export.list` as the signed-in user (their area, their name as preparer); the workbook is then saved to --out. */
function exportListCommand(kind: ExportListKind): CliCommand {
  return {
    name: `export ${kind}`,
    summary: `${SUMMARY[kind]} (xlsx; việc xuất được ghi nhật ký / logged)`,
    usage: `ansinh export ${kind} --db PATH --out FILE.xlsx [--prepared-by NAME] [--signed-by NAME] [--json]`,
    options: { out: { type: 'string' }, 'prepared-by': { type: 'string' }, 'signed-by': { type: 'string' } },
    needsUser: true,
    async run(ctx) {
      const out = ctx.values.out;
      if (typeof out !== 'string' || !out) throw new AppError('usage', 'Cần --out TỆP.xlsx.', 'Give --out FILE.xlsx.');
      const exported = await ctx.call('export.list', {
        kind,
        unitId: null,
        preparedBy: typeof ctx.values['prepared-by'] === 'string' ? ctx.values['prepared-by'] : null,
        signedBy: typeof ctx.values['signed-by'] === 'string' ? ctx.values['signed-by'] : null,
      });
      const file = resolve(out);
      saveDownloadTo(exported.downloadRef, file);
      ctx.print({ kind, file, count: exported.count }, `Đã xuất ${exported.count} người ra ${file}`);
      return 0;
    },
  };
}

export const exportListCommands: CliCommand[] = EXPORT_LIST_KINDS.map(exportListCommand);
