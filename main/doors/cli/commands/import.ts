import { basename } from 'node:path';
import { AppError } from '../../../app/errors';
import { registerLocalFile, discardUpload } from '../../../app/uploads';
import type { CliCommand } from '../cli-command';

/**
 * `ansinh import FILE --db PATH [--json] [--preview]`: the CLI door onto `import.preview` / `import.commit`.
 * The file is handed to the services by reference, where it lies (registered, not copied).
 */
export const importCommand: CliCommand = {
  name: 'import',
  summary: 'Nhập danh sách Excel/CSV (xem trước với --preview) / Import an Excel or CSV list',
  usage: 'ansinh import FILE --db PATH [--json] [--preview]',
  options: { preview: { type: 'boolean' } },
  needsUser: true,
  async run(ctx) {
    const file = ctx.positionals[0];
    if (!file) throw new AppError('usage', 'Cần tên tệp cần nhập: ansinh import TỆP.xlsx', 'Give the file to import.');
    const fileRef = registerLocalFile(file);
    const input = { fileRef, fileName: basename(file), unitId: null };
    try {
      if (ctx.values.preview) {
        const { sample: _sample, ...summary } = await ctx.call('import.preview', input);
        ctx.print({ file: basename(file), ...summary },
          `Xem trước: ${summary.imported} mới, ${summary.updated} cập nhật, ${summary.unchanged} không đổi, ${summary.needsFixing.length} lỗi cần sửa (chưa ghi gì).`);
        return 0;
      }
      ctx.progress(`Đang nhập ${file}…`);
      const report = await ctx.call('import.commit', input);
      const fixLines = report.needsFixing.slice(0, 50).map((p) =>
        `  ${p.sheet} dòng ${p.row}${p.fullName ? ` ${p.fullName}` : ''} (${p.column ?? p.field}${p.value ? `: «${p.value}»` : ''}): ${p.message}`);
      const more = report.needsFixing.length > 50 ? [`  … và ${report.needsFixing.length - 50} dòng nữa (xem --json)`] : [];
      ctx.print(
        { file: basename(file), format: report.format, sheets: report.sheets, imported: report.imported, updated: report.updated, unchanged: report.unchanged, needsFixing: report.needsFixing, verifiedDifferences: report.verifiedDifferences, importId: report.importId },
        [`Đã nhập ${basename(file)}: ${report.imported} mới, ${report.updated} cập nhật, ${report.unchanged} không đổi.`,
          `${report.needsFixing.length} lỗi cần sửa; ${report.verifiedDifferences.length} khác biệt với dữ liệu đã xác thực (không ghi đè).`,
          ...fixLines, ...more, `Mã lần nhập (để hoàn tác): ${report.importId}`].join('\n'),
      );
      return 0;
    } finally {
      discardUpload(fileRef);
    }
  },
};
