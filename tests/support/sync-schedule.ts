import { expect } from 'vitest';
import type { AppDatabase } from '../../main/core/database/open-database';
import { openDatabase } from '../../main/core/database/open-database';
import { migrationsDir } from '../../main/core/app-paths';
import { runCommand } from '../../main/core/write-path';
import { beneficiaryTable } from '../../main/registry/synced-tables';
import { referenceRows } from '../../main/registry/admin-unit-reference';
import { syncNow } from '../../main/sync/sync-service';
import { SyncRefusal } from '../../main/sync/sync-state';
import { exportBundle, importReceipt } from '../../main/sync/bundles';
import { importBundle } from '../../hub/bundle-import';
import { startHubServer } from '../../hub/server';
import { enrolledDesktop, peopleOf, clerk, PROVINCE, type TestHub } from './sync-hub';
import { GOOD_LINE, seededRandom, startBadNetwork, type BadNetwork } from './bad-network';

// One random schedule of a commune and the office above (see tests/hub/convergence.test.ts), replayable from its seed.

const STEPS = 40;
let communeIds: string[] | null = null;
const communes = () => (communeIds ??= referenceRows().units.filter((u) => u.level === 'commune' && u.effectiveTo === null).slice(0, 500).map((u) => u.id));

export async function schedule(hub: TestHub, dir: string, seed: number): Promise<void> {
  const communes_ = communes();
  const random = seededRandom(seed);
  const pick = <T,>(list: T[]) => list[Math.floor(random() * list.length)];
  const unit = communes_[seed % communes_.length];
  let commune = await enrolledDesktop(hub, dir, `xa-${seed}`, { unitId: unit });
  const above = await enrolledDesktop(hub, dir, `tren-${seed}`, { unitId: PROVINCE, area: [unit] });
  const communePath = commune.path;
  let server = hub.server;
  const net: BadNetwork = await startBadNetwork({ host: '127.0.0.1', port: server.port }, { bytesPerSecond: 400_000, rttMs: 20, loss: 0.02, cutChance: 0.01 }, seededRandom(seed * 7919));
  // On odd seeds the commune's PC clock is five hours ahead, on seeds 2 mod 4 three hours behind: the HLC never decides anything.
  const skew = seed % 2 ? 5 * 3600_000 : seed % 4 === 2 ? -3 * 3600_000 : 0;
  const bundles: Buffer[] = [];
  const receipts: Buffer[] = [];
  const log: string[] = [];
  const attempt = async (what: string, work: () => Promise<unknown>) => {
    try {
      await work();
      log.push(what);
    } catch (e) {
      if (!(e instanceof SyncRefusal)) throw e;
      log.push(`${what}: ${e.code}`);
    }
  };
  let names = 0;
  try {
    for (let step = 0; step < STEPS; step++) {
      const r = random();
      if (r < 0.2) {
        const n = 1 + Math.floor(random() * 3);
        runCommand(commune, clerk, 'import', (w) => Array.from({ length: n }, () => w.insert(beneficiaryTable, {
          unitId: unit, fullName: `Người thứ ${++names}`, birth: '1960', categoryGroup: 'BTXH', categoryLabel: 'Người cao tuổi' })), { now: () => Date.now() + skew });
        log.push(`add ${n}`);
      } else if (r < 0.35) {
        const ids = peopleOf(commune).map((p) => String(p.id));
        if (ids.length) runCommand(commune, clerk, 'manual-edit', (w) => w.update(beneficiaryTable, pick(ids), random() < 0.5 ? { village: `Thôn ${step}` } : { birth: `19${40 + step}` }), { now: () => Date.now() + skew });
        log.push('edit here');
      } else if (r < 0.5) {
        const ids = peopleOf(above).map((p) => String(p.id));
        if (ids.length) runCommand(above, clerk, 'manual-edit', (w) => w.update(beneficiaryTable, pick(ids), { hometown: `Quê ${step}` }));
        log.push('edit above');
      } else if (r < 0.65) {
        await attempt('commune sync', () => syncNow(commune, { viaUrl: net.url, batchEntries: 7, timeoutMs: 5_000 }));
      } else if (r < 0.75) {
        await attempt('above sync', () => syncNow(above, { viaUrl: net.url, batchEntries: 7, timeoutMs: 5_000 }));
      } else if (r < 0.83) {
        bundles.push(exportBundle(commune).bytes);
        log.push('bundle out');
      } else if (r < 0.9) {
        if (bundles.length) receipts.push((await importBundle(hub.store, pick(bundles))).bytes);
        log.push('bundle in at hub');
      } else if (r < 0.95) {
        if (receipts.length) importReceipt(commune, pick(receipts));
        log.push('receipt in');
      } else if (r < 0.98) {
        commune.close();
        commune = openDatabase({ path: communePath, migrationsFolder: migrationsDir() });
        log.push('commune restarts');
      } else {
        // The hub process restarts (its state is all in the store): a new server, elsewhere.
        const old = server;
        server = await startHubServer(hub.store);
        net.target = { host: '127.0.0.1', port: server.port };
        if (old !== hub.server) await old.close();
        net.cutAll();
        log.push('hub restarts');
      }
    }
    // The line is good again: a few rounds settle everything.
    net.settings = GOOD_LINE;
    // (A connection kept alive across a cut may fail once more, as the background sync would see: it tries again.)
    const settle = async (db: AppDatabase) => {
      for (let tries = 0; ; tries++) {
        try {
          return await syncNow(db, { viaUrl: net.url });
        } catch (e) {
          if (!(e instanceof SyncRefusal && e.code === 'offline') || tries >= 3) throw e;
        }
      }
    };
    for (let round = 0; round < 3; round++) {
      await settle(commune);
      await settle(above);
    }
    const context = `seed ${seed} (${net.cuts} cuts): ${log.join(" · ")}`;
    if (process.env.ANSINH_SYNC_VERBOSE) console.log(context);
    expect(peopleOf(above), context).toEqual(peopleOf(commune));
    const own = (db: AppDatabase, device: string) => db.sqlite.prepare('SELECT count(*) FROM change_log WHERE device_id = ?').pluck().get(device) as number;
    const atHub = async (device: string) => Number((await hub.store.query<{ n: number; d: number }>('SELECT count(*) AS n FROM entries WHERE device_id = $1', [device]))[0].n);
    // Every change of each side is at the hub once, and at the other side once (the log's key is (device, seq)).
    expect(await atHub(commune.deviceId), context).toBe(own(commune, commune.deviceId));
    expect(await atHub(above.deviceId), context).toBe(own(above, above.deviceId));
    expect(own(above, commune.deviceId), context).toBe(own(commune, commune.deviceId));
    expect(own(commune, above.deviceId), context).toBe(own(above, above.deviceId));
    const conflicts = await hub.store.query('SELECT * FROM conflicts WHERE device_id IN ($1, $2)', [commune.deviceId, above.deviceId]);
    expect(conflicts, context).toEqual([]);
  } finally {
    await net.close();
    if (server !== hub.server) await server.close();
    commune.close();
    above.close();
  }
}
