import { readFileSync } from 'node:fs';
import { AppError } from '../../../core/errors';
import { openDatabase } from '../../../core/database/open-database';
import { migrationsDir } from '../../../core/app-paths';
import { importCscaCertificate } from '../../../card/csca-store';
import type { CliCommand } from '../cli-command';

export const cardImportCscaCommand: CliCommand = {
  name: 'card import-csca',
  summary: 'Nhập chứng thư gốc CSCA để xác thực chuỗi chữ ký của thẻ / Import a country signing certificate',
  usage: 'ansinh card import-csca FILE.der|FILE.pem --db PATH [--json]',
  options: {},
  run(ctx) {
    const file = ctx.positionals[0];
    if (!file) throw new AppError('usage', 'Cần đường dẫn tệp chứng thư.', 'Give the certificate file.');
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(file);
    } catch {
      throw new AppError('file-unreadable', `Không đọc được tệp: ${file}`, `Cannot read ${file}`);
    }
    const db = openDatabase({ path: ctx.dbPath, migrationsFolder: migrationsDir() });
    try {
      const out = importCscaCertificate(db, { userId: null, origin: 'cli' }, bytes);
      ctx.print(out, out.added ? `Đã nhập chứng thư CSCA: ${out.subject}` : `Chứng thư này đã có: ${out.subject}`);
      return 0;
    } finally {
      db.close();
    }
  },
};
