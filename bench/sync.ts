// `npm run bench:sync`: a commune pushes 10,000 changed fields to the hub through our own bad-line proxy set to
// 64 kbit/s, 800 ms round trip and 2% loss, with two connection cuts, and sync resumes after each. Then the load
// figure: 200 offices pushing at once to one hub process, on PGlite and (when scripts/ensure-postgres.sh can start
// one) on PostgreSQL. Prints one JSON line:
// {"seconds","bytesPerChangedField","resentBytes","ratio","changes","payloadBytes","load":{"pglite":{"batchesPerSecond","p95Ms"},"postgres":{…}}}
// ratio: the push's time over the time its compressed payload alone needs at 64 kbit/s. bytesPerChangedField: every
// byte sent up the line (requests, headers, what a cut lost) over the fields changed. resentBytes: what the cuts lost on
// the line (sent again); cutConnectionBytes: everything that went up connections that were later cut.
// BENCH_CHANGES (default 10000), BENCH_OFFICES (default 200), BENCH_PART=push|load (default both).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type AppDatabase } from '../main/core/database/open-database';
import { migrationsDir } from '../main/core/app-paths';
import { runCommand, type Actor } from '../main/core/write-path';
import { beneficiaryTable } from '../main/registry/synced-tables';
import { currentUnitId, ensureAdminUnitReference } from '../main/registry/admin-unit-reference';
import { enrolWithHub, syncNow } from '../main/sync/sync-service';
import { SyncRefusal } from '../main/sync/sync-state';
import { outboxBatch } from '../main/sync/outbox';
import { callHub } from '../main/sync/hub-client';
import { newBoxKeys, newSigningKeys } from '../main/sync/sync-crypto';
import { deflateSync, strToU8 } from 'fflate';
import { openHubStore, type HubStore } from '../hub/store';
import { startHubServer } from '../hub/server';
import { hubIdentity } from '../hub/hub-identity';
import { addOffice, enrolDevice, issueEnrolmentCode } from '../hub/offices';
import { PROTOCOL_VERSION, batchIdOf, type PushBatch, type WireEntry } from '../shared/sync/protocol';
import { startBadNetwork } from '../tests/support/bad-network';
import { seededRandom } from '../tests/support/bad-network';

const CHANGES = Number(process.env.BENCH_CHANGES ?? 10_000);
const OFFICES = Number(process.env.BENCH_OFFICES ?? 200);
const PART = process.env.BENCH_PART ?? 'all';
const BYTES_PER_SECOND = 8000; // 64 kbit/s
const clerk: Actor = { userId: 'u-bench', origin: 'cli' };
const UNIT = currentUnitId('00004');
const VILLAGES = ['Thôn Bắc', 'Thôn Nam', 'Thôn Đông', 'Thôn Tây', 'Xóm Chùa', 'Xóm Mới', 'Thôn Trung', 'Thôn Hạ'];

const dir = mkdtempSync(path.join(os.tmpdir(), 'ansinh-bench-sync-'));

async function pushOverBadLine() {
  const store = await openHubStore({ dataDir: path.join(dir, 'hub-push') });
  const hub = await startHubServer(store);
  const db = openDatabase({ path: path.join(dir, 'commune.db'), migrationsFolder: migrationsDir(), create: true });
  try {
    ensureAdminUnitReference(db);
    const office = await addOffice(store, { unitId: UNIT, name: 'Xã bench' });
    await enrolWithHub(db, hub.url, await issueEnrolmentCode(store, await hubIdentity(store), office.id));
    // The register the commune already shared (not measured): 2,000 people.
    const people = runCommand(db, clerk, 'import', (w) => Array.from({ length: 2000 }, (_, i) => w.insert(beneficiaryTable, {
      unitId: UNIT, fullName: `Người số ${i}`, birth: '1950', village: VILLAGES[i % 8], categoryGroup: 'BTXH', categoryLabel: 'Người cao tuổi' })), { bulk: true }).result;
    await syncNow(db);
    // The work to send: edits of one or two fields each, as a clerk makes them, CHANGES changed fields in all.
    const random = seededRandom(7);
    let fields = 0;
    while (fields < CHANGES) {
      const id = people[Math.floor(random() * people.length)];
      const patch: Record<string, unknown> = random() < 0.5
        ? { village: VILLAGES[Math.floor(random() * 8)] + ' ' + Math.floor(random() * 100) }
        : { birth: `19${30 + Math.floor(random() * 50)}-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 9)}` };
      if (random() < 0.5 && fields + 1 < CHANGES) patch.hometown = `Xã ${Math.floor(random() * 1000)}`;
      fields += runCommand(db, clerk, 'manual-edit', (w) => w.update(beneficiaryTable, id, patch)).changes;
    }
    const pendingBatch = outboxBatch(db, (await syncStatusAcked(db)), Number.MAX_SAFE_INTEGER)!;
    const payloadBytes = deflateSync(strToU8(JSON.stringify(pendingBatch)), { level: 9 }).length;
    const net = await startBadNetwork({ host: '127.0.0.1', port: hub.port }, { bytesPerSecond: BYTES_PER_SECOND, rttMs: 800, loss: 0.02, cutChance: 0 }, seededRandom(11));
    net.cutAt = [Math.round(payloadBytes * 0.3), Math.round(payloadBytes * 0.7)];
    const started = Date.now();
    for (let attempt = 0; ; attempt++) {
      try {
        const r = await syncNow(db, { viaUrl: net.url, timeoutMs: 120_000 });
        if (r.acked >= pendingBatch.upTo) break;
      } catch (e) {
        if (!(e instanceof SyncRefusal) || attempt > 20) throw e;
      }
    }
    const seconds = (Date.now() - started) / 1000;
    const cuts = net.cuts;
    await net.close();
    const idealSeconds = payloadBytes / BYTES_PER_SECOND;
    return {
      seconds: round(seconds),
      bytesPerChangedField: round(net.upstreamBytes / fields),
      resentBytes: net.lostBytes,
      cutConnectionBytes: net.cutBytes,
      ratio: round(seconds / idealSeconds),
      changes: fields,
      payloadBytes,
      cuts,
    };
  } finally {
    db.close();
    await hub.close();
    await store.close();
  }
}

