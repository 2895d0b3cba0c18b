import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, cpSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../main/core/database/open-database';
import { migrationsDir } from '../../main/core/app-paths';
import { runCommand } from '../../main/core/write-path';
import { seededRandom } from '../../main/demo/seeded-random';
import { ensureAdminUnitReference } from '../../main/registry/admin-unit-reference';
import { beneficiaryTable } from '../../main/registry/synced-tables';
import { enrolWithHub, syncNow } from '../../main/sync/sync-service';
import { exportBundle } from '../../main/sync/bundles';
import { openHubStore, type HubStore } from '../../hub/store';
import { startHubServer } from '../../hub/server';
import { hubIdentity } from '../../hub/hub-identity';
import { addOffice, issueEnrolmentCode } from '../../hub/offices';
import { checkHubCursor, deskSyncFacts, hubFacts, sameSyncEnd, type DeskSyncFacts, type HubFacts } from '../main/crash/sync-world';
import { COMMUNE_X, clerk } from '../support/sync-hub';
import { tempDir } from '../support/temp-database';

// The province hub's own process SIGKILLed while a commune pushes to it (a power cut at the province, the process
// killed by the machine's memory guard): restarted on the same store, the commune's next sync must end where an
// uninterrupted one does, every change at the hub once, the hub's pull cursor whole. The hub runs as `npm run hub`
// runs it, in a process of its own, on PGlite in a folder (its embedded default: the process IS the database) and on
// PostgreSQL (the process holds nothing; the database survives it). Kill moments are seeded: CRASH_SEED replays them.

const seed = Number(process.env.CRASH_SEED ?? Math.floor(Math.random() * 2 ** 31));
const PEOPLE = 1500;
const BATCH = 150;
const KILLS = 4;
const root = resolve(__dirname, '../..');

let dir: string;
let cleanup: () => void;
beforeAll(() => ({ dir, cleanup } = tempDir()));
afterAll(() => cleanup());

interface HubProcess { url: string; child: ChildProcess; exited: Promise<void> }
/** Where a hub keeps its store: a PGlite folder or a PostgreSQL database. */
type StoreAt = { dataDir: string } | { databaseUrl: string };

/** This process's environment without a PostgreSQL address: a hub started with it keeps its store in a folder. */
function envWithoutDatabaseUrl(): NodeJS.ProcessEnv {
  const { DATABASE_URL: _ignored, ...env } = process.env;
  return env;
}

async function withStore<T>(at: StoreAt, work: (store: HubStore) => Promise<T>): Promise<T> {
  const store = await openHubStore(at);
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

/** `npm run hub` in a process of its own, on this store; answers once it listens. */
function startHubProcess(store: StoreAt): Promise<HubProcess> {
  const env = { ...envWithoutDatabaseUrl(), HUB_PORT: '0', ...('dataDir' in store ? { HUB_DATA: store.dataDir } : { DATABASE_URL: store.databaseUrl }) };
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'hub/main.ts')], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  return new Promise((done, fail) => {
    let out = '';
    child.stdout!.on('data', (d) => {
      out += String(d);
      const url = /(http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1];
      if (url) done({ url, child, exited });
    });
    child.stderr!.on('data', (d) => { out += String(d); });
    child.once('exit', (code) => fail(new Error(`the hub stopped before listening (${code}): ${out}`)));
  });
}

async function stopHub(hub: HubProcess, signal: NodeJS.Signals): Promise<void> {
  hub.child.kill(signal);
  await hub.exited;
}

/** A commune's database with PEOPLE people to push, enrolled with a new hub on `at`. */
function prepare(at: StoreAt, deskPath: string): Promise<void> {
  return withStore(at, (store) => enrolWithPeople(store, deskPath));
}

async function enrolWithPeople(store: HubStore, deskPath: string): Promise<void> {
  const server = await startHubServer(store);
  try {
    const office = await addOffice(store, { unitId: COMMUNE_X, name: 'Xã thử' });
    const db = openDatabase({ path: deskPath, migrationsFolder: migrationsDir(), create: true });
    try {
      ensureAdminUnitReference(db);
      await enrolWithHub(db, server.url, await issueEnrolmentCode(store, await hubIdentity(store), office.id));
      // One command per hundred people: many commands and entries, as a day's edits and imports make them.
      for (let c = 0; c < PEOPLE / 100; c++) {
        runCommand(db, clerk, 'import', (w) => {
          for (let i = 0; i < 100; i++) w.insert(beneficiaryTable, { unitId: COMMUNE_X, fullName: `Người ${c}-${i}`, birth: `19${40 + (i % 50)}`, categoryGroup: 'BTXH', categoryLabel: 'Người cao tuổi' });
        });
      }
      db.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      db.close();
    }
  } finally {
    await server.close();
  }
}

