import { resolve } from 'node:path';
import { AppError, isAppError } from '../../../core/errors';
import { migrationsDir } from '../../../core/app-paths';
import { writeBackup } from '../../../core/database/backup-file';
import { openDatabase } from '../../../core/database/open-database';
import { installationId } from '../../../core/installation';
import type { CliCommand } from '../cli-command';

export const dbBackupCommand: CliCommand = {
  name: 'db backup',
  summary: 'Sao lưu cơ sở dữ liệu (vẫn mã hóa, kèm tệp khóa, đã kiểm tra) vào một tệp / Verified, encrypted backup to one file',
  usage: 'ansinh db backup --db PATH --out FILE [--json]',
  options: { out: { type: 'string' } },
  run(ctx) {
    if (typeof ctx.values.out !== 'string' || !ctx.values.out) throw new AppError('usage', 'Cần --out TỆP cho bản sao lưu.', 'Give --out FILE.');
    const out = resolve(ctx.values.out);
    let db;
    try {
      db = openDatabase({ path: ctx.dbPath, migrationsFolder: migrationsDir(), installationId: installationId() });
    } catch (e) {
      if (isAppError(e) && e.code === 'database-in-use') {
        throw new AppError('database-in-use', 'Cơ sở dữ liệu đang được ứng dụng mở: hãy sao lưu trong ứng dụng (Quản trị → Sao lưu) hoặc đóng ứng dụng rồi chạy lại.',
          'The app has the database open: back up from the app (Administration → Backup) or close it first.');
      }
      throw e;
    }
    try {
      const header = writeBackup(db, out);
      const rows = Object.values(header.counts).reduce((a, b) => a + b, 0);
      ctx.print({ file: out, encrypted: header.encrypted, size: header.size, sha256: header.sha256, rows },
        `Đã sao lưu ${ctx.dbPath} vào ${out} (${rows} dòng, ${header.encrypted ? 'mã hóa' : 'KHÔNG mã hóa: cơ sở dữ liệu mẫu'}, đã kiểm tra).`);
      return 0;
    } finally {
      db.close();
    }
  },
};
