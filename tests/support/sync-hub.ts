import { join } from 'node:path';
import type { AppDatabase } from '../../main/core/database/open-database';
import { runCommand, type Actor } from '../../main/core/write-path';
import { ensureAdminUnitReference, currentUnitId } from '../../main/registry/admin-unit-reference';
import { beneficiaryTable } from '../../main/registry/synced-tables';
import { enrolWithHub } from '../../main/sync/sync-service';
import { openHubStore, type HubStore } from '../../hub/store';
import { startHubServer, type RunningHub } from '../../hub/server';
import { hubIdentity } from '../../hub/hub-identity';
import { addOffice, issueEnrolmentCode } from '../../hub/offices';
import { openTempDatabase } from './temp-database';

// A real hub (PGlite in memory, or the PostgreSQL of ANSINH_TEST_DATABASE_URL) and desktops enrolled with it.

export const COMMUNE_X = currentUnitId('00004');
export const COMMUNE_Y = currentUnitId('00008');
export const PROVINCE = currentUnitId('01');
export const clerk: Actor = { userId: 'u-clerk', origin: 'cli' };

export interface TestHub {
  store: HubStore;
  server: RunningHub;
  close(): Promise<void>;
}

export async function startTestHub(databaseUrl = process.env.ANSINH_TEST_DATABASE_URL): Promise<TestHub> {
  const store = await openHubStore({ databaseUrl });
  const server = await startHubServer(store);
  return { store, server, close: async () => { await server.close(); await store.close(); } };
}

/** A desktop database of an office, enrolled with the hub through its one-time code. */
export async function enrolledDesktop(hub: TestHub, dir: string, name: string, office: { unitId: string; area?: string[]; publishes?: boolean }): Promise<AppDatabase> {
  const db = openTempDatabase(dir, `${name}.db`);
  ensureAdminUnitReference(db);
  const o = await addOffice(hub.store, { unitId: office.unitId, name, area: office.area, publishes: office.publishes });
  const code = await issueEnrolmentCode(hub.store, await hubIdentity(hub.store), o.id);
  await enrolWithHub(db, hub.server.url, code);
  return db;
}

export function addPeople(db: AppDatabase, unitId: string, names: string[]): string[] {
  return runCommand(db, clerk, 'import', (w) => names.map((fullName, i) => w.insert(beneficiaryTable, { unitId, fullName, birth: `19${50 + i}`, categoryGroup: 'BTXH', categoryLabel: 'Người cao tuổi' }))).result;
}

/** The people as both sides must agree on them. */
export function peopleOf(db: AppDatabase): Record<string, unknown>[] {
  return db.sqlite.prepare('SELECT id, unit_id, full_name, birth, village, hometown, deleted FROM beneficiaries ORDER BY id').all() as Record<string, unknown>[];
}

export const tempDb = (dir: string, name: string) => join(dir, name);
