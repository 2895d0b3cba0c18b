import { readFileSync, writeFileSync } from 'node:fs';
import { AppError } from '../../../app/errors';
import { registerLocalFile, discardUpload } from '../../../app/uploads';
import { saveDownloadTo } from '../save-download';
import { openHubStore } from '../../../../hub/store';
import { importBundle } from '../../../../hub/bundle-import';
import { HubRefusal } from '../../../../hub/hub-refusal';
import type { CliCommand, CliContext } from '../cli-command';

const out = (ctx: CliContext, required: string) => {
  const v = ctx.values.out;
  if (typeof v !== 'string' || !v) throw new AppError('usage', required, 'Give --out FILE.');
  return v;
};

/** At the commune: everything the hub has not acknowledged, as one file for the USB stick. */
const bundleExport: CliCommand = {
  name: 'bundle export',
  summary: 'Xuất gói đồng bộ (mã hóa, có chữ ký) ra USB cho máy chủ tỉnh / Export the sync bundle for the hub (USB)',
  usage: 'ansinh bundle export --db PATH --out FILE [--json]',
  options: { out: { type: 'string' } },
  needsUser: true,
  async run(ctx) {
    const file = out(ctx, 'Cần --out TỆP (nơi ghi gói đồng bộ, ví dụ trên USB).');
    const made = await ctx.call('sync.exportBundle', {});
    saveDownloadTo(made.downloadRef, file);
    ctx.print({ out: file, number: made.number, entries: made.entries }, `Đã ghi gói đồng bộ số ${made.number} (${made.entries} thay đổi chưa được tỉnh xác nhận) vào ${file}.`);
    return 0;
  },
};

/** At the hub: verifies and applies a commune's bundle, writes the receipt bundle to carry back. */
const bundleImport: CliCommand = {
  name: 'bundle import',
  summary: 'Nhập gói đồng bộ của xã vào máy chủ tỉnh, ghi biên nhận / Import a commune\'s bundle at the hub, write the receipt',
  usage: 'ansinh bundle import FILE [--out RECEIPT] [--hub-data DIR] [--json]   (DATABASE_URL=postgres://… for PostgreSQL)',
  options: { out: { type: 'string' }, 'hub-data': { type: 'string' } },
  async run(ctx) {
    const file = ctx.positionals[0];
    if (!file) throw new AppError('usage', 'Cần đường dẫn tệp gói đồng bộ.', 'Give the bundle file.');
    const receiptPath = typeof ctx.values.out === 'string' && ctx.values.out ? ctx.values.out : `${file}.bien-nhan`;
    const env = ctx.io.env ?? process.env;
    const store = await openHubStore({ databaseUrl: env.DATABASE_URL, dataDir: (ctx.values['hub-data'] as string | undefined) ?? env.HUB_DATA });
    try {
      const result = await importBundle(store, readFileSync(file));
      writeFileSync(receiptPath, result.bytes);
      const refused = result.push.outcomes.length;
      ctx.print({ device: result.device, number: result.number, replay: result.replay, entries: result.received, acked: result.push.acked, notApplied: refused, receipt: receiptPath },
        result.replay ? `Gói số ${result.number} đã được nhập trước đây: không có gì thay đổi. Biên nhận ghi lại vào ${receiptPath}.`
          : `Đã nhập gói số ${result.number}: ${result.received} thay đổi${refused ? `, ${refused} cần xử lý` : ''}. Biên nhận: ${receiptPath} (chép về máy xã).`);
      return 0;
    } catch (e) {
      if (e instanceof HubRefusal) throw new AppError(e.code, e.vi, e.en);
      throw e;
    } finally {
      await store.close();
    }
  },
};

/** At the commune: the hub's receipt. */
const bundleReceipt: CliCommand = {
  name: 'bundle receipt',
  summary: 'Nhập biên nhận của máy chủ tỉnh vào máy xã / Import the hub\'s receipt at the commune',
  usage: 'ansinh bundle receipt FILE --db PATH [--json]',
  options: {},
  needsUser: true,
  async run(ctx) {
    const file = ctx.positionals[0];
    if (!file) throw new AppError('usage', 'Cần đường dẫn tệp biên nhận.', 'Give the receipt file.');
    const fileRef = registerLocalFile(file);
    try {
      const r = await ctx.call('sync.importReceipt', { fileRef });
      ctx.print(r, `Biên nhận gói số ${r.number}: tỉnh đã nhận đến thay đổi số ${r.acked}; nhận về ${r.received} thay đổi${r.held ? `, ${r.held} cần xử lý` : ''}.`);
      return 0;
    } finally {
      discardUpload(fileRef);
    }
  },
};

export const bundleCommands: CliCommand[] = [bundleExport, bundleImport, bundleReceipt];
