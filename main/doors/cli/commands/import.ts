import { migrationsDir } from '../../../core/app-paths';
import { openDatabase } from '../../../core/database/open-database';
import { AppError } from '../../../core/errors';
import type { CliCommand } from '../cli-command';
import { createImportService } from '../../../excel/import-service';

/** `ansinh import FILE --db PATH [--json] [--preview]`: the CLI door onto the import service. */
export const importCommand: CliCommand = {
  name: 'import',
  summary: 'Nhập danh sách Excel/CSV (xem trước với --preview) / Import an Excel or CSV list',
  usage: 'ansinh import FILE --db PATH [--json] [--preview]',
  options: { preview: { type: 'boolean' } },
  async run(ctx) {
    const file = ctx.positionals[0];
    if (!file) throw new AppError('usage', 'Cần tên tệp cần nhập: ansinh import TỆP.xlsx', 'Give the file to import.');
    const db = openDatabase({ path: ctx.dbPath, migrationsFolder: migrationsDir() });
    try {
      const service = createImportService(db);
      if (ctx.values.preview) {
        const p = await service.preview(file);
        const { sample: _sample, ...summary } = p;
        ctx.print(summary, `Xem trước: ${p.imported} mới, ${p.updated} cập nhật, ${p.unchanged} không đổi, ${p.needsFixing.length} lỗi cần sửa (chưa ghi gì).`);
        return 0;
      }
      ctx.progress(`Đang nhập ${file}…`);
      const report = await service.commit({ userId: null, origin: 'cli' }, file);
      const fixLines = report.needsFixing.slice(0, 50).map((p) => `  ${p.sheet} dòng ${p.row} (${p.field}): ${p.message}`);
      const more = report.needsFixing.length > 50 ? [`  … và ${report.needsFixing.length - 50} dòng nữa (xem --json)`] : [];
      ctx.print(
        { file: report.file, format: report.format, sheets: report.sheets, imported: report.imported, updated: report.updated, unchanged: report.unchanged, needsFixing: report.needsFixing, verifiedDifferences: report.verifiedDifferences, importId: report.importId },
        [`Đã nhập ${report.file}: ${report.imported} mới, ${report.updated} cập nhật, ${report.unchanged} không đổi.`,
          `${report.needsFixing.length} lỗi cần sửa; ${report.verifiedDifferences.length} khác biệt với dữ liệu đã xác thực (không ghi đè).`,
          ...fixLines, ...more, `Mã lần nhập (để hoàn tác): ${report.importId}`].join('\n'),
      );
      return 0;
    } finally {
      db.close();
    }
  },
};
