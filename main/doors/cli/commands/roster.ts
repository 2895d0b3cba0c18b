import { basename, resolve } from 'node:path';
import { registerLocalFile } from '../../../app/uploads';
import { AppError } from '../../../app/errors';
import { saveDownloadTo } from '../save-download';
import type { MethodOutput } from '../../../../shared/contract/methods';
import { formatCount, formatShare, formatVnd } from '../../../../shared/format/money';
import { formatPeriod } from '../../../../shared/payout/periods';
import { BLOCK_VI, rosterChannelVi, ROSTER_STATUS_VI } from '../../../../shared/payout/roster-labels';
import { BLOCK_CODES, type BlockCode, type RosterChannel } from '../../../../shared/payout/roster-line';
import { parseDay } from '../../../../shared/payout/typed-values';
import type { CliCommand, CliContext } from '../cli-command';

function period(ctx: CliContext): string {
  const p = ctx.values.period;
  if (typeof p !== 'string' || !p) throw new AppError('usage', 'Cần --period YYYY-MM (ví dụ --period 2026-12).', 'Give --period YYYY-MM.');
  return p;
}

function text(ctx: CliContext, name: string, required: string): string {
  const v = ctx.values[name];
  if (typeof v !== 'string' || !v.trim()) throw new AppError('usage', required, `Give --${name}.`);
  return v;
}

/** The roster as the issue's JSON: period, status, every line, the totals. */
export async function printRoster(ctx: CliContext, p: string, intro: string): Promise<void> {
  const view = await ctx.call('payout.get', { period: p, filter: 'all', offset: 0, limit: 1_000_000 });
  const doc = {
    period: view.period,
    status: view.status,
    lines: view.lines.map((l) => ({ key: l.key, idNumber: l.idNumber, fullName: l.fullName, village: l.village, regime: l.regime, amount: l.amount,
      months: l.months, channel: l.channel, bankBin: l.bankBin, accountNumber: l.accountNumber, blocked: l.blocked })),
    totals: view.totals,
  };
  ctx.print(doc, humanRoster(view, intro));
}

function humanRoster(view: MethodOutput<'payout.get'>, intro: string): string {
  const t = view.totals;
  const channels = Object.entries(t.byChannel).filter(([, c]) => c.lines > 0).map(([k, c]) => `  ${rosterChannelVi(k as RosterChannel, view.unitName)}: ${formatCount(c.lines)} dòng, ${formatVnd(c.amount)}`);
  return [...(intro ? [intro] : []), `Bảng kê tháng ${formatPeriod(view.period)} (${ROSTER_STATUS_VI[view.status]}): ${formatCount(t.lines)} dòng chi, ${formatVnd(t.amount)}; ${formatCount(t.blocked)} dòng bị chặn.`,
    ...channels, t.cashlessShare.byCount === null || t.cashlessShare.byAmount === null
      ? 'Không dùng tiền mặt: chưa có dòng nào đủ điều kiện chi (mục tiêu 100%).'
      : `Không dùng tiền mặt: ${formatShare(t.cashlessShare.byCount)} số người, ${formatShare(t.cashlessShare.byAmount)} số tiền (mục tiêu 100%).`,
    `Bằng chữ: ${t.amountInWords}.`].join('\n');
}

const rosterCreate: CliCommand = {
  name: 'roster create',
  summary: 'Lập (hoặc tính lại, khi còn nháp) bảng kê chi trả của một tháng / Create or recompute a month\'s payout roster',
  usage: 'ansinh roster create --period YYYY-MM --db PATH [--json]',
  options: { period: { type: 'string' } },
  needsUser: true,
  async run(ctx) {
    const p = period(ctx);
    const made = await ctx.call('payout.create', { period: p });
    ctx.progress(`Bảng kê ${formatPeriod(p)}: ${made.created} dòng mới, ${made.updated} cập nhật, ${made.removed} bỏ; ${made.entitlementsDerived} chế độ suy từ danh sách; ${made.amountChecksOpened} mức nhập khác mức tính.`);
    await printRoster(ctx, p, '');
    return 0;
  },
};

const rosterShow: CliCommand = {
  name: 'roster show',
  summary: 'Xem bảng kê chi trả của một tháng / Show a month\'s roster',
  usage: 'ansinh roster show --period YYYY-MM --db PATH [--json]',
  options: { period: { type: 'string' } },
  needsUser: true,
  async run(ctx) {
    await printRoster(ctx, period(ctx), '');
    return 0;
  },
};

const rosterApprove: CliCommand = {
  name: 'roster approve',
  summary: 'Duyệt bảng kê (lãnh đạo xã) / Approve the roster (approving role)',
  usage: 'ansinh roster approve --period YYYY-MM --db PATH [--leave-blocked-out] [--json]',
  options: { period: { type: 'string' }, 'leave-blocked-out': { type: 'boolean' } },
  needsUser: true,
  async run(ctx) {
    const r = await ctx.call('payout.approve', { period: period(ctx), leaveBlockedOut: ctx.values['leave-blocked-out'] === true });
    ctx.print(r, `Đã duyệt bảng kê tháng ${formatPeriod(r.period)}${r.heldOut ? `; ${r.heldOut} dòng bị chặn để sang kỳ sau` : ''}.`);
    return 0;
  },
};

