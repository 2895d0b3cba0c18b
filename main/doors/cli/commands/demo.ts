import { existsSync, statSync } from 'node:fs';
import { AppError } from '../../../core/errors';
import { openDatabase } from '../../../core/database/open-database';
import { migrationsDir } from '../../../core/app-paths';
import { seedDemo } from '../../../demo/seed-demo';
import type { CliCommand } from '../cli-command';

export const demoCommand: CliCommand = {
  name: 'demo',
  summary: 'Tạo cơ sở dữ liệu xã mẫu và in tài khoản dùng thử / Create the demo commune database and print its demo users',
  usage: 'ansinh demo --db PATH [--json]',
  options: {},
  run(ctx) {
    if (typeof ctx.values.db !== 'string') {
      throw new AppError('usage', 'Cần chỉ rõ --db PATH cho cơ sở dữ liệu mẫu.', 'Give --db PATH for the demo database.');
    }
    if (existsSync(ctx.dbPath) && statSync(ctx.dbPath).size > 0) {
      throw new AppError('file-exists', `Tệp đã tồn tại, không ghi đè: ${ctx.dbPath}`, `File exists, not overwriting: ${ctx.dbPath}`);
    }
    const db = openDatabase({ path: ctx.dbPath, migrationsFolder: migrationsDir(), create: true });
    try {
      const { people, users } = seedDemo(db);
      const list = users.map((u) => ({ username: u.username, password: u.password, role: u.role, displayName: u.displayName }));
      ctx.print({ db: ctx.dbPath, beneficiaries: people, users: list },
        `Đã tạo cơ sở dữ liệu mẫu ${ctx.dbPath} với ${people} đối tượng.\nTài khoản dùng thử:\n` +
        list.map((u) => `  ${u.username.padEnd(8)} ${u.password.padEnd(12)} ${u.displayName}`).join('\n'));
      return 0;
    } finally {
      db.close();
    }
  },
};
