import { resolve } from 'node:path';
import { AppError } from '../../../core/errors';
import { openDatabase } from '../../../core/database/open-database';
import { migrationsDir } from '../../../core/app-paths';
import { EXPORT_LIST_KINDS, type ExportListKind } from '../../../../shared/contract/exports';
import { createExportService } from '../../../excel/export-service';
import type { CliCommand } from '../cli-command';

const SUMMARY: Record<ExportListKind, string> = {
  'population-matching': 'Danh sách gửi đối chiếu với CSDL quốc gia về dân cư / List for population-database matching',
  unbanked: 'Danh sách người chưa có tài khoản, gửi ngân hàng / People without an account, for the bank',
  'district-list': 'Danh sách của xã gửi lên cấp trên theo mẫu cũ / The commune list for the district, in its layout',
};

function exportListCommand(kind: ExportListKind): CliCommand {
  return {
    name: `export ${kind}`,
    summary: `${SUMMARY[kind]} (xlsx; việc xuất được ghi nhật ký / logged)`,
    usage: `ansinh export ${kind} --db PATH --out FILE.xlsx [--prepared-by NAME] [--signed-by NAME] [--json]`,
    options: { out: { type: 'string' }, 'prepared-by': { type: 'string' }, 'signed-by': { type: 'string' } },
    async run(ctx) {
      const out = ctx.values.out;
      if (typeof out !== 'string' || !out) throw new AppError('usage', 'Cần --out TỆP.xlsx.', 'Give --out FILE.xlsx.');
      const db = openDatabase({ path: ctx.dbPath, migrationsFolder: migrationsDir() });
      try {
        const report = await createExportService(db).exportList({ userId: null, origin: 'cli' }, kind, null, resolve(out), {
          preparedBy: typeof ctx.values['prepared-by'] === 'string' ? ctx.values['prepared-by'] : null,
          signedBy: typeof ctx.values['signed-by'] === 'string' ? ctx.values['signed-by'] : null,
        });
        ctx.print(report, `Đã xuất ${report.count} người ra ${report.file}`);
        return 0;
      } finally {
        db.close();
      }
    },
  };
}

export const exportListCommands: CliCommand[] = EXPORT_LIST_KINDS.map(exportListCommand);