const rosterLock: CliCommand = {
  name: 'roster lock',
  summary: 'Khoá bảng kê đã duyệt (lãnh đạo xã) / Lock an approved roster',
  usage: 'ansinh roster lock --period YYYY-MM --db PATH [--json]',
  options: { period: { type: 'string' } },
  needsUser: true,
  async run(ctx) {
    const r = await ctx.call('payout.lock', { period: period(ctx) });
    ctx.print(r, `Đã khoá bảng kê tháng ${formatPeriod(r.period)}: từ nay không sửa được; điều chỉnh vào kỳ sau.`);
    return 0;
  },
};

const rosterRelease: CliCommand = {
  name: 'roster release',
  summary: 'Giải toả một lý do chặn của một dòng (hoặc mọi dòng bị chặn vì lý do đó: --all), có ghi lý do / Release a block, with a reason',
  usage: 'ansinh roster release --period YYYY-MM (--key KEY | --all) --code CODE --reason "…" [--channel post-office|cash] --db PATH [--json]',
  options: { period: { type: 'string' }, key: { type: 'string', multiple: true }, all: { type: 'boolean' }, code: { type: 'string' }, reason: { type: 'string' }, channel: { type: 'string' } },
  needsUser: true,
  async run(ctx) {
    const channel = ctx.values.channel;
    if (channel !== undefined && channel !== 'post-office' && channel !== 'cash') throw new AppError('usage', '--channel phải là post-office hoặc cash.', '--channel is post-office or cash.');
    const p = period(ctx);
    const code = text(ctx, 'code', 'Cần --code (lý do chặn, ví dụ identity-not-verified).');
    if (!(BLOCK_CODES as readonly string[]).includes(code)) {
      const known = BLOCK_CODES.map((c) => `${c} (${BLOCK_VI[c]})`).join(', ');
      throw new AppError('usage', `Không có lý do chặn "${code}". Các lý do: ${known}.`, `No block code "${code}".`);
    }
    let keys = (ctx.values.key as string[] | undefined) ?? [];
    if (ctx.values.all === true) {
      const held = await ctx.call('payout.get', { period: p, filter: 'blocked', offset: 0, limit: 1_000_000 });
      keys = held.lines.filter((l) => l.blocked.some((b) => b.code === code)).map((l) => l.key);
      if (keys.length === 0) throw new AppError('none-held', `Không có dòng nào bị chặn vì “${BLOCK_VI[code as BlockCode]}”.`, `No line is held for ${code}.`);
    }
    if (keys.length === 0) throw new AppError('usage', 'Cần --key MÃ_DÒNG (hoặc --all).', 'Give --key KEY or --all.');
    const r = await ctx.call('payout.release', { period: p, keys, code: code as never, reason: text(ctx, 'reason', 'Cần --reason "lý do giải toả".'),
      channel: (channel ?? null) as 'post-office' | 'cash' | null });
    ctx.print({ period: p, code, released: r.released }, `Đã giải toả lý do “${BLOCK_VI[code as BlockCode]}” cho ${formatCount(r.released)} dòng.`);
    return 0;
  },
};

const rosterSettle: CliCommand = {
  name: 'roster settle',
  summary: 'Quyết định cho dòng chi không thành công: chuyển kỳ sau, chi tiền mặt, hoặc huỷ / Settle a failed line',
  usage: 'ansinh roster settle --period YYYY-MM --key KEY --decision carried-over|cash|cancelled --reason "…" [--yes] --db PATH',
  options: { period: { type: 'string' }, key: { type: 'string' }, decision: { type: 'string' }, reason: { type: 'string' }, yes: { type: 'boolean' } },
  needsUser: true,
  async run(ctx) {
    const decision = ctx.values.decision;
    if (decision !== 'carried-over' && decision !== 'cash' && decision !== 'cancelled') {
      throw new AppError('usage', '--decision phải là carried-over, cash hoặc cancelled.', '--decision is carried-over, cash or cancelled.');
    }
    if ((decision === 'cash' || decision === 'cancelled') && ctx.values.yes !== true) {
      throw new AppError('confirm', 'Chuyển sang tiền mặt hoặc huỷ cần xác nhận: thêm --yes.', 'Switching to cash or cancelling needs --yes.');
    }
    const input = { period: period(ctx), key: text(ctx, 'key', 'Cần --key (mã dòng).'), decision, reason: text(ctx, 'reason', 'Cần --reason "lý do".') } as const;
    await ctx.call('payout.settle', input);
    ctx.print({ ok: true, key: input.key, decision }, `Đã ghi quyết định (${decision}) cho dòng ${input.key}.`);
    return 0;
  },
};

