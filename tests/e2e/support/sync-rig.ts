// Sync for the end-to-end tests, the way the hub tests run it, in a child process of the test (the app's code does not
// load in Playwright's own loader): a real hub (PGlite in memory: no server to install), the office desk the host
// serves (the demo commune, enrolled with the hub), the office above it and a second commune device without internet,
// both desktops enrolled with the same hub. Run as `node --import tsx tests/e2e/support/sync-rig.ts DIR`: it prints
// one JSON line (what the test needs), then answers one JSON line per request line on stdin, and stops at its end.
import { createInterface } from 'node:readline';
import { readFileSync } from 'node:fs';
import { importReceipt } from '../../../main/sync/bundles';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import type { AppDatabase } from '../../../main/core/database/open-database';
import { openDatabase } from '../../../main/core/database/open-database';
import { migrationsDir } from '../../../main/core/app-paths';
import { readMeta } from '../../../main/core/database/meta';
import { runCommand } from '../../../main/core/write-path';
import { seedDemo } from '../../../main/demo/seed-demo';
import { beneficiaryTable } from '../../../main/registry/synced-tables';
import { enrolWithHub, syncNow } from '../../../main/sync/sync-service';
import { openIssueDetails } from '../../../main/sync/sync-issues';
import { exportBundle } from '../../../main/sync/bundles';
import { hubIdentity } from '../../../hub/hub-identity';
import { addOffice, issueEnrolmentCode } from '../../../hub/offices';
import { startTestHub, enrolledDesktop, addPeople, PROVINCE, clerk, type TestHub } from '../../support/sync-hub';

interface SyncRig {
  hub: TestHub;
  /** The database the host serves. */
  deskPath: string;
  /** The office above the desk, and a second device of the desk's commune that sends USB bundles. */
  above: AppDatabase;
  offline: AppDatabase;
  /** Two people whose village was changed both at the desk and above: each an item of "Cần xử lý" at the desk. */
  conflicts: { id: string; fullName: string; ours: string; theirs: string }[];
  /** The offline device's bundle, and the person it carries. */
  bundlePath: string;
  bundledName: string;
  village(db: AppDatabase, id: string): string | null;
  stop(): Promise<void>;
}

async function startSyncRig(dir: string): Promise<SyncRig> {
  const hub = await startTestHub();
  const deskPath = join(dir, 'desk.db');
  const desk = openDatabase({ path: deskPath, migrationsFolder: migrationsDir(), create: true });
  const open: AppDatabase[] = [];
  try {
    seedDemo(desk, { people: 12 });
    const unitId = readMeta(desk, 'office.unitId')!;
    const office = await addOffice(hub.store, { unitId, name: 'Xã Bình Sơn' });
    await enrolWithHub(desk, hub.server.url, await issueEnrolmentCode(hub.store, await hubIdentity(hub.store), office.id));
    const above = await enrolledDesktop(hub, dir, 'tinh', { unitId: PROVINCE, area: [unitId] });
    const offline = await enrolledDesktop(hub, dir, 'xa-may-2', { unitId });
    open.push(above, offline);
    await syncNow(desk);
    await syncNow(above);
    const people = desk.sqlite.prepare('SELECT id, full_name AS fullName FROM beneficiaries WHERE deleted = 0 ORDER BY sort_key LIMIT 2').all() as { id: string; fullName: string }[];
    const conflicts = people.map((p, i) => ({ ...p, ours: `Thôn Dưới Xã ${i + 1}`, theirs: `Thôn Trên Tỉnh ${i + 1}` }));
    for (const c of conflicts) {
      runCommand(above, clerk, 'manual-edit', (w) => w.update(beneficiaryTable, c.id, { village: c.theirs }));
      runCommand(desk, { userId: null, origin: 'cli' }, 'manual-edit', (w) => w.update(beneficiaryTable, c.id, { village: c.ours }));
    }
    await syncNow(above);
    await syncNow(desk);
    if (openIssueDetails(desk).filter((i) => i.decidable).length !== conflicts.length) throw new Error('the desk holds no item to decide');
    const bundledName = 'Người Gửi Qua Gói';
    addPeople(offline, unitId, [bundledName]);
    const bundlePath = join(dir, 'xa-may-2-so-1.ansinh');
    writeFileSync(bundlePath, exportBundle(offline).bytes);
    desk.close();
    return {
      hub, deskPath, above, offline, conflicts, bundlePath, bundledName,
      village: (db, id) => db.sqlite.prepare('SELECT village FROM beneficiaries WHERE id = ?').pluck().get(id) as string | null,
      async stop() {
        for (const db of open) db.close();
        await hub.close();
      },
    };
  } catch (e) {
    if (desk.sqlite.open) desk.close();
    for (const db of open) db.close();
    await hub.close();
    throw e;
  }
}

/** What the test is told at the start. */
export interface SyncRigFacts {
  deskPath: string;
  conflicts: SyncRig['conflicts'];
  bundlePath: string;
  bundledName: string;
  offlineDevice: string;
}

/** The requests the test sends, one JSON line each. */
export type SyncRigRequest = { do: 'above-villages'; ids: string[] } | { do: 'hub-bundles' } | { do: 'import-receipt'; path: string };

async function serve(dir: string): Promise<void> {
  const rig = await startSyncRig(dir);
  const facts: SyncRigFacts = { deskPath: rig.deskPath, conflicts: rig.conflicts, bundlePath: rig.bundlePath, bundledName: rig.bundledName, offlineDevice: rig.offline.deviceId };
  console.log(JSON.stringify(facts));
  const answer = async (r: SyncRigRequest): Promise<unknown> => {
    if (r.do === 'above-villages') {
      await syncNow(rig.above);
      return r.ids.map((id) => rig.village(rig.above, id));
    }
    if (r.do === 'hub-bundles') return (await rig.hub.store.query<{ device_id: string; number: number }>('SELECT device_id, number FROM bundles')).map((b) => [b.device_id, Number(b.number)]);
    return importReceipt(rig.offline, readFileSync(r.path));
  };
  for await (const line of createInterface({ input: process.stdin })) {
    try {
      console.log(JSON.stringify({ ok: await answer(JSON.parse(line) as SyncRigRequest) }));
    } catch (e) {
      console.log(JSON.stringify({ error: String(e) }));
    }
  }
  await rig.stop();
}

if (process.argv[1] && /sync-rig\.ts$/.test(process.argv[1])) {
  serve(process.argv[2] ?? '.').catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