/** Syncs until a round goes through whole (the hub may still be starting). */
async function syncToTheEnd(deskPath: string, url: string): Promise<void> {
  const db = openDatabase({ path: deskPath, migrationsFolder: migrationsDir() });
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        await syncNow(db, { viaUrl: url, batchEntries: BATCH });
        return;
      } catch (e) {
        if (attempt >= 5) throw e;
        await new Promise((r) => setTimeout(r, 300));
      }
    }
  } finally {
    db.close();
  }
}

/**
 * One kill: the commune pushes to the hub process, which is SIGKILLed `killAfterMs` into the sync; then it is started
 * again on the same store and the commune syncs to the end. Returns both sides' facts, read with the hub stopped.
 */
async function killedSync(hubStore: StoreAt, deskPath: string, killAfterMs: number): Promise<{ hub: HubFacts; desk: DeskSyncFacts; killedMidway: boolean }> {
  const hub = await startHubProcess(hubStore);
  const db = openDatabase({ path: deskPath, migrationsFolder: migrationsDir() });
  let finished = false;
  try {
    const sync = syncNow(db, { viaUrl: hub.url, batchEntries: BATCH }).then(() => { finished = true; }, () => undefined);
    await new Promise((r) => setTimeout(r, killAfterMs));
    await stopHub(hub, 'SIGKILL');
    await sync;
  } finally {
    db.close();
  }
  const again = await startHubProcess(hubStore);
  try {
    await syncToTheEnd(deskPath, again.url);
    // A second round sends nothing new and changes nothing at the hub.
    const db2 = openDatabase({ path: deskPath, migrationsFolder: migrationsDir() });
    try {
      expect((await syncNow(db2, { viaUrl: again.url, batchEntries: BATCH })).pushed).toBe(0);
    } finally {
      db2.close();
    }
  } finally {
    await stopHub(again, 'SIGTERM');
  }
  const desk = deskSyncFacts(deskPath);
  return { hub: await withStore(hubStore, (store) => hubFacts(store, desk.device)), desk, killedMidway: !finished };
}

/** The same commune synced once, uninterrupted, with a copy of the same hub. */
async function uninterrupted(hubStore: StoreAt, deskPath: string): Promise<{ hub: HubFacts; desk: DeskSyncFacts; ms: number }> {
  const hub = await startHubProcess(hubStore);
  const started = performance.now();
  try {
    await syncToTheEnd(deskPath, hub.url);
  } finally {
    await stopHub(hub, 'SIGTERM');
  }
  const ms = performance.now() - started;
  const desk = deskSyncFacts(deskPath);
  const facts = await withStore(hubStore, (store) => hubFacts(store, desk.device));
  checkHubCursor(facts);
  return { hub: facts, desk, ms };
}

async function killRounds(label: string, copyHub: (name: string) => Promise<StoreAt>, baseDesk: string): Promise<void> {
  console.log(`hub crash (${label}) seed ${seed} (CRASH_SEED=${seed} to replay)`);
  const refDesk = join(dir, `${label}-reference.db`);
  copyFileSync(baseDesk, refDesk);
  const reference = await uninterrupted(await copyHub('reference'), refDesk);
  expect(reference.hub.communeAcked).toBe(reference.desk.ownLast);
  expect(reference.hub.fromCommune).toBeGreaterThanOrEqual(PEOPLE);
  const random = seededRandom(seed);
  let midway = 0;
  for (let k = 0; k < KILLS; k++) {
    const desk = join(dir, `${label}-kill-${k}.db`);
    copyFileSync(baseDesk, desk);
    const killAfterMs = Math.round(30 + random.next() * reference.ms * 0.6);
    const found = await killedSync(await copyHub(`kill${k}`), desk, killAfterMs);
    if (found.killedMidway) midway += 1;
    checkHubCursor(found.hub);
    expect(sameSyncEnd(found, reference), `kill ${k} after ${killAfterMs} ms (seed ${seed})`).toBeNull();
  }
  console.log(JSON.stringify({ label, seed, referenceMs: Math.round(reference.ms), kills: KILLS, killedMidway: midway }));
  // Kills that all came after the sync had ended would have tested nothing.
  expect(midway, `seed ${seed}`).toBeGreaterThan(0);
}