const rosterPaid: CliCommand = {
  name: 'roster paid',
  summary: 'Ghi đã chi tiền mặt tại xã / qua bưu điện theo danh sách ký nhận / Record cash lines paid against the signed list',
  usage: 'ansinh roster paid --period YYYY-MM (--key KEY | --all-cash) --paid-on dd/mm/yyyy [--note "…"] --db PATH [--json]',
  options: { period: { type: 'string' }, key: { type: 'string', multiple: true }, 'all-cash': { type: 'boolean' }, 'paid-on': { type: 'string' }, note: { type: 'string' } },
  needsUser: true,
  async run(ctx) {
    const p = period(ctx);
    const paidOn = parseDay(text(ctx, 'paid-on', 'Cần --paid-on dd/mm/yyyy (ngày chi).'));
    if (!paidOn) throw new AppError('usage', '--paid-on phải là một ngày dạng dd/mm/yyyy.', '--paid-on is a date dd/mm/yyyy.');
    let keys = (ctx.values.key as string[] | undefined) ?? [];
    if (ctx.values['all-cash'] === true) {
      const waiting = await ctx.call('payout.get', { period: p, filter: 'awaiting', offset: 0, limit: 1_000_000 });
      keys = waiting.lines.filter((l) => l.channel === 'cash' || l.channel === 'post-office').map((l) => l.key);
      if (keys.length === 0) throw new AppError('none-waiting', 'Không còn dòng tiền mặt / bưu điện nào chờ chi.', 'No cash line is waiting.');
    }
    if (keys.length === 0) throw new AppError('usage', 'Cần --key MÃ_DÒNG (hoặc --all-cash).', 'Give --key KEY or --all-cash.');
    const note = typeof ctx.values.note === 'string' ? ctx.values.note : '';
    const r = await ctx.call('payout.confirmPaid', { period: p, keys, paidOn, note });
    ctx.print({ period: p, paid: r.paid, skipped: r.skipped }, [`Đã ghi ${r.paid} dòng đã chi ngày ${ctx.values['paid-on']}.`, ...r.skipped.map((x) => `  ${x.message}`)].join('\n'));
    return 0;
  },
};

const rosterExport: CliCommand = {
  name: 'roster export',
  summary: 'Xuất danh sách chuyển khoản, danh sách chi qua bưu điện hoặc bảng kê in (xlsx/pdf; ghi nhật ký) / Export a roster list',
  usage: 'ansinh roster export --period YYYY-MM --kind bank|post-office|printable [--bank BIN] --format xlsx|pdf --out FILE --db PATH [--json]',
  options: { period: { type: 'string' }, kind: { type: 'string' }, bank: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' } },
  needsUser: true,
  async run(ctx) {
    const kind = ctx.values.kind;
    if (kind !== 'bank' && kind !== 'post-office' && kind !== 'printable') throw new AppError('usage', '--kind phải là bank, post-office hoặc printable.', '--kind is bank, post-office or printable.');
    const out = text(ctx, 'out', 'Cần --out TỆP.');
    const format = ctx.values.format ?? (out.toLowerCase().endsWith('.pdf') ? 'pdf' : 'xlsx');
    if (format !== 'xlsx' && format !== 'pdf') throw new AppError('usage', '--format phải là xlsx hoặc pdf.', '--format is xlsx or pdf.');
    const bank = ctx.values.bank;
    if (bank !== undefined && (typeof bank !== 'string' || !/^\d{6}$/.test(bank))) throw new AppError('usage', '--bank là mã BIN 6 chữ số của ngân hàng (ví dụ 970405).', '--bank is a 6-digit bank BIN.');
    const p = period(ctx);
    const r = await ctx.call('payout.export', { period: p, kind, format, ...(bank ? { bankBin: bank } : {}) });
    const file = resolve(out);
    saveDownloadTo(r.downloadRef, file);
    ctx.print({ period: p, kind, ...(bank ? { bankBin: bank } : {}), format, file, count: r.count, amount: r.amount }, `Đã xuất ${r.count} dòng (${formatVnd(r.amount)}) ra ${file}`);
    return 0;
  },
};

const rosterReconcile: CliCommand = {
  name: 'roster reconcile',
  summary: 'Nhập tệp kết quả chi trả của ngân hàng / bưu điện để đối soát / Import a payer\'s result file',
  usage: 'ansinh roster reconcile FILE --period YYYY-MM --db PATH [--json]',
  options: { period: { type: 'string' } },
  needsUser: true,
  async run(ctx) {
    const file = ctx.positionals[0];
    if (!file) throw new AppError('usage', 'Cần tệp kết quả: ansinh roster reconcile TỆP.xlsx --period YYYY-MM', 'Give the result file.');
    // Registered where it lies (not copied); the handler lets go of the reference afterwards, never of the file.
    const r = await ctx.call('payout.reconcile', { period: period(ctx), fileRef: registerLocalFile(file), fileName: basename(file) });
    ctx.print(r, [`Đối soát ${basename(file)}: ${r.paid} đã chi, ${r.failed} thất bại, ${r.returned} bị trả lại; ${r.awaiting} dòng còn chờ kết quả.`,
      ...r.problems.map((p) => `  ${p.message}`)].join('\n'));
    return 0;
  },
};

export const rosterCommands: CliCommand[] = [rosterReconcile, rosterPaid, rosterExport, rosterCreate, rosterShow, rosterApprove, rosterLock, rosterRelease, rosterSettle];
