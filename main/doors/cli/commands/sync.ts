import { AppError } from '../../../app/errors';
import type { CliCommand } from '../cli-command';

const syncEnrol: CliCommand = {
  name: 'sync enrol',
  summary: 'Đăng ký máy này với máy chủ tỉnh bằng mã một lần (quản trị viên) / Enrol this device with the hub',
  usage: 'ansinh sync enrol --hub URL --code ABCD-EFGH-123456 --db PATH [--json]',
  options: { hub: { type: 'string' }, code: { type: 'string' } },
  needsUser: true,
  async run(ctx) {
    const hubUrl = ctx.values.hub;
    const code = ctx.values.code;
    if (typeof hubUrl !== 'string' || typeof code !== 'string') throw new AppError('usage', 'Cần --hub ĐỊA_CHỈ và --code MÃ_ĐĂNG_KÝ.', 'Give --hub URL and --code CODE.');
    const status = await ctx.call('sync.enrol', { hubUrl, code });
    ctx.print(status, `Đã đăng ký với máy chủ tỉnh ${status.hubUrl}; ${status.pending} thay đổi chờ gửi.`);
    return 0;
  },
};

const syncNowCommand: CliCommand = {
  name: 'sync now',
  summary: 'Đồng bộ ngay với máy chủ tỉnh / Sync with the hub now',
  usage: 'ansinh sync now --db PATH [--json]',
  options: {},
  needsUser: true,
  async run(ctx) {
    const r = await ctx.call('sync.now', {});
    ctx.print(r, `Đã gửi ${r.pushed} thay đổi (${r.batches} gói), nhận ${r.pulled}${r.held ? `, ${r.held} cần xử lý` : ''}.`);
    return 0;
  },
};

const syncStatusCommand: CliCommand = {
  name: 'sync status',
  summary: 'Tình trạng đồng bộ / Sync status',
  usage: 'ansinh sync status --db PATH [--json]',
  options: {},
  needsUser: true,
  async run(ctx) {
    const s = await ctx.call('sync.status', {});
    ctx.print(s, [s.problem ?? `Máy chủ tỉnh: ${s.hubUrl}`, `Chờ gửi: ${s.pending}; cần xử lý: ${s.issues}`,
      `Lần đồng bộ thành công gần nhất: ${s.lastSuccess ?? 'chưa có'}`, ...(s.lastError ? [`Lỗi gần nhất: ${s.lastError}`] : [])].join('\n'));
    return 0;
  },
};

export const syncCommands: CliCommand[] = [syncEnrol, syncNowCommand, syncStatusCommand];