describe('the hub process killed while a commune pushes', () => {
  it('on PGlite in a folder: restarted, the next sync ends where an uninterrupted one does', async () => {
    const base = join(dir, 'pglite-base');
    const baseDesk = join(dir, 'pglite-desk.db');
    await prepare({ dataDir: base }, baseDesk);
    await killRounds('pglite', async (name) => {
      const copy = join(dir, `pglite-${name}`);
      rmSync(copy, { recursive: true, force: true });
      cpSync(base, copy, { recursive: true });
      return { dataDir: copy };
    }, baseDesk);
  }, 300_000);

  it('on PostgreSQL: restarted, the next sync ends where an uninterrupted one does', async () => {
    const server = execFileSync('bash', [join(root, 'scripts/ensure-postgres.sh')], { encoding: 'utf8' }).trim();
    const admin = new pg.Client({ connectionString: server });
    await admin.connect();
    const prefix = `ansinh_hub_crash_${process.pid}`;
    const urlOf = (name: string) => server.replace(/\/[^/]*$/, `/${prefix}_${name}`);
    const made: string[] = [];
    const create = async (name: string, template?: string) => {
      await admin.query(`DROP DATABASE IF EXISTS ${prefix}_${name}`);
      await admin.query(`CREATE DATABASE ${prefix}_${name}${template ? ` TEMPLATE ${prefix}_${template}` : ''}`);
      made.push(name);
      return urlOf(name);
    };
    try {
      const baseDesk = join(dir, 'pg-desk.db');
      await prepare({ databaseUrl: await create('base') }, baseDesk);
      await killRounds('postgres', async (name) => ({ databaseUrl: await create(name, 'base') }), baseDesk);
    } finally {
      for (const name of made) await admin.query(`DROP DATABASE IF EXISTS ${prefix}_${name}`).catch(() => undefined);
      await admin.end();
    }
  }, 300_000);

  it('importing a USB bundle, on PGlite in a folder: killed, the next import applies it once, as an uncut one does', async () => {
    console.log(`bundle import crash seed ${seed} (CRASH_SEED=${seed} to replay)`);
    const base = join(dir, 'bundle-hub-base');
    const desk = join(dir, 'bundle-desk.db');
    await prepare({ dataDir: base }, desk);
    const db = openDatabase({ path: desk, migrationsFolder: migrationsDir() });
    const bundleFile = join(dir, 'xa.ansinh');
    let device: string;
    try {
      device = db.deviceId;
      writeFileSync(bundleFile, exportBundle(db).bytes);
    } finally {
      db.close();
    }
    const importAt = (hubDir: string) => spawn(process.execPath, [join(root, 'bin/ansinh.mjs'), 'bundle', 'import', bundleFile, '--hub-data', hubDir, '--out', `${hubDir}.bien-nhan`, '--json'],
      { stdio: ['ignore', 'pipe', 'pipe'], env: envWithoutDatabaseUrl() });
    const ended = (child: ChildProcess) => new Promise<{ code: number | null; signal: NodeJS.Signals | null; out: string }>((done) => {
      let out = '';
      child.stdout!.on('data', (d) => { out += String(d); });
      child.stderr!.on('data', (d) => { out += String(d); });
      child.once('exit', (code, signal) => done({ code, signal, out }));
    });
    const facts = (hubDir: string) => withStore({ dataDir: hubDir }, (store) => hubFacts(store, device));
    const copyOfBase = (name: string) => {
      const copy = join(dir, `bundle-hub-${name}`);
      cpSync(base, copy, { recursive: true });
      return copy;
    };

    // A first import warms the caches (tsx's compile cache, the page cache): timed cold, the kills would land after the end.
    expect((await ended(importAt(copyOfBase('warm-up')))).code).toBe(0);
    const refHub = copyOfBase('reference');
    const started = performance.now();
    const uncut = await ended(importAt(refHub));
    const refMs = performance.now() - started;
    expect(uncut.code, uncut.out).toBe(0);
    expect(JSON.parse(uncut.out)).toMatchObject({ replay: false, entries: PEOPLE });
    const reference = await facts(refHub);
    checkHubCursor(reference);
    expect(reference.fromCommune).toBe(PEOPLE);

    const random = seededRandom(seed);
    let killed = 0;
    for (let k = 0; k < KILLS; k++) {
      const hubDir = copyOfBase(`kill${k}`);
      const child = importAt(hubDir);
      const outcome = ended(child);
      const killAfterMs = Math.round(refMs * (0.55 + random.next() * 0.45)); // past most of the command line's start
      await new Promise((r) => setTimeout(r, killAfterMs));
      child.kill('SIGKILL');
      if ((await outcome).signal === 'SIGKILL') killed += 1;
      const again = await ended(importAt(hubDir));
      expect(again.code, again.out).toBe(0);
      const found = await facts(hubDir);
      checkHubCursor(found);
      expect(found, `kill ${k} after ${killAfterMs} ms (seed ${seed})`).toEqual(reference);
      // Once more: a replay, nothing changed.
      const replay = await ended(importAt(hubDir));
      expect(JSON.parse(replay.out)).toMatchObject({ replay: true });
      expect(await facts(hubDir)).toEqual(reference);
    }
    console.log(JSON.stringify({ label: 'bundle-import', seed, referenceMs: Math.round(refMs), kills: KILLS, killedRunning: killed }));
    expect(killed, `seed ${seed}`).toBeGreaterThan(0);
  }, 300_000);
});
