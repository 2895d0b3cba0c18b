import { cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase, type AppDatabase } from '../../../main/core/database/open-database';
import { migrationsDir } from '../../../main/core/app-paths';
import { readMeta } from '../../../main/core/database/meta';
import { runCommand } from '../../../main/core/write-path';
import { beneficiaryTable } from '../../../main/registry/synced-tables';
import { currentUnitId, ensureAdminUnitReference } from '../../../main/registry/admin-unit-reference';
import { DEMO_UNIT_CODES } from '../../../main/demo/seed-demo';
import { enrolWithHub, syncNow } from '../../../main/sync/sync-service';
import { openHubStore, type HubStore } from '../../../hub/store';
import { startHubServer } from '../../../hub/server';
import { hubIdentity } from '../../../hub/hub-identity';
import { addOffice, issueEnrolmentCode } from '../../../hub/offices';

// The crash harness's sync: a province hub (PGlite in a folder) that the commune's database is enrolled with, and the
// office above it, which has added people in the commune for the commune to receive. Each killed sync runs against
// a fresh copy of the hub as it was before the sync (the hub's folder copied, as the commune's database is), so every
// run starts from the same two sides; the hub runs in the harness's process, the killed sync in its child.

export interface SyncWorld {
  /** The hub's folder before any sync of the commune. */
  hubDir: string;
}

export interface RunningHubCopy {
  url: string;
  store: HubStore;
  close(): Promise<void>;
}

/** What the hub holds, and whether its pull cursor is whole (every applied entry numbered once, no gap). */
export interface HubFacts {
  entries: number;
  fromCommune: number;
  applied: number;
  counter: number;
  maxHubSeq: number;
  records: number;
  fieldStates: number;
  /** The commune's entries the hub holds (everything up to it, never again). */
  communeAcked: number;
}

/** The commune's side of sync, read from its database. */
export interface DeskSyncFacts {
  device: string;
  /** What the commune believes the hub holds of its entries. */
  acked: number;
  /** Its own last sequence number. */
  ownLast: number;
  pullCursor: number;
  /** Entries received from other devices, each once (the change log is keyed by device and sequence). */
  received: number;
}

/** Enrols the base database (the demo commune) with a new hub, and has the office above add `fromAbove` people in the commune. */
export async function prepareSyncWorld(dir: string, basePath: string, fromAbove: number): Promise<SyncWorld> {
  const hubDir = join(dir, 'hub-base');
  const store = await openHubStore({ dataDir: hubDir });
  const server = await startHubServer(store);
  try {
    const identity = await hubIdentity(store);
    const commune = currentUnitId(DEMO_UNIT_CODES.commune);
    const communeOffice = await addOffice(store, { unitId: commune, name: 'Xã Bình Sơn' });
    const aboveOffice = await addOffice(store, { unitId: currentUnitId(DEMO_UNIT_CODES.province), name: 'Sở', area: [commune] });
    const base = openDatabase({ path: basePath, migrationsFolder: migrationsDir() });
    try {
      await enrolWithHub(base, server.url, await issueEnrolmentCode(store, identity, communeOffice.id));
    } finally {
      base.close();
    }
    const above: AppDatabase = openDatabase({ path: join(dir, 'above.db'), migrationsFolder: migrationsDir(), create: true });
    try {
      ensureAdminUnitReference(above);
      await enrolWithHub(above, server.url, await issueEnrolmentCode(store, identity, aboveOffice.id));
      runCommand(above, { userId: null, origin: 'cli' }, 'import', (w) => {
        for (let i = 0; i < fromAbove; i++) w.insert(beneficiaryTable, { unitId: commune, fullName: `Người Tỉnh Thêm ${i + 1}`, birth: `19${40 + (i % 50)}`, categoryGroup: 'BTXH', categoryLabel: 'Người cao tuổi' });
      });
      await syncNow(above);
    } finally {
      above.close();
    }
  } finally {
    await server.close();
    await store.close();
  }
  return { hubDir };
}

