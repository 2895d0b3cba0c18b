import { readdirSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { AppError } from '../../../app/errors';
import { discardUpload, registerLocalFile } from '../../../app/uploads';
import type { CliCommand } from '../cli-command';

/** Workbooks, and the communes' USB sync bundles (relayed to the hub; their receipt is written beside them). */
const LIST_EXTENSIONS = new Set(['.xlsx', '.xls', '.csv', '.ansinh']);

/**
 * `ansinh consolidate PATH... --db PATH [--json] [--commune TỆP=MÃ]`: the office above the commune takes the communes'
 * lists (files, or folders of them). Each file recognised is imported as its own undoable import; each refused file
 * is one line, and the rest goes on.
 */
export const consolidateCommand: CliCommand = {
  name: 'consolidate',
  summary: 'Tổng hợp danh sách của các xã/phường (tệp hoặc thư mục) / Consolidate the communes\' lists',
  usage: 'ansinh consolidate TỆP|THƯ_MỤC... --db PATH [--json] [--commune TÊN_TỆP=MÃ_XÃ]…',
  options: { commune: { type: 'string', multiple: true } },
  needsUser: true,
  async run(ctx) {
    if (!ctx.positionals.length) throw new AppError('usage', 'Cần ít nhất một tệp hoặc thư mục danh sách: ansinh consolidate THƯ_MỤC --db PATH', 'Give the lists (files or folders).');
    const choices = communeChoices(ctx.values.commune);
    const paths = ctx.positionals.flatMap(listFiles);
    if (!paths.length) throw new AppError('usage', 'Không có tệp .xlsx, .xls, .csv hay gói đồng bộ .ansinh nào trong những gì đã chỉ.', 'No .xlsx, .xls, .csv or .ansinh file found.');
    const files = paths.map((p) => ({ fileRef: registerLocalFile(p), fileName: basename(p), unitId: choices.get(basename(p)) ?? null }));
    try {
      ctx.progress(`Đang tổng hợp ${files.length} tệp…`);
      const report = await ctx.call('consolidation.commit', { files });
      const document = {
        // importId: what `ansinh consolidate undo` takes to undo that file's import.
        files: report.files,
        totals: report.totals,
        unrecognised: report.unrecognised,
        ...(report.receipts.length ? { receipts: report.receipts.map((r) => ({ file: r.file, path: r.fileName })) } : {}),
      };
      const lines = [
        ...report.files.map((f) => `${f.file} → ${f.commune.name} (${f.commune.code}): ${f.rows} dòng, ${f.imported} mới, ${f.updated} cập nhật, ${f.unchanged} không đổi, ${f.needsFixing} cần sửa, ${f.listedElsewhere} có tên ở xã khác.`),
        ...report.unrecognised.map((u) => `Bỏ qua ${u.reason}`),
        ...report.receipts.map((r) => `Biên nhận của máy chủ tỉnh cho ${r.file}: ${r.fileName} (chép về máy xã, nhập ở màn hình Đồng bộ).`),
        `Tổng: ${report.totals.files} tệp, ${report.totals.rows} dòng, ${report.totals.imported} mới, ${report.totals.updated} cập nhật, ${report.totals.listedElsewhere} người có tên ở hai xã (chờ xác định, tạm dừng chi trả).`,
      ];
      ctx.print(document, lines.join('\n'));
      if (ctx.json) for (const u of report.unrecognised) ctx.io.stderr(`${u.reason}\n`);
      return report.files.length === 0 && report.unrecognised.length > 0 ? 1 : 0;
    } finally {
      for (const f of files) discardUpload(f.fileRef);
    }
  },
};

/** A folder gives its lists (not its subfolders'), in name order; a file is itself. */
function listFiles(path: string): string[] {
  let info;
  try {
    info = statSync(path);
  } catch {
    throw new AppError('file-missing', `Không tìm thấy: ${path}`, `Not found: ${path}`);
  }
  if (!info.isDirectory()) return [path];
  return readdirSync(path).filter((n) => LIST_EXTENSIONS.has(extname(n).toLowerCase()) && !n.startsWith('~$')).sort().map((n) => join(path, n));
}

function communeChoices(values: unknown): Map<string, string> {
  const list = Array.isArray(values) ? values : values === undefined ? [] : [values];
  const out = new Map<string, string>();
  for (const v of list) {
    const m = /^(.+)=([^=]+)$/.exec(String(v));
    if (!m) throw new AppError('usage', `--commune cần dạng TÊN_TỆP=MÃ_XÃ (ví dụ: DS_Tien_Ngoai.xlsx=13363), không phải “${String(v)}”.`, 'Use --commune FILE=CODE.');
    out.set(basename(m[1].trim()), m[2].trim());
  }
  return out;
}
