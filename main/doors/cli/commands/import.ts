import { basename } from 'node:path';
import { AppError } from '../../../app/errors';
import { registerLocalFile, discardUpload } from '../../../app/uploads';
import type { CliCommand } from '../cli-command';
import { CATEGORY_GROUPS } from '../../../../shared/contract/imports';

/**
 * `ansinh import FILE --db PATH [--json] [--preview] [--category-group NCC|TNCC|BTXH|OTHER [--category LABEL]]`: the CLI door
 * onto `import.preview` / `import.commit`. The file is handed to the services by reference, where it lies (registered, not copied).
 * A list without a category column is one category's list: --category-group (and --category, its label) gives it to every
 * row that names none; without it those rows are recorded without a category, and the preview counts them.
 */
export const importCommand: CliCommand = {
  name: 'import',
  summary: 'Nhập danh sách Excel/CSV (xem trước với --preview) / Import an Excel or CSV list',
  usage: `ansinh import FILE --db PATH [--json] [--preview] [--category-group ${CATEGORY_GROUPS.join('|')} [--category "NHÃN"]]`,
  options: { preview: { type: 'boolean' }, 'category-group': { type: 'string' }, category: { type: 'string' } },
  needsUser: true,
  async run(ctx) {
    const file = ctx.positionals[0];
    if (!file) throw new AppError('usage', 'Cần tên tệp cần nhập: ansinh import TỆP.xlsx', 'Give the file to import.');
    const category = categoryOf(ctx.values['category-group'], ctx.values.category);
    const fileRef = registerLocalFile(file);
    const input = { fileRef, fileName: basename(file), unitId: null, category };
    try {
      if (ctx.values.preview) {
        const { sample: _sample, ...summary } = await ctx.call('import.preview', input);
        ctx.print({ file: basename(file), ...summary },
          `Xem trước: ${summary.imported} mới, ${summary.updated} cập nhật, ${summary.unchanged} không đổi, ${summary.needsFixing.length} lỗi cần sửa (chưa ghi gì).` +
          withoutCategoryLine(summary.withoutCategory, category));
        return 0;
      }
      ctx.progress(`Đang nhập ${file}…`);
      const report = await ctx.call('import.commit', input);
      const fixLines = report.needsFixing.slice(0, 50).map((p) =>
        `  ${p.sheet} dòng ${p.row}${p.fullName ? ` ${p.fullName}` : ''} (${p.column ?? p.field}${p.value ? `: «${p.value}»` : ''}): ${p.message}`);
      const more = report.needsFixing.length > 50 ? [`  … và ${report.needsFixing.length - 50} dòng nữa (xem --json)`] : [];
      ctx.print(
        { file: basename(file), format: report.format, sheets: report.sheets, imported: report.imported, updated: report.updated, unchanged: report.unchanged, withoutCategory: report.withoutCategory, category, needsFixing: report.needsFixing, verifiedDifferences: report.verifiedDifferences, importId: report.importId },
        [`Đã nhập ${basename(file)}: ${report.imported} mới, ${report.updated} cập nhật, ${report.unchanged} không đổi.${withoutCategoryLine(report.withoutCategory, category)}`,
          `${report.needsFixing.length} lỗi cần sửa; ${report.verifiedDifferences.length} khác biệt với dữ liệu đã xác thực (không ghi đè).`,
          ...fixLines, ...more, `Mã lần nhập (để hoàn tác): ${report.importId}`].join('\n'),
      );
      return 0;
    } finally {
      discardUpload(fileRef);
    }
  },
};

/** The file's category from --category-group / --category, refused in one line when the group is not one of the register's. */
function categoryOf(group: unknown, label: unknown): { group: (typeof CATEGORY_GROUPS)[number]; label: string } | null {
  if (group === undefined) {
    if (label !== undefined) throw new AppError('usage', `Cần --category-group (${CATEGORY_GROUPS.join(', ')}) cùng với --category.`, 'Give --category-group with --category.');
    return null;
  }
  const code = String(group).toUpperCase();
  if (!(CATEGORY_GROUPS as readonly string[]).includes(code)) {
    throw new AppError('usage', `Nhóm đối tượng "${String(group)}" không có trong danh mục: dùng ${CATEGORY_GROUPS.join(', ')}.`, `Unknown category group: use ${CATEGORY_GROUPS.join(', ')}.`);
  }
  return { group: code as (typeof CATEGORY_GROUPS)[number], label: typeof label === 'string' ? label : '' };
}

function withoutCategoryLine(count: number, category: { group: string; label: string } | null): string {
  if (count === 0) return '';
  return category
    ? ` ${count} dòng không ghi diện đối tượng: nhận diện đã chọn cho cả tệp.`
    : ` ${count} dòng không ghi diện đối tượng: sẽ để trống diện (chọn diện cho cả tệp bằng --category-group).`;
}
