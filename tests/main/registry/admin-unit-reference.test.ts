import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTempDatabase, tempDir } from '../../support/temp-database';
import type { AppDatabase } from '../../../main/core/database/open-database';
import { currentUnitId, ensureAdminUnitReference, REFERENCE_VERSION } from '../../../main/registry/admin-unit-reference';
import { isEmptyDatabase, resolveCommune, searchUnits } from '../../../main/registry/admin-unit-queries';
import { readMeta } from '../../../main/core/database/meta';

let dir: string;
let cleanup: () => void;
let db: AppDatabase;
beforeAll(() => {
  ({ dir, cleanup } = tempDir());
  db = openTempDatabase(dir);
});
afterAll(() => {
  db.close();
  cleanup();
});

const count = (sql: string) => db.sqlite.prepare(sql).pluck().get() as number;

describe('the official units in a database', () => {
  it('loads once, outside the change log, and leaves the database empty for setup', () => {
    expect(ensureAdminUnitReference(db)).toBe(true);
    expect(readMeta(db, 'reference.adminUnits')).toBe(REFERENCE_VERSION);
    expect(count('SELECT count(*) FROM admin_units WHERE effective_to IS NULL')).toBe(34 + 3321);
    expect(count('SELECT count(*) FROM admin_units WHERE effective_to IS NOT NULL')).toBe(63 + 696 + 10047);
    expect(count('SELECT count(DISTINCT from_unit_id) FROM admin_unit_successions')).toBe(63 + 10047);
    expect(count('SELECT count(*) FROM change_log')).toBe(0);
    expect(isEmptyDatabase(db)).toBe(true);
    expect(ensureAdminUnitReference(db)).toBe(false);
  });

  it('keeps versioned codes apart: 13558 was Xã Tiêu Động until 1 July 2025 and is Xã Bình Sơn since', () => {
    const rows = db.sqlite.prepare("SELECT name, effective_from AS f, effective_to AS t FROM admin_units WHERE code = '13558' ORDER BY f").all();
    expect(rows).toEqual([
      { name: 'Xã Tiêu Động', f: '0001-01-01', t: '2025-07-01' },
      { name: 'Xã Bình Sơn', f: '2025-07-01', t: null },
    ]);
  });

  it('searches and resolves through the database', () => {
    expect(searchUnits(db.sqlite, 'bình sơn, ninh bình').map((u) => u.id)).toEqual([currentUnitId('13558')]);
    const r = resolveCommune(db.sqlite, 'xã An Lão, huyện Bình Lục, tỉnh Hà Nam');
    expect(r.candidates.map((c) => c.unit.id)).toEqual([currentUnitId('13558')]);
  });
});
