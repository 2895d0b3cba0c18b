import type { SqliteConnection } from '../core/database/open-database';
import { readMeta, writeMeta } from '../core/database/meta';
import list from './reference/admin-units-vn.json';
import type { UnitView } from './admin-unit-queries';

// The official administrative units (34 provinces and 3,321 communes since 1 July 2025; 63 provinces, 696 districts
// and 10,047 communes before) and which new commune each old one became. The list is generated from the team's
// reference file by scripts/reference/compact-admin-units.mjs (its source is named inside the JSON).
//
// Loaded into admin_units / admin_unit_successions as reference data OUTSIDE the change log, on purpose:
// - every device loads the same list from the app itself, with ids derived from code and start date
//   (referenceUnitId), so two offices agree on a unit's id without syncing anything;
// - through the write path it would be 14,000 commands' worth of log entries in every new database, which the
//   sync outbox would then ship to the province for nothing, and opening a new database would take far longer.
// What users do to units (none of this list) still goes through the write path.

type CurrentProvince = [code: string, name: string, formedFrom: string[], communes: [code: string, name: string][]];
type BeforeCommune = [code: string, name: string, becomes: string, split: 0 | 1];
type BeforeProvince = [code: string, name: string, districts: [code: string, name: string, communes: BeforeCommune[]][]];

interface ReferenceList {
  version: string;
  figures: Record<string, number>;
  current: { effectiveFrom: string; provinces: CurrentProvince[] };
  before: { lastDay: string; provinces: BeforeProvince[] };
}

const reference = list as unknown as ReferenceList;

/** The day the current units took effect (and the old ones ended: periods are half-open, [from, to)). */
export const REORGANISATION_DAY = reference.current.effectiveFrom;
/**
 * The list does not say since when each old unit existed: they get the earliest date, so that a lookup at any
 * day before the reorganisation finds them.
 */
export const BEFORE_REORGANISATION_FROM = '0001-01-01';
export const REFERENCE_VERSION = reference.version;
export const REFERENCE_FIGURES = reference.figures;
const META_KEY = 'reference.adminUnits';

/** The id of a unit of the official list: the same on every device. */
export function referenceUnitId(code: string, effectiveFrom: string): string {
  return `vn:${code}@${effectiveFrom}`;
}

export const currentUnitId = (code: string) => referenceUnitId(code, REORGANISATION_DAY);
export const formerUnitId = (code: string) => referenceUnitId(code, BEFORE_REORGANISATION_FROM);

/** True for the units that come from the official list (not made by hand in this database). */
export const isReferenceUnitId = (id: string) => id.startsWith('vn:');


/** The official list as rows and successions, in parent-before-child order. */
export function referenceRows(): { units: UnitView[]; successions: { from: string; to: string; split: number }[] } {
  const from = REORGANISATION_DAY;
  const units: UnitView[] = [];
  const successions: { from: string; to: string; split: number }[] = [];
  for (const [code, name, , communes] of reference.current.provinces) {
    const province = currentUnitId(code);
    units.push({ id: province, code, name, level: 'province', effectiveFrom: from, effectiveTo: null, parentId: null });
    for (const [c, n] of communes) units.push({ id: currentUnitId(c), code: c, name: n, level: 'commune', effectiveFrom: from, effectiveTo: null, parentId: province });
  }
  const old = (code: string, name: string, level: UnitView['level'], parentId: string | null): UnitView =>
    ({ id: formerUnitId(code), code, name, level, effectiveFrom: BEFORE_REORGANISATION_FROM, effectiveTo: from, parentId });
  const newProvinceOf = new Map(reference.current.provinces.flatMap(([code, , formedFrom]) => formedFrom.map((o) => [o, code] as const)));
  for (const [code, name, districts] of reference.before.provinces) {
    units.push(old(code, name, 'province', null));
    const next = newProvinceOf.get(code);
    if (next) successions.push({ from: formerUnitId(code), to: currentUnitId(next), split: 0 });
    for (const [d, dn, communes] of districts) {
      units.push(old(d, dn, 'district', formerUnitId(code)));
      for (const [c, cn, becomes, split] of communes) {
        units.push(old(c, cn, 'commune', formerUnitId(d)));
        for (const to of becomes.split(' ')) successions.push({ from: formerUnitId(c), to: currentUnitId(to), split });
      }
    }
  }
  return { units, successions };
}

/**
 * Puts the official list into the database unless this version is already there; returns whether it loaded.
 * Idempotent and cheap when loaded (one meta read). A unit made by hand before, with the same code and start date,
 * is kept as it is (it went through the change log) and the list's children point to it.
 */
export function ensureAdminUnitReference(db: { sqlite: SqliteConnection }): boolean {
  if (readMeta(db, META_KEY) === REFERENCE_VERSION) return false;
  const sqlite = db.sqlite;
  const { units, successions } = referenceRows();
  const byVersion = new Map((sqlite.prepare("SELECT id, code, effective_from AS f FROM admin_units WHERE id NOT LIKE 'vn:%'").all() as { id: string; code: string; f: string }[])
    .map((r) => [`${r.code}@${r.f}`, r.id]));
  const idOf = (id: string) => byVersion.get(id.slice(3)) ?? id;
  const upsert = sqlite.prepare(`INSERT INTO admin_units (id, code, effective_from, effective_to, name, level, parent_id)
    VALUES (?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT(id) DO UPDATE SET effective_to = excluded.effective_to, name = excluded.name, level = excluded.level, parent_id = excluded.parent_id`);
  const succeed = sqlite.prepare('INSERT OR IGNORE INTO admin_unit_successions (from_unit_id, to_unit_id, split, effective_on) VALUES (?, ?, ?, ?)');
  sqlite.transaction(() => {
    for (const u of units) {
      if (byVersion.has(`${u.code}@${u.effectiveFrom}`)) continue;
      upsert.run(u.id, u.code, u.effectiveFrom, u.effectiveTo, u.name, u.level, u.parentId && idOf(u.parentId));
    }
    sqlite.prepare("DELETE FROM admin_unit_successions WHERE from_unit_id LIKE 'vn:%'").run();
    for (const s of successions) succeed.run(idOf(s.from), idOf(s.to), s.split, REORGANISATION_DAY);
    writeMeta(db, META_KEY, REFERENCE_VERSION);
  })();
  return true;
}