async function syncStatusAcked(db: AppDatabase): Promise<number> {
  const { ackedSeq } = await import('../main/sync/sync-state');
  return ackedSeq(db);
}

/** OFFICES devices push five batches of fifty new records each, all at once; per-batch latency measured. */
async function load(store: HubStore) {
  const hub = await startHubServer(store);
  const identity = await hubIdentity(store);
  try {
    const devices = [];
    for (let i = 0; i < OFFICES; i++) {
      const office = await addOffice(store, { unitId: currentUnitId('00004'), name: `Xã ${i}` });
      const code = await issueEnrolmentCode(store, identity, office.id);
      const sign = newSigningKeys();
      const device = randomUUID();
      await enrolDevice(store, { code, device, signKey: sign.publicKey, boxKey: newBoxKeys().publicKey });
      devices.push({ device, sign });
    }
    const latencies: number[] = [];
    const started = Date.now();
    await Promise.all(devices.map(async ({ device, sign }) => {
      const caller = { url: hub.url, device, signPrivate: sign.privateKey, hubSignKey: identity.signPublic, timeoutMs: 300_000 };
      for (let b = 0; b < 5; b++) {
        const batch = syntheticBatch(device, b * 50, 50);
        const t = Date.now();
        await callHub(caller, '/v1/push', batch);
        latencies.push(Date.now() - t);
      }
    }));
    const seconds = (Date.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    return { batchesPerSecond: round(latencies.length / seconds), p95Ms: latencies[Math.floor(latencies.length * 0.95)], offices: OFFICES, batches: latencies.length };
  } finally {
    await hub.close();
  }
}

function syntheticBatch(device: string, after: number, n: number): PushBatch {
  const command = randomUUID();
  const hlc = `${Date.now().toString().padStart(15, '0')}-00000-${device}`;
  const entries: WireEntry[] = Array.from({ length: n }, (_, i) => ({
    seq: after + i + 1, hlc, command, entity: 'beneficiaries', id: randomUUID(), op: 'insert', field: null, base: null,
    value: JSON.stringify({ unitId: UNIT, fullName: `Người ${after + i}`, birth: '1950-01-01', village: VILLAGES[i % 8], categoryGroup: 'BTXH', categoryLabel: 'Người cao tuổi', status: 'active' }),
  }));
  return { v: PROTOCOL_VERSION, batchId: batchIdOf(device, after, after + n), device, after, upTo: after + n, commands: [{ id: command, name: 'import', user: 'u', origin: 'cli', hlc }], entries };
}

async function loadOnPostgres() {
  let url: string;
  try {
    url = execFileSync('bash', [path.join(import.meta.dirname, '..', 'scripts', 'ensure-postgres.sh')], { encoding: 'utf8' }).trim();
  } catch {
    return null;
  }
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  const name = `ansinh_bench_${process.pid}`;
  await admin.query(`DROP DATABASE IF EXISTS ${name}`);
  await admin.query(`CREATE DATABASE ${name}`);
  const store = await openHubStore({ databaseUrl: url.replace(/\/[^/]*$/, `/${name}`) });
  try {
    return await load(store);
  } finally {
    await store.close();
    await admin.query(`DROP DATABASE IF EXISTS ${name}`);
    await admin.end();
  }
}

const round = (x: number) => Math.round(x * 100) / 100;

try {
  const push = PART === 'load' ? {} : await pushOverBadLine();
  const result: Record<string, unknown> = { ...push };
  if (PART !== 'push') {
    const pgliteStore = await openHubStore({ dataDir: path.join(dir, 'hub-load') });
    const pglite = await load(pgliteStore).finally(() => pgliteStore.close());
    result.load = { pglite, postgres: await loadOnPostgres() };
  }
  console.log(JSON.stringify(result));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
