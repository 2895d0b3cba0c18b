import { writeFileSync } from 'node:fs';
import type { z } from 'zod';
import type { cardAccessSchema } from '../../../../shared/contract/card';
import { AppError } from '../../../app/errors';
import type { CliCommand, CliContext } from '../cli-command';

type CardAccess = z.infer<typeof cardAccessSchema>;

/** dd/mm/yyyy or yyyy-mm-dd → yyyy-mm-dd */
function isoDate(text: string, what: string): string {
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  if (dmy) return `${dmy[3]}-${dmy[2].padStart(2, '0')}-${dmy[1].padStart(2, '0')}`;
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return text;
  throw new AppError('usage', `${what} phải có dạng dd/mm/yyyy.`, `${what} must be dd/mm/yyyy.`);
}

function accessKey(ctx: CliContext): CardAccess {
  const { can, mrz, id, birth, expiry } = ctx.values as Record<string, string | undefined>;
  if (can) {
    if (!/^\d{6}$/.test(can)) throw new AppError('usage', 'CAN là 6 chữ số cuối của số định danh.', 'The CAN is the last 6 digits of the ID number.');
    return { can };
  }
  if (mrz) return { mrz };
  if (id && birth && expiry) {
    if (!/^\d{12}$/.test(id)) throw new AppError('usage', 'Số định danh phải có 12 chữ số.', 'The ID number has 12 digits.');
    return { idNumber: id, birth: isoDate(birth, 'Ngày sinh'), expiry: isoDate(expiry, 'Ngày hết hạn') };
  }
  throw new AppError('usage', 'Cần --can 123456, hoặc --mrz "…", hoặc --id, --birth và --expiry.', 'Give --can, or --mrz, or --id with --birth and --expiry.');
}

/** `card.read` as the signed-in user: the read is audited by the card service under that user, origin "cli". */
export const cardReadCommand: CliCommand = {
  name: 'card read',
  summary: 'Đọc chip thẻ căn cước qua đầu đọc PC/SC; việc đọc được ghi nhật ký / Read a chip ID card (logged)',
  usage: 'ansinh card read [--reader NAME] [--can 123456 | --mrz "…" | --id ID --birth DATE --expiry DATE] [--photo FILE] [--json]',
  options: { reader: { type: 'string' }, can: { type: 'string' }, mrz: { type: 'string' }, id: { type: 'string' }, birth: { type: 'string' }, expiry: { type: 'string' }, photo: { type: 'string' } },
  needsUser: true,
  async run(ctx) {
    const access = accessKey(ctx);
    const reader = typeof ctx.values.reader === 'string' ? ctx.values.reader : undefined;
    const result = await ctx.call('card.read', { access, purpose: 'cli', ...(reader ? { reader } : {}) });
    if (typeof ctx.values.photo === 'string') {
      if (!result.photo) throw new AppError('no-photo', 'Thẻ không có ảnh chân dung.', 'The card has no photo.');
      writeFileSync(ctx.values.photo, Buffer.from(result.photo.slice(result.photo.indexOf(',') + 1), 'base64'));
    }
    const { access: how, person: p, mrz, files, trust, verified } = result;
    ctx.print({ access: how, person: p, mrz, files, trust, verified },
      `${verified ? 'Dữ liệu chip hợp lệ, đã xác thực chữ ký.' : 'Đọc được nhưng CHƯA xác thực chữ ký.'}\n` +
      `Họ và tên: ${p.fullName ?? ''}\nSố định danh: ${p.idNumber ?? ''}\nNgày sinh: ${p.birth ?? ''}\nGiới tính: ${p.sex === 'F' ? 'Nữ' : p.sex === 'M' ? 'Nam' : ''}\n` +
      `Quê quán: ${p.hometown ?? ''}\nNơi thường trú: ${p.permanentAddress ?? ''}`);
    return 0;
  },
};
