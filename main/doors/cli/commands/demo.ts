import { AppError } from '../../../app/errors';
import { createDemoDatabase } from '../../../app/demo-database';
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
    const { people, users } = createDemoDatabase(ctx.dbPath);
    const list = users.map((u) => ({ username: u.username, password: u.password, role: u.role, displayName: u.displayName }));
    ctx.print({ db: ctx.dbPath, beneficiaries: people, users: list },
      `Đã tạo cơ sở dữ liệu mẫu ${ctx.dbPath} với ${people} đối tượng.\nTài khoản dùng thử:\n` +
      list.map((u) => `  ${u.username.padEnd(8)} ${u.password.padEnd(12)} ${u.displayName}`).join('\n'));
    return 0;
  },
};
