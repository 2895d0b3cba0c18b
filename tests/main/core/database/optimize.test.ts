import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../main/core/database/open-database';
import { migrationsDir } from '../../../../main/core/app-paths';
import { keepOptimised } from '../../../../main/core/database/optimize';
import { seedDemo } from '../../../../main/demo/seed-demo';
import { tempDir } from '../../../support/temp-database';

// The planner's statistics are kept without anyone running ANALYZE: PRAGMA optimize when the database opens,
// now and then while it is open, and when it closes.

const { dir, cleanup } = tempDir();
afterAll(cleanup);

const statsOf = (path: string, table: string) => {
  const raw = new Database(path, { readonly: true });
  try {
    const has = raw.prepare("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'").get();
    return has ? (raw.prepare("SELECT count(*) FROM sqlite_stat1 WHERE tbl = ? AND stat NOT LIKE '0%'").pluck().get(table) as number) : 0;
  } finally {
    raw.close();
  }
};

describe('PRAGMA optimize', () => {
  it('analyses a register that grew, when the database closes, and every table at the next opening', () => {
    const path = join(dir, 'office.db');
    const db = openDatabase({ path, migrationsFolder: migrationsDir(), create: true });
    seedDemo(db, { people: 300 });
    const stats = "SELECT count(*) FROM sqlite_stat1 WHERE tbl = 'beneficiaries' AND stat NOT LIKE '0%'";
    expect(db.sqlite.prepare(stats).pluck().get()).toBe(0); // opened empty: nothing to know yet
    db.close();
    expect(statsOf(path, 'beneficiaries')).toBeGreaterThan(0);

    // Statistics lost (an old database, or a copy without them): the next opening analyses again.
    const raw = new Database(path);
    raw.exec('DELETE FROM sqlite_stat1');
    raw.close();
    expect(statsOf(path, 'beneficiaries')).toBe(0);
    const again = openDatabase({ path, migrationsFolder: migrationsDir() });
    try {
      expect(again.sqlite.prepare("SELECT count(*) FROM sqlite_stat1 WHERE tbl = 'beneficiaries' AND stat NOT LIKE '0%'").pluck().get()).toBeGreaterThan(0);
    } finally {
      again.close();
    }
  });

  it('runs periodically while the database stays open, and stops', async () => {
    const db = openDatabase({ path: join(dir, 'periodic.db'), migrationsFolder: migrationsDir(), create: true });
    try {
      seedDemo(db, { people: 200 });
      const analysed = () => db.sqlite.prepare("SELECT count(*) FROM sqlite_stat1 WHERE tbl = 'beneficiaries' AND stat NOT LIKE '0%'").pluck().get() as number;
      expect(analysed()).toBe(0);
      const stop = keepOptimised(db.sqlite, 20);
      await expect.poll(analysed, { timeout: 5_000 }).toBeGreaterThan(0);
      stop();
    } finally {
      db.close();
    }
  });
});
