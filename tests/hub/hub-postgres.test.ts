import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import type { AppDatabase } from '../../main/core/database/open-database';
import { syncNow } from '../../main/sync/sync-service';
import { tempDir } from '../support/temp-database';
import { startTestHub, enrolledDesktop, addPeople, peopleOf, PROVINCE, type TestHub } from '../support/sync-hub';
import { schedule } from '../support/sync-schedule';
import { referenceRows } from '../../main/registry/admin-unit-reference';

// The same hub on a real PostgreSQL server (Debian's, started by scripts/ensure-postgres.sh as a throwaway cluster):
// a random schedule, and many offices pushing at once through the connection pool.

let hub: TestHub;
let dir: string;
let cleanup: () => void;
let admin: pg.Client;
const database = `ansinh_hub_test_${process.pid}`;

beforeAll(async () => {
  ({ dir, cleanup } = tempDir());
  const url = execFileSync('bash', [resolve(__dirname, '../../scripts/ensure-postgres.sh')], { encoding: 'utf8' }).trim();
  admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${database}`);
  await admin.query(`CREATE DATABASE ${database}`);
  hub = await startTestHub(url.replace(/\/[^/]*$/, `/${database}`));
  expect(hub.store.kind).toBe('postgres');
}, 180_000);
afterAll(async () => {
  await hub?.close();
  await admin?.query(`DROP DATABASE IF EXISTS ${database}`).catch(() => undefined);
  await admin?.end();
  cleanup();
});

describe('the hub on PostgreSQL', () => {
  it('converges over a bad line, bundles and restarts (seed 1002)', async () => {
    await schedule(hub, dir, 1002);
  }, 120_000);

  it('takes twelve offices pushing at once, each change once, and the office above receives them all in order', async () => {
    const units = referenceRows().units.filter((u) => u.level === 'commune' && u.effectiveTo === null).slice(600, 612).map((u) => u.id);
    const offices: AppDatabase[] = [];
    for (const [i, unit] of units.entries()) {
      const db = await enrolledDesktop(hub, dir, `xa-pg-${i}`, { unitId: unit });
      addPeople(db, unit, Array.from({ length: 30 }, (_, k) => `Người ${i}-${k}`));
      offices.push(db);
    }
    const above = await enrolledDesktop(hub, dir, 'tinh-pg', { unitId: PROVINCE, area: units });
    try {
      const reports = await Promise.all(offices.map((db) => syncNow(db, { batchEntries: 7 })));
      expect(reports.map((r) => r.pushed)).toEqual(offices.map(() => 30));
      await syncNow(above);
      expect(peopleOf(above)).toHaveLength(12 * 30);
      const counts = await hub.store.query<{ n: number; d: number }>('SELECT count(*) AS n, count(DISTINCT (device_id, seq)) AS d FROM entries WHERE device_id = ANY($1)', [offices.map((o) => o.deviceId)]);
      expect(counts[0]).toEqual({ n: 360, d: 360 });
    } finally {
      for (const db of offices) db.close();
      above.close();
    }
  }, 120_000);
});
