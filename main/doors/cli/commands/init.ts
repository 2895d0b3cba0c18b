import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { AppError } from '../../../app/errors';
import { createOfficeDatabase, type OfficeUnitChoice } from '../../../app/office-setup';
import type { CliCommand, CliContext } from '../cli-command';
import { recoveryPassphraseNotice } from './db-rekey';

/** `ansinh init`: a new, empty office database for a real commune (or a province, or some of its communes). */
export const initCommand: CliCommand = {
  name: 'init',
  summary: 'Tạo cơ sở dữ liệu trống cho một văn phòng thật (xã/phường, hoặc tỉnh) / Create an empty office database for a real unit',
  usage: 'ansinh init --db PATH (--commune MÃ | --province MÃ [--communes MÃ,MÃ…]) --admin TÊN [--display-name "Họ tên"] [--json]',
  options: { commune: { type: 'string' }, province: { type: 'string' }, communes: { type: 'string' }, admin: { type: 'string' }, 'display-name': { type: 'string' } },
  async run(ctx) {
    const { values } = ctx;
    if (typeof values.db !== 'string') {
      throw new AppError('usage', 'Cần chỉ rõ --db PATH cho cơ sở dữ liệu mới của văn phòng.', 'Give --db PATH for the new office database.');
    }
    const choice = unitChoice(values);
    if (typeof values.admin !== 'string' || !values.admin.trim()) {
      throw new AppError('usage', 'Cần --admin TÊN: tên đăng nhập của quản trị viên.', "Give --admin USERNAME: the administrator's username.");
    }
    const password = await administratorPassword(ctx);
    const result = createOfficeDatabase(ctx.dbPath, choice, {
      username: values.admin, displayName: typeof values['display-name'] === 'string' ? values['display-name'] : '', password,
    });
    const { unit, communes, admin, recoveryPassphrase } = result;
    ctx.print(
      { db: ctx.dbPath, unit: { code: unit.code, name: unit.name, level: unit.level }, admin: admin.username,
        ...(communes.length ? { communes: communes.map((c) => ({ code: c.code, name: c.name })) } : {}),
        encrypted: !!recoveryPassphrase, ...(recoveryPassphrase ? { recoveryPassphrase } : {}) },
      `Đã tạo cơ sở dữ liệu ${ctx.dbPath} cho ${unit.name} (mã ${unit.code})` +
        (communes.length ? `, gồm ${communes.length} xã/phường: ${communes.map((c) => c.name).join(', ')}` : '') +
        `.\nQuản trị viên: ${admin.username}. Mở ứng dụng bằng: ansinh serve --db ${ctx.dbPath}` +
        (recoveryPassphrase ? `\nDữ liệu được mã hóa; mỗi lần mở cần cụm mật khẩu dưới đây (hoặc biến ANSINH_DB_PASSPHRASE).\n${recoveryPassphraseNotice(recoveryPassphrase)}` : ''),
    );
    return 0;
  },
};

function unitChoice(values: CliContext['values']): OfficeUnitChoice {
  const commune = typeof values.commune === 'string' ? values.commune.trim() : '';
  const province = typeof values.province === 'string' ? values.province.trim() : '';
  if (Boolean(commune) === Boolean(province)) {
    throw new AppError('usage', 'Cần đúng một trong hai: --commune MÃ_XÃ hoặc --province MÃ_TỈNH.', 'Give exactly one of --commune CODE or --province CODE.');
  }
  if (commune) {
    if (values.communes !== undefined) throw new AppError('usage', '--communes chỉ dùng cùng --province.', '--communes goes with --province only.');
    return { level: 'commune', code: commune };
  }
  const communes = typeof values.communes === 'string' ? values.communes.split(',').map((c) => c.trim()).filter(Boolean) : [];
  return { level: 'province', code: province, communes };
}

/** From ANSINH_PASSWORD, or asked twice on the terminal; without either, fail at once rather than wait for input. */
async function administratorPassword(ctx: CliContext): Promise<string> {
  const fromEnv = process.env.ANSINH_PASSWORD;
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  if (!process.stdin.isTTY) {
    throw new AppError('password-missing', 'Cần mật khẩu quản trị viên: đặt biến ANSINH_PASSWORD hoặc chạy lệnh trong cửa sổ dòng lệnh để nhập.',
      'The administrator password is needed: set ANSINH_PASSWORD or run in a terminal to type it.');
  }
  const first = await askHidden('Mật khẩu quản trị viên (ít nhất 8 ký tự): ', ctx);
  const again = await askHidden('Nhập lại mật khẩu: ', ctx);
  if (first !== again) throw new AppError('password-mismatch', 'Hai mật khẩu không giống nhau.', 'The two passwords differ.');
  return first;
}

function askHidden(question: string, ctx: CliContext): Promise<string> {
  ctx.io.stderr(question);
  // Echo nothing of what is typed.
  const silent = new Writable({ write: (_chunk, _encoding, done) => done() });
  const rl = createInterface({ input: process.stdin, output: silent, terminal: true });
  return new Promise((resolve) => rl.question('', (answer) => {
    rl.close();
    ctx.io.stderr('\n');
    resolve(answer);
  }));
}
