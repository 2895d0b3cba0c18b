import { rekeyOfficeDatabase } from '../../../app/database-files';
import { USER_OPTIONS, type CliCommand } from '../cli-command';
import { administrator } from '../sign-in';

export const dbRekeyCommand: CliCommand = {
  name: 'db rekey',
  summary: 'Đổi khóa mã hóa và cụm mật khẩu khôi phục (--passphrase-only: chỉ đổi cụm mật khẩu) / New data key and recovery passphrase',
  usage: 'ansinh db rekey --db PATH [--passphrase-only] [--user NAME] [--json]',
  options: { 'passphrase-only': { type: 'boolean' }, ...USER_OPTIONS },
  async run(ctx) {
    const passphraseOnly = ctx.values['passphrase-only'] === true;
    const { recoveryPassphrase } = await rekeyOfficeDatabase(ctx.dbPath, passphraseOnly, await administrator(ctx));
    ctx.print({ db: ctx.dbPath, newDataKey: !passphraseOnly, recoveryPassphrase },
      `${passphraseOnly ? 'Đã đổi cụm mật khẩu khôi phục' : 'Đã mã hóa lại cơ sở dữ liệu bằng khóa mới'} (${ctx.dbPath}); cụm mật khẩu cũ không còn dùng được.\n${recoveryPassphraseNotice(recoveryPassphrase)}`);
    return 0;
  },
};

/** The one time a recovery passphrase is shown: what to do with it. */
export function recoveryPassphraseNotice(passphrase: string): string {
  return `\nCỤM MẬT KHẨU KHÔI PHỤC (chỉ hiện một lần — in hoặc chép lại, cất trong tủ an toàn của văn phòng):\n\n    ${passphrase}\n\n` +
    'Cần nó để mở dữ liệu trên máy khác, sau khi cài lại, hoặc khi khôi phục bản sao lưu.';
}
