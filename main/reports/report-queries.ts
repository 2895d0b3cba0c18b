import type { AppDatabase } from '../core/database/open-database';
import type { OfficeCommune } from '../registry/office-communes';

// SQL the reports need beside their figures: the units they name.

export function communesWithPeople(db: AppDatabase): OfficeCommune[] {
  return db.sqlite.prepare(`SELECT u.id, u.code, u.name FROM admin_units u WHERE u.level = 'commune' AND u.deleted = 0
    AND EXISTS (SELECT 1 FROM beneficiaries b WHERE b.unit_id = u.id) ORDER BY u.name, u.code`).all() as OfficeCommune[];
}

export function unitNameAndCode(db: AppDatabase, unitId: string): { code: string; name: string } | null {
  return (db.sqlite.prepare('SELECT code, name FROM admin_units WHERE id = ?').get(unitId) as { code: string; name: string } | undefined) ?? null;
}

/** The units in force with these codes, by code. */
export function communeIdsByCode(db: AppDatabase, codes: readonly string[]): Map<string, string> {
  const rows = db.sqlite.prepare(`SELECT code, id FROM admin_units WHERE deleted = 0 AND effective_to IS NULL AND level = 'commune'
    AND code IN (SELECT value FROM json_each(?))`).all(JSON.stringify(codes)) as { code: string; id: string }[];
  return new Map(rows.map((r) => [r.code, r.id]));
}
