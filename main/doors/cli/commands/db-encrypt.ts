import { encryptDatabase } from '../../../app/database-files';
import type { CliCommand } from '../cli-command';
import { recoveryPassphraseNotice } from './db-rekey';

export const dbEncryptCommand: CliCommand = {
  name: 'db encrypt',
  summary: 'Mã hóa cơ sở dữ liệu chưa mã hóa, tại chỗ, an toàn (bản sao kiểm tra xong mới thay) / Encrypt a plain database in place',
  usage: 'ansinh db encrypt --db PATH [--json]',
  options: {},
  run(ctx) {
    const { recoveryPassphrase, counts } = encryptDatabase(ctx.dbPath);
    const rows = Object.values(counts).reduce((a, b) => a + b, 0);
    ctx.print({ db: ctx.dbPath, encrypted: true, rows, recoveryPassphrase },
      `Đã mã hóa ${ctx.dbPath} (${rows} dòng, kiểm tra toàn vẹn đạt); tệp chưa mã hóa đã bị ghi đè và xóa.\n${recoveryPassphraseNotice(recoveryPassphrase)}`);
    return 0;
  },
};
