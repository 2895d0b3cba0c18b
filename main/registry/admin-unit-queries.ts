import type { SqliteConnection } from '../core/database/open-database';
import { readMeta } from '../core/database/meta';
import { buildUnitDirectory, searchUnitDirectory, type UnitDirectory, type UnitMatch, type UnitRecord, type UnitSearchOptions } from './admin-unit-directory';
import { resolveCommunePath, type CommuneResolution } from './admin-unit-successions';

export interface UnitView {
  id: string;
  code: string;
  name: string;
  level: 'province' | 'district' | 'commune';
  effectiveFrom: string;
  effectiveTo: string | null;
  parentId: string | null;
}

const UNIT_COLUMNS = 'id, code, name, level, effective_from AS effectiveFrom, effective_to AS effectiveTo, parent_id AS parentId';

export function listUnits(db: SqliteConnection, unitIds: readonly string[] | null): UnitView[] {
  const scope = unitIds ? 'AND id IN (SELECT value FROM json_each(?))' : '';
  return db.prepare(`SELECT ${UNIT_COLUMNS}
    FROM admin_units WHERE deleted = 0 ${scope} ORDER BY level, code, effective_from`).all(...(unitIds ? [JSON.stringify(unitIds)] : [])) as UnitView[];
}

/**
 * The units an office works with: its own (a commune, a province, or a province's group of communes), what lies
 * under them, and the units above them; null when the database names no office (then every unit is in play).
 * Without it an administrator who may see everything would be shown the whole country's 14,000 units.
 */
export function officeArea(db: { sqlite: SqliteConnection }): string[] | null {
  const unitId = readMeta(db, 'office.unitId');
  if (!unitId) return null;
  const own = JSON.parse(readMeta(db, 'office.unitIds') ?? '[]') as string[];
  const roots = [...new Set([unitId, ...own])];
  return db.sqlite.prepare(`WITH RECURSIVE
      down(id) AS (SELECT value FROM json_each(?) UNION SELECT u.id FROM admin_units u JOIN down d ON u.parent_id = d.id),
      up(id) AS (SELECT value FROM json_each(?) UNION SELECT u.parent_id FROM admin_units u JOIN up ON u.id = up.id WHERE u.parent_id IS NOT NULL)
    SELECT id FROM down UNION SELECT id FROM up
    UNION SELECT id FROM admin_units WHERE id NOT LIKE 'vn:%'`).pluck().all(JSON.stringify(own.length ? own : [unitId]), JSON.stringify(roots)) as string[];
}

/** "Xã Bình Sơn, Tỉnh Ninh Bình": a commune with the unit above it; a province or a district by its own name. */
export function unitLabel(db: SqliteConnection, unitId: string): string | null {
  const row = db.prepare(`SELECT u.name, u.level, p.name AS parentName FROM admin_units u LEFT JOIN admin_units p ON p.id = u.parent_id
    WHERE u.id = ?`).get(unitId) as { name: string; level: string; parentName: string | null } | undefined;
  if (!row) return null;
  return row.level === 'commune' && row.parentName ? `${row.name}, ${row.parentName}` : row.name;
}

/** The units in force now with these codes (a commune's code "13558", a province's "37"). */
export function currentUnitsByCode(db: SqliteConnection, codes: readonly string[]): UnitView[] {
  return db.prepare(`SELECT ${UNIT_COLUMNS} FROM admin_units
    WHERE deleted = 0 AND effective_to IS NULL AND code IN (SELECT value FROM json_each(?))`).all(JSON.stringify(codes)) as UnitView[];
}

/** True when no person, household or user exists yet (demo data and an office's setup go only into such a database). */
export function isEmptyDatabase(db: { sqlite: SqliteConnection }): boolean {
  // The official list of units is reference data: a database holding only that is still empty.
  return db.sqlite.prepare(`SELECT NOT EXISTS (SELECT 1 FROM beneficiaries) AND NOT EXISTS (SELECT 1 FROM households)
    AND NOT EXISTS (SELECT 1 FROM users) AND NOT EXISTS (SELECT 1 FROM admin_units WHERE id NOT LIKE 'vn:%')`).pluck().get() === 1;
}

const directories = new WeakMap<SqliteConnection, { stamp: string; directory: UnitDirectory }>();

/** All units and successions, in memory (about 14,000 units: a few megabytes), rebuilt only when units change. */
export function unitDirectory(db: SqliteConnection): UnitDirectory {
  // Units change only when the official list is loaded again (or, rarely, by hand): a cheap stamp tells.
  const stamp = db.prepare("SELECT count(*) || ':' || coalesce(max(rowid), 0) FROM admin_units").pluck().get() as string;
  const cached = directories.get(db);
  if (cached && cached.stamp === stamp) return cached.directory;
  const rows = db.prepare(`SELECT ${UNIT_COLUMNS} FROM admin_units WHERE deleted = 0`).all() as UnitRecord[];
  const successions = (db.prepare('SELECT from_unit_id AS fromUnitId, to_unit_id AS toUnitId, split FROM admin_unit_successions').all() as
    { fromUnitId: string; toUnitId: string; split: number }[]).map((s) => ({ ...s, split: s.split === 1 }));
  const directory = buildUnitDirectory(rows, successions);
  directories.set(db, { stamp, directory });
  return directory;
}

/** Type-ahead over the units in force (the setup screen's picker, the import's commune choice). */
export function searchUnits(db: SqliteConnection, query: string, options: UnitSearchOptions = {}): UnitMatch[] {
  return searchUnitDirectory(unitDirectory(db), query, options);
}

/** The commune in force now that a name path like "xã An Lão, huyện Bình Lục, tỉnh Hà Nam" means. */
export function resolveCommune(db: SqliteConnection, path: string): CommuneResolution {
  return resolveCommunePath(unitDirectory(db), path);
}

export type { UnitMatch, UnitSearchOptions, CommuneResolution };
