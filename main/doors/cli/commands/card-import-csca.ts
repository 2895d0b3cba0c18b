import { AppError } from '../../../app/errors';
import { registerLocalFile, discardUpload } from '../../../app/uploads';
import type { CliCommand } from '../cli-command';

/** `card.importCsca` as the signed-in administrator; the certificate file is handed over by reference. */
export const cardImportCscaCommand: CliCommand = {
  name: 'card import-csca',
  summary: 'Nhập chứng thư gốc CSCA để xác thực chuỗi chữ ký của thẻ (quản trị viên) / Import a country signing certificate (administrator)',
  usage: 'ansinh card import-csca FILE.der|FILE.pem --db PATH [--json]',
  options: {},
  needsUser: true,
  async run(ctx) {
    const file = ctx.positionals[0];
    if (!file) throw new AppError('usage', 'Cần đường dẫn tệp chứng thư.', 'Give the certificate file.');
    const fileRef = registerLocalFile(file);
    try {
      const out = await ctx.call('card.importCsca', { fileRef });
      ctx.print(out, out.added ? `Đã nhập chứng thư CSCA: ${out.subject}` : `Chứng thư này đã có: ${out.subject}`);
      return 0;
    } finally {
      discardUpload(fileRef);
    }
  },
};
