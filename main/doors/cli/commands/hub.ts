import { AppError } from '../../../app/errors';
import { runHub } from '../../../../hub/main';
import { openHubStore } from '../../../../hub/store';
import { hubIdentity } from '../../../../hub/hub-identity';
import { addOffice, issueEnrolmentCode, revokeDevice } from '../../../../hub/offices';
import type { CliCommand, CliContext } from '../cli-command';

// The province hub's own commands: no desktop database, no app user (the hub's administrator runs them on the hub).

async function withStore<T>(ctx: CliContext, work: (store: Awaited<ReturnType<typeof openHubStore>>) => Promise<T>): Promise<T> {
  const env = ctx.io.env ?? process.env;
  const store = await openHubStore({ databaseUrl: env.DATABASE_URL, dataDir: (ctx.values['hub-data'] as string | undefined) ?? env.HUB_DATA });
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

const hubServe: CliCommand = {
  name: 'hub',
  summary: 'Chạy máy chủ tỉnh / Run the province hub (DATABASE_URL or embedded PGlite)',
  usage: 'ansinh hub [--port N] [--hub-data DIR]',
  options: { port: { type: 'string' }, 'hub-data': { type: 'string' } },
  async run(ctx) {
    const env = { ...(ctx.io.env ?? process.env) };
    if (typeof ctx.values.port === 'string') env.HUB_PORT = ctx.values.port;
    if (typeof ctx.values['hub-data'] === 'string') env.HUB_DATA = ctx.values['hub-data'];
    await runHub(env);
    await new Promise(() => undefined); // serves until stopped
    return 0;
  },
};

const hubOffice: CliCommand = {
  name: 'hub office',
  summary: 'Thêm văn phòng (xã hoặc cấp trên) và cấp mã đăng ký một lần / Add an office and issue a one-time enrolment code',
  usage: 'ansinh hub office --unit UNIT_ID --name "Xã …" [--area UNIT_ID,UNIT_ID…] [--publishes] [--hub-data DIR] [--json]   (--publishes: its units, levels and regimes go to every office)',
  options: { unit: { type: 'string' }, name: { type: 'string' }, area: { type: 'string' }, publishes: { type: 'boolean' }, 'hub-data': { type: 'string' } },
  async run(ctx) {
    const { unit, name, area } = ctx.values;
    if (typeof unit !== 'string' || typeof name !== 'string') throw new AppError('usage', 'Cần --unit MÃ_ĐƠN_VỊ và --name TÊN.', 'Give --unit and --name.');
    const made = await withStore(ctx, async (store) => {
      const office = await addOffice(store, { unitId: unit, name, area: typeof area === 'string' ? area.split(',').map((a) => a.trim()).filter(Boolean) : undefined,
        publishes: ctx.values.publishes === true });
      return { office, code: await issueEnrolmentCode(store, await hubIdentity(store), office.id) };
    });
    ctx.print(made, `Văn phòng ${made.office.name} (${made.office.id}). Mã đăng ký một lần (7 ngày): ${made.code}`);
    return 0;
  },
};

const hubCode: CliCommand = {
  name: 'hub code',
  summary: 'Cấp mã đăng ký mới cho một văn phòng / Issue a new enrolment code for an office',
  usage: 'ansinh hub code --office OFFICE_ID [--hub-data DIR] [--json]',
  options: { office: { type: 'string' }, 'hub-data': { type: 'string' } },
  async run(ctx) {
    const office = ctx.values.office;
    if (typeof office !== 'string') throw new AppError('usage', 'Cần --office MÃ_VĂN_PHÒNG.', 'Give --office.');
    const code = await withStore(ctx, async (store) => issueEnrolmentCode(store, await hubIdentity(store), office));
    ctx.print({ code }, `Mã đăng ký một lần (7 ngày): ${code}`);
    return 0;
  },
};

const hubRevoke: CliCommand = {
  name: 'hub revoke',
  summary: 'Thu hồi quyền đồng bộ của một thiết bị (máy bị mất) / Revoke a device',
  usage: 'ansinh hub revoke DEVICE_ID [--hub-data DIR]',
  options: { 'hub-data': { type: 'string' } },
  async run(ctx) {
    const device = ctx.positionals[0];
    if (!device) throw new AppError('usage', 'Cần mã thiết bị.', 'Give the device id.');
    await withStore(ctx, (store) => revokeDevice(store, device));
    ctx.print({ revoked: device }, `Đã thu hồi thiết bị ${device}.`);
    return 0;
  },
};

export const hubCommands: CliCommand[] = [hubServe, hubOffice, hubCode, hubRevoke];
