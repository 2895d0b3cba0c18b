import type { MethodOutput } from '../../../../shared/contract/methods';
import { AppError } from '../../../app/errors';
import type { CliCommand, CliContext } from '../cli-command';
import { readHidden } from '../passphrase-prompt';

type Settings = MethodOutput<'clinic.settings'>;

/** The settings as printed: the password never, only whether one is saved. */
function settingsText(s: Settings): string {
  const or = (v: string | null) => v ?? '—';
  return [
    `Địa chỉ cổng giám định BHYT: ${or(s.endpoint)}`,
    `Tài khoản cơ sở: ${or(s.username)}`,
    `Mật khẩu: ${s.hasPassword ? 'đã lưu' : 'chưa có'}`,
    `Mã cơ sở KCB: ${or(s.facilityCode)}`,
    `Tên cơ sở KCB: ${or(s.facilityName)}`,
    ...(s.fromEnvironment ? ['Đang dùng cổng từ biến môi trường ANSINH_INSURANCE_GATEWAY: các thiết lập đã lưu chưa được dùng.'] : []),
  ].join('\n');
}

/** The gateway password to save: ANSINH_INSURANCE_PASSWORD, else typed without echo; never an argument (ps shows those). */
async function newPassword(ctx: CliContext): Promise<string> {
  const env = ctx.io.env ?? process.env;
  if (env.ANSINH_INSURANCE_PASSWORD) return env.ANSINH_INSURANCE_PASSWORD;
  const prompt = ctx.io.promptSecret === undefined ? (process.stdin.isTTY ? (q: string) => readHidden(q) : null) : ctx.io.promptSecret;
  if (!prompt) {
    throw new AppError('usage', 'Cần mật khẩu tài khoản cơ sở: đặt biến ANSINH_INSURANCE_PASSWORD hoặc chạy lệnh trong cửa sổ dòng lệnh để nhập.',
      'Give the facility account password in ANSINH_INSURANCE_PASSWORD, or run the command in a terminal to type it.');
  }
  const typed = await prompt('Mật khẩu tài khoản cơ sở / Facility account password: ');
  if (!typed) throw new AppError('usage', 'Mật khẩu không được để trống.', 'The password cannot be empty.');
  return typed;
}

const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
/** An option given as "" clears the value. */
const orNull = (given: string | undefined, current: string | null) => (given === undefined ? current : given.trim() || null);

/**
 * `clinic.settings` / `clinic.saveSettings` as the signed-in administrator (users.manage): shows the insurance gateway
 * settings, or changes the ones given and keeps the rest. The facility account's password is write-only.
 */
export const clinicSettingsCommand: CliCommand = {
  name: 'clinic settings',
  summary: 'Xem / đặt thiết lập tiếp đón: cổng BHYT, tài khoản, mã và tên cơ sở KCB / Show or set the clinic settings',
  usage: 'ansinh clinic settings [--endpoint URL] [--username NAME] [--password] [--facility-code CODE] [--facility-name TEXT] [--json]',
  options: {
    endpoint: { type: 'string' }, username: { type: 'string' }, password: { type: 'boolean' },
    'facility-code': { type: 'string' }, 'facility-name': { type: 'string' },
  },
  needsUser: true,
  async run(ctx) {
    const v = ctx.values;
    const endpoint = str(v.endpoint);
    const username = str(v.username);
    const facilityCode = str(v['facility-code']);
    const facilityName = str(v['facility-name']);
    const setting = endpoint !== undefined || username !== undefined || v.password === true || facilityCode !== undefined || facilityName !== undefined;
    let settings = await ctx.call('clinic.settings', {});
    if (setting) {
      const next = { endpoint: orNull(endpoint, settings.endpoint), username: orNull(username, settings.username) };
      if (!next.endpoint || !next.username) {
        throw new AppError('usage', 'Cần --endpoint (địa chỉ cổng giám định) và --username (tài khoản cơ sở) ở lần đặt đầu tiên.',
          'Give --endpoint and --username the first time.');
      }
      if (facilityCode && !/^[0-9A-Za-z]{2}\s*-?\s*[0-9A-Za-z]{3}$/.test(facilityCode.trim())) {
        throw new AppError('usage', 'Mã cơ sở KCB gồm 5 ký tự: 2 số tỉnh và 3 ký tự cơ sở, ví dụ 01-001.', 'The facility code has 5 characters, e.g. 01-001.');
      }
      if (!settings.hasPassword && v.password !== true) {
        throw new AppError('usage', 'Chưa có mật khẩu tài khoản cơ sở: thêm --password (đọc từ ANSINH_INSURANCE_PASSWORD hoặc nhập).',
          'No facility password saved yet: add --password (read from ANSINH_INSURANCE_PASSWORD or typed).');
      }
      settings = await ctx.call('clinic.saveSettings', {
        endpoint: next.endpoint, username: next.username, ...(v.password === true ? { password: await newPassword(ctx) } : {}),
        facilityCode: orNull(facilityCode, settings.facilityCode), facilityName: orNull(facilityName, settings.facilityName),
      });
    }
    ctx.print(settings, (setting ? 'Đã lưu thiết lập tiếp đón.\n' : '') + settingsText(settings));
    return 0;
  },
};
