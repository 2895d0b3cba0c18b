import { basename } from 'node:path';
import { AppError } from '../../../app/errors';
import { discardUpload, registerLocalFile } from '../../../app/uploads';
import type { CliCommand } from '../cli-command';

const OUTCOME: Record<string, string> = { match: 'khớp', mismatch: 'sai thông tin', notfound: 'không có trong CSDLQG' };

/** `ansinh match import FILE --db PATH [--preview] [--json]`: the police's results workbook, either layout. */
export const matchImportCommand: CliCommand = {
  name: 'match import',
  summary: 'Nhập tệp kết quả đối chiếu CSDL dân cư từ công an / Import the police matching results',
  usage: 'ansinh match import FILE --db PATH [--preview] [--json]',
  options: { preview: { type: 'boolean' } },
  needsUser: true,
  async run(ctx) {
    const file = ctx.positionals[0];
    if (!file) throw new AppError('usage', 'Cần tên tệp kết quả: ansinh match import TỆP.xlsx', 'Give the results file.');
    const fileRef = registerLocalFile(file);
    try {
      const { resultFileId: _id, ...report } = await ctx.call('match.import', { fileRef, fileName: basename(file), preview: Boolean(ctx.values.preview) });
      const lines = [
        `${ctx.values.preview ? 'Xem trước (chưa ghi gì)' : 'Đã nhập'} ${basename(file)}: đợt ${report.batch ?? '(không ghi)'}, ${report.rows} dòng.`,
        `Khớp ${report.counts.match}, sai thông tin ${report.counts.mismatch}, không có trong CSDLQG ${report.counts.notfound}, không gắn được ${report.counts.unlinked}.`,
        ...report.people.filter((p) => p.outcome !== 'match' || p.spellingOnly.length || p.enriched.length).slice(0, 50).map((p) =>
          `  ${p.fullName}: ${OUTCOME[p.outcome]}${p.fields.length ? `; khác: ${p.fields.join(', ')}` : ''}${p.spellingOnly.length ? `; chỉ khác chính tả: ${p.spellingOnly.join(', ')}` : ''}${p.enriched.length ? `; bổ sung: ${p.enriched.join(', ')}` : ''}`),
        ...report.unlinked.slice(0, 50).map((u) => `  ${u.sheet} dòng ${u.row}: ${u.reason}`),
      ];
      ctx.print(report, lines.join('\n'));
      return 0;
    } finally {
      discardUpload(fileRef);
    }
  },
};
