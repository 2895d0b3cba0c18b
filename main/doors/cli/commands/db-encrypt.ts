import { encryptDatabase } from '../../../app/database-files';
import { USER_OPTIONS, type CliCommand } from '../cli-command';
import { administrator } from '../sign-in';
import { recoveryPassphraseNotice } from './db-rekey';

export const dbEncryptCommand: CliCommand = {
  name: 'db encrypt',
  summary: 'Mã hóa cơ sở dữ liệu chưa mã hóa, tại chỗ, an toàn (bản sao kiểm tra xong mới thay) / Encrypt a plain database in place',
  usage: 'ansinh db encrypt --db PATH [--user NAME] [--json]',
  options: { ...USER_OPTIONS },
  async run(ctx) {
    const { recoveryPassphrase, counts } = await encryptDatabase(ctx.dbPath, await administrator(ctx));
    const rows = Object.values(counts).reduce((a, b) => a + b, 0);
    ctx.print({ db: ctx.dbPath, encrypted: true, rows, recoveryPassphrase },
      `Đã mã hóa ${ctx.dbPath} (${rows} dòng, kiểm tra toàn vẹn đạt); tệp chưa mã hóa đã bị ghi đè và xóa.\n${recoveryPassphraseNotice(recoveryPassphrase)}`);
    return 0;
  },
};
