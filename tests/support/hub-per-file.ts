import { afterAll, beforeAll } from 'vitest';
import type { AppDatabase } from '../../main/core/database/open-database';
import { enrolledDesktop, startTestHub, type TestHub } from './sync-hub';
import { tempDir } from './temp-database';

/**
 * A hub and a temporary folder for one test file: started before its tests; the desktops enrolled through it, the
 * hub and the folder closed and removed after them. (vitest only: the e2e rig imports sync-hub.ts without vitest.)
 */
export function hubPerFile() {
  let hub: TestHub | undefined;
  let dir = '';
  let cleanup = () => undefined as void;
  const open: AppDatabase[] = [];
  beforeAll(async () => {
    ({ dir, cleanup } = tempDir());
    hub = await startTestHub();
  }, 120_000);
  afterAll(async () => {
    for (const db of open) db.close();
    await hub?.close();
    cleanup();
  });
  return {
    get hub(): TestHub {
      return hub!;
    },
    get dir(): string {
      return dir;
    },
    /** Databases of the test's, closed after the file's tests; gives back the first. */
    keep(...dbs: AppDatabase[]): AppDatabase {
      open.push(...dbs);
      return dbs[0]!;
    },
    /** A desktop of an office enrolled with the hub, closed after the file's tests. */
    async desktop(name: string, office: { unitId: string; area?: string[]; publishes?: boolean }): Promise<AppDatabase> {
      const db = await enrolledDesktop(hub!, dir, name, office);
      open.push(db);
      return db;
    },
  };
}
