import { resolve } from 'node:path';
import { AppError } from '../../../app/errors';
import { PASSPHRASE_ENV, readBackupHeader, replacesDatabase, restoreDatabase } from '../../../app/database-files';
import { USER_OPTIONS, type CliCommand } from '../cli-command';
import { administrator } from '../sign-in';
import { readHidden } from '../passphrase-prompt';

export const dbRestoreCommand: CliCommand = {
  name: 'db restore',
  summary: 'Khôi phục từ bản sao lưu (từ chối tệp bị cắt cụt hoặc của văn phòng khác) / Restore a backup',
  usage: 'ansinh db restore --from FILE --db PATH [--user NAME] [--json]',
  options: { from: { type: 'string' }, ...USER_OPTIONS },
  async run(ctx) {
    if (typeof ctx.values.from !== 'string' || !ctx.values.from) throw new AppError('usage', 'Cần --from TỆP sao lưu.', 'Give --from FILE.');
    if (typeof ctx.values.db !== 'string') throw new AppError('usage', 'Cần chỉ rõ --db PATH để khôi phục vào.', 'Give --db PATH to restore to.');
    const from = resolve(ctx.values.from);
    const header = readBackupHeader(from);
    let passphrase = process.env[PASSPHRASE_ENV] || undefined;
    if (header.encrypted && !passphrase && process.stdin.isTTY) passphrase = await readHidden('Cụm mật khẩu khôi phục của bản sao lưu / Recovery passphrase of the backup: ');
    // An administrator of the database it replaces, when there is one (see restoreDatabase).
    const who = replacesDatabase(ctx.dbPath) ? await administrator(ctx) : null;
    const { deviceChange } = await restoreDatabase(from, ctx.dbPath, passphrase, who);
    const rows = Object.values(header.counts).reduce((a, b) => a + b, 0);
    ctx.print({ db: ctx.dbPath, from, rows, backupCreatedAt: header.createdAt, deviceChange: deviceChange ?? null },
      `Đã khôi phục ${ctx.dbPath} từ bản sao lưu lúc ${header.createdAt} (${rows} dòng, đã kiểm tra).\n` +
      'Máy này gửi dữ liệu như một thiết bị mới (mã thiết bị cũ được ghi lại), để những thay đổi đã gửi từ bản cũ không bị gửi trùng.');
    return 0;
  },
};
