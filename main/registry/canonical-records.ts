import type { SqliteConnection } from '../core/database/open-database';
import type { CanonicalRecord } from '../../shared/canonical-record';

export type { CanonicalRecord };

/**
 * Every live record in the given units, in Vietnamese name order, with its main account (own before authorised).
 * `unbankedOnly`: only people still receiving (status active) who have no active account — the list for the bank.
 */
export function* canonicalRecords(db: SqliteConnection, unitIds: readonly string[] | null, options: { unbankedOnly?: boolean } = {}): Generator<CanonicalRecord> {
  const scope = unitIds ? 'AND b.unit_id IN (SELECT value FROM json_each(?))' : '';
  const unbanked = options.unbankedOnly ? "AND b.status = 'active' AND a.id IS NULL" : '';
  const rows = db.prepare(`SELECT b.full_name AS fullName, b.birth, b.sex, b.id_number AS idNumber, b.old_id_number AS oldIdNumber,
      b.hometown, b.permanent_address AS permanentAddress, b.village, b.category_group AS categoryGroup, b.category_label AS categoryLabel,
      b.monthly_amount AS monthlyAmount, a.number AS accountNumber, a.bank_name AS bankName, a.bank_bin AS bankBin, b.problems
    FROM beneficiaries b
    LEFT JOIN payment_accounts a ON a.id = (SELECT id FROM payment_accounts x WHERE x.beneficiary_id = b.id AND x.deleted = 0 AND x.status = 'active'
      ORDER BY x.owner = 'self' DESC, x.rowid LIMIT 1)
    WHERE b.deleted = 0 ${scope} ${unbanked} ORDER BY b.sort_key`).iterate(...(unitIds ? [JSON.stringify(unitIds)] : [])) as Iterable<CanonicalRecord & { problems: string }>;
  for (const r of rows) yield { ...r, problems: JSON.parse(r.problems as unknown as string) };
}
