import { resolve } from 'node:path';
import { AppError } from '../../../app/errors';
import { backupDatabase } from '../../../app/database-files';
import { USER_OPTIONS, type CliCommand } from '../cli-command';
import { administrator } from '../sign-in';

export const dbBackupCommand: CliCommand = {
  name: 'db backup',
  summary: 'Sao lưu cơ sở dữ liệu (vẫn mã hóa, kèm tệp khóa, đã kiểm tra) vào một tệp, cả khi ứng dụng đang mở / Verified, encrypted backup to one file, also while the app runs',
  usage: 'ansinh db backup --db PATH --out FILE [--user NAME] [--json]',
  options: { out: { type: 'string' }, ...USER_OPTIONS },
  async run(ctx) {
    if (typeof ctx.values.out !== 'string' || !ctx.values.out) throw new AppError('usage', 'Cần --out TỆP cho bản sao lưu.', 'Give --out FILE.');
    const out = resolve(ctx.values.out);
    const header = await backupDatabase(ctx.dbPath, out, await administrator(ctx));
    const rows = Object.values(header.counts).reduce((a, b) => a + b, 0);
    ctx.print({ file: out, encrypted: header.encrypted, size: header.size, sha256: header.sha256, rows },
      `Đã sao lưu ${ctx.dbPath} vào ${out} (${rows} dòng, ${header.encrypted ? 'mã hóa' : 'KHÔNG mã hóa: cơ sở dữ liệu mẫu'}, đã kiểm tra).`);
    return 0;
  },
};
