import type { SqliteConnection } from '../core/database/open-database';
import type { CanonicalRecord } from '../registry/canonical-records';

/**
 * People still receiving (status active) who have no active account at all, in Vietnamese name order,
 * in the canonical form (account fields empty). The bank list is made from these.
 */
export function* unbankedRecords(db: SqliteConnection, unitIds: readonly string[] | null): Generator<CanonicalRecord> {
  const scope = unitIds ? 'AND b.unit_id IN (SELECT value FROM json_each(?))' : '';
  const rows = db.prepare(`SELECT b.full_name AS fullName, b.birth, b.sex, b.id_number AS idNumber, b.old_id_number AS oldIdNumber,
      b.hometown, b.permanent_address AS permanentAddress, b.village, b.category_group AS categoryGroup, b.category_label AS categoryLabel,
      b.monthly_amount AS monthlyAmount, NULL AS accountNumber, NULL AS bankName, NULL AS bankBin, b.problems
    FROM beneficiaries b
    WHERE b.deleted = 0 AND b.status = 'active' ${scope}
      AND NOT EXISTS (SELECT 1 FROM payment_accounts x WHERE x.beneficiary_id = b.id AND x.deleted = 0 AND x.status = 'active')
    ORDER BY b.sort_key`).iterate(...(unitIds ? [JSON.stringify(unitIds)] : [])) as Iterable<CanonicalRecord & { problems: string }>;
  for (const r of rows) yield { ...r, problems: JSON.parse(r.problems as unknown as string) };
}
