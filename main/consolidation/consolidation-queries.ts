import type { AppDatabase } from '../core/database/open-database';
import { hlcToIso } from '../core/clock';
import type { OfficeCommune } from '../registry/office-communes';

// SQL of the consolidation: which file (by its SHA-256, kept in the import's summary) is already on the register.

/** The import that took this very file and still stands (not undone), with its day (dd/mm/yyyy) and commune. */
export function consolidatedBefore(db: AppDatabase, sha256: string): { importId: string; day: string; unitName: string | null } | null {
  const row = db.sqlite.prepare(`SELECT c.id, c.hlc, u.name AS unitName FROM commands c
      LEFT JOIN admin_units u ON u.id = json_extract(c.summary, '$.unitId')
    WHERE c.name = 'import' AND json_extract(c.summary, '$.sha256') = ?
      AND NOT EXISTS (SELECT 1 FROM commands r WHERE r.reverts = c.id)
    ORDER BY c.hlc DESC LIMIT 1`).get(sha256) as { id: string; hlc: string; unitName: string | null } | undefined;
  if (!row) return null;
  const [y, m, d] = hlcToIso(row.hlc).slice(0, 10).split('-');
  return { importId: row.id, day: `${d}/${m}/${y}`, unitName: row.unitName };
}

/** Every commune in force (a database that names no office: every commune is in play). */
export function communesInForce(db: AppDatabase): OfficeCommune[] {
  return db.sqlite.prepare("SELECT id, code, name FROM admin_units WHERE level = 'commune' AND deleted = 0 AND effective_to IS NULL ORDER BY name, code").all() as OfficeCommune[];
}

export interface CommuneTotals { people: number; ncc: number; tncc: number; btxh: number; other: number; amount: number }

/** A commune's people on the register now, by category group, and their monthly amounts. */
export function communeTotals(db: AppDatabase, unitId: string): CommuneTotals {
  const r = db.sqlite.prepare(`SELECT count(*) AS people, sum(category_group = 'NCC') AS ncc, sum(category_group = 'TNCC') AS tncc, sum(category_group = 'BTXH') AS btxh,
      sum(category_group NOT IN ('NCC', 'TNCC', 'BTXH')) AS other, coalesce(sum(monthly_amount), 0) AS amount
    FROM beneficiaries WHERE unit_id = ? AND deleted = 0`).get(unitId) as Record<keyof CommuneTotals, number | null>;
  return { people: r.people ?? 0, ncc: r.ncc ?? 0, tncc: r.tncc ?? 0, btxh: r.btxh ?? 0, other: r.other ?? 0, amount: r.amount ?? 0 };
}