/** A fresh copy of the hub as it was before the commune's sync, served on loopback. */
export async function startHubCopy(world: SyncWorld, dir: string): Promise<RunningHubCopy> {
  rmSync(dir, { recursive: true, force: true });
  cpSync(world.hubDir, dir, { recursive: true });
  const store = await openHubStore({ dataDir: dir });
  const server = await startHubServer(store);
  return {
    url: server.url,
    store,
    async close() {
      await server.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function hubFacts(store: HubStore, communeDevice: string): Promise<HubFacts> {
  const n = async (sql: string, params: unknown[] = []) => Number((await store.query<{ n: number | null }>(sql, params))[0]?.n ?? 0);
  return {
    entries: await n('SELECT count(*) AS n FROM entries'),
    fromCommune: await n('SELECT count(*) AS n FROM entries WHERE device_id = $1', [communeDevice]),
    applied: await n('SELECT count(*) AS n FROM entries WHERE hub_seq IS NOT NULL'),
    counter: await n('SELECT n FROM hub_counter WHERE id = 1'),
    maxHubSeq: await n('SELECT coalesce(max(hub_seq), 0) AS n FROM entries'),
    records: await n('SELECT count(*) AS n FROM records'),
    fieldStates: await n('SELECT count(*) AS n FROM field_state'),
    communeAcked: await n('SELECT acked AS n FROM devices WHERE id = $1', [communeDevice]),
  };
}

export function deskSyncFacts(dbPath: string): DeskSyncFacts {
  const db = openDatabase({ path: dbPath, migrationsFolder: migrationsDir() });
  try {
    const q = (sql: string, ...params: unknown[]) => Number(db.sqlite.prepare(sql).pluck().get(...params) ?? 0);
    return {
      device: db.deviceId,
      acked: Number(readMeta(db, 'sync.acked') ?? 0),
      ownLast: q('SELECT coalesce(max(seq), 0) FROM change_log WHERE device_id = ?', db.deviceId),
      pullCursor: Number(readMeta(db, 'sync.pullCursor') ?? 0),
      received: q('SELECT count(*) FROM change_log WHERE device_id <> ?', db.deviceId),
    };
  } finally {
    db.close();
  }
}

/**
 * Right after a kill: the commune never believes the hub holds more than it does, and it has received exactly the
 * entries up to its pull cursor (they and the cursor move in one transaction), nothing twice, nothing skipped.
 */
export async function checkSyncAfterKill(store: HubStore, desk: DeskSyncFacts): Promise<void> {
  const hub = await hubFacts(store, desk.device);
  if (desk.acked > hub.communeAcked) throw new Error(`the commune believes the hub holds up to ${desk.acked}, the hub holds up to ${hub.communeAcked}`);
  if (hub.communeAcked > desk.ownLast) throw new Error(`the hub acknowledged ${hub.communeAcked}, beyond the commune's last change ${desk.ownLast}`);
  const due = Number((await store.query<{ n: number }>('SELECT count(*) AS n FROM entries WHERE device_id <> $1 AND hub_seq IS NOT NULL AND hub_seq <= $2',
    [desk.device, desk.pullCursor]))[0].n);
  if (desk.received !== due) throw new Error(`the commune holds ${desk.received} entries from elsewhere, the hub had ${due} for it up to cursor ${desk.pullCursor}`);
  checkHubCursor(hub);
}

/** Every applied entry numbered once, in one run of numbers: the pull cursor skips nothing and repeats nothing. */
export function checkHubCursor(hub: HubFacts): void {
  if (hub.applied !== hub.counter || hub.maxHubSeq !== hub.counter) throw new Error(`the hub's cursor is not whole: ${JSON.stringify(hub)}`);
}

/** After the restart's sync: both sides hold what an uninterrupted sync gives, the commune's every change once at the hub. */
export function sameSyncEnd(found: { hub: HubFacts; desk: DeskSyncFacts }, reference: { hub: HubFacts; desk: DeskSyncFacts }): string | null {
  const problems: string[] = [];
  for (const k of Object.keys(reference.hub) as (keyof HubFacts)[]) if (found.hub[k] !== reference.hub[k]) problems.push(`hub ${k}: ${found.hub[k]} (uninterrupted: ${reference.hub[k]})`);
  for (const k of ['acked', 'ownLast', 'pullCursor', 'received'] as const) if (found.desk[k] !== reference.desk[k]) problems.push(`commune ${k}: ${found.desk[k]} (uninterrupted: ${reference.desk[k]})`);
  if (found.desk.acked !== found.desk.ownLast || found.hub.communeAcked !== found.desk.ownLast) problems.push(`not everything acknowledged: ${JSON.stringify(found)}`);
  return problems.length ? problems.join('; ') : null;
}
