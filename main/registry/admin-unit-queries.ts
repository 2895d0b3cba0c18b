import type { SqliteConnection } from '../core/database/open-database';

export interface UnitView {
  id: string;
  code: string;
  name: string;
  level: 'province' | 'district' | 'commune';
  effectiveFrom: string;
  effectiveTo: string | null;
  parentId: string | null;
}

export function listUnits(db: SqliteConnection, unitIds: readonly string[] | null): UnitView[] {
  const scope = unitIds ? 'AND id IN (SELECT value FROM json_each(?))' : '';
  return db.prepare(`SELECT id, code, name, level, effective_from AS effectiveFrom, effective_to AS effectiveTo, parent_id AS parentId
    FROM admin_units WHERE deleted = 0 ${scope} ORDER BY level, code, effective_from`).all(...(unitIds ? [JSON.stringify(unitIds)] : [])) as UnitView[];
}

/** True when no unit, person or user exists yet (demo data may only go into such a database). */
export function isEmptyDatabase(db: { sqlite: SqliteConnection }): boolean {
  return db.sqlite.prepare('SELECT NOT EXISTS (SELECT 1 FROM admin_units) AND NOT EXISTS (SELECT 1 FROM beneficiaries) AND NOT EXISTS (SELECT 1 FROM users)').pluck().get() === 1;
}
