import type { SqliteConnection } from '../core/database/open-database';
import type { CanonicalRecord } from '../../shared/canonical-record';

export type { CanonicalRecord };

// The police round trip's status and the verified fields (main/identity: matching_statuses, field_verifications).
const VERIFICATION_COLUMNS = `, coalesce(ms.status, 'not-sent') AS vStatus, mb.number AS vBatch,
      (SELECT json_group_array(field) FROM (SELECT field FROM field_verifications v WHERE v.beneficiary_id = b.id AND v.deleted = 0 ORDER BY field)) AS vFields`;
const VERIFICATION_JOINS = `
    LEFT JOIN matching_statuses ms ON ms.id = b.id AND ms.deleted = 0 LEFT JOIN matching_batches mb ON mb.id = ms.batch_id`;

/**
 * Every live record in the given units, in Vietnamese name order, with its main account (own before authorised).
 * `unbankedOnly`: only people still receiving (status active) who have no active account — the list for the bank.
 * `rowids`: only these records, in this order (the list as filtered and sorted on screen).
 */
export function* canonicalRecords(db: SqliteConnection, unitIds: readonly string[] | null,
  options: { unbankedOnly?: boolean; rowids?: readonly number[]; verification?: boolean } = {}): Generator<CanonicalRecord> {
  const scope = unitIds ? 'AND b.unit_id IN (SELECT value FROM json_each(?))' : '';
  const unbanked = options.unbankedOnly ? "AND b.status = 'active' AND a.id IS NULL" : '';
  const select = `SELECT b.rowid AS rowid, b.full_name AS fullName, b.birth, b.sex, b.id_number AS idNumber, b.old_id_number AS oldIdNumber,
      b.hometown, b.permanent_address AS permanentAddress, b.village, b.category_group AS categoryGroup, b.category_label AS categoryLabel,
      b.monthly_amount AS monthlyAmount, a.number AS accountNumber, a.bank_name AS bankName, a.bank_bin AS bankBin, b.problems${options.verification ? VERIFICATION_COLUMNS : ''}
    FROM beneficiaries b${options.verification ? VERIFICATION_JOINS : ''}
    LEFT JOIN payment_accounts a ON a.id = (SELECT id FROM payment_accounts x WHERE x.beneficiary_id = b.id AND x.deleted = 0 AND x.status = 'active'
      ORDER BY x.owner = 'self' DESC, x.rowid LIMIT 1)
    WHERE b.deleted = 0 ${scope} ${unbanked}`;
  const scopeArgs = unitIds ? [JSON.stringify(unitIds)] : [];
  type Row = CanonicalRecord & { rowid?: number; problems: string; vStatus?: string; vBatch?: string | null; vFields?: string };
  const record = ({ rowid: _rowid, vStatus, vBatch, vFields, ...r }: Row): CanonicalRecord => ({
    ...r, problems: JSON.parse(r.problems as unknown as string),
    ...(vStatus ? { verification: { status: vStatus, batch: vBatch ?? null, verifiedFields: JSON.parse(vFields ?? '[]') as string[] } } : {}),
  });
  if (!options.rowids) {
    for (const r of db.prepare(`${select} ORDER BY b.sort_key`).iterate(...scopeArgs) as Iterable<Row>) yield record(r);
    return;
  }
  const chunk = db.prepare(`${select} AND b.rowid IN (SELECT value FROM json_each(?))`);
  for (let i = 0; i < options.rowids.length; i += 1000) {
    const ids = options.rowids.slice(i, i + 1000);
    const byRowid = new Map((chunk.all(...scopeArgs, JSON.stringify(ids)) as Row[]).map((r) => [r.rowid, r]));
    for (const id of ids) {
      const r = byRowid.get(id);
      if (r) yield record(r);
    }
  }
}
