import type { SqliteConnection } from '../core/database/open-database';
import { cachedStatement } from '../core/statement-cache';
import { hlcToIso } from '../core/clock';
import { insertedValue } from '../core/inserted-row';
import './synced-tables';
import '../identity/synced-tables';
import type { BeneficiaryDetail, BeneficiaryRow, HistoryEntry } from '../../shared/contract/beneficiaries';

const ROW_COLUMNS = `b.rowid AS rowid, b.id, b.full_name AS fullName, b.birth, b.sex, b.id_number AS idNumber, b.village,
  b.category_group AS categoryGroup, b.category_label AS categoryLabel, b.monthly_amount AS monthlyAmount,
  b.payment_channel AS paymentChannel, b.status, json_array_length(b.problems) AS problemCount`;

/** Rows for a page of rowids, in the order given. */
export function rowsByRowid(db: SqliteConnection, rowids: number[]): BeneficiaryRow[] {
  if (rowids.length === 0) return [];
  const rows = cachedStatement(db, `SELECT ${ROW_COLUMNS} FROM beneficiaries b WHERE b.rowid IN (SELECT value FROM json_each(?))`)
    .all(JSON.stringify(rowids)) as (BeneficiaryRow & { rowid: number })[];
  const byRowid = new Map(rows.map((r) => [r.rowid, r]));
  return rowids.map((id) => byRowid.get(id)).filter((r): r is BeneficiaryRow & { rowid: number } => !!r).map(({ rowid: _rowid, ...r }) => r);
}

export function beneficiaryUnit(db: SqliteConnection, id: string): string | undefined {
  return cachedStatement(db, 'SELECT unit_id FROM beneficiaries WHERE id = ? AND deleted = 0').pluck().get(id) as string | undefined;
}

export function beneficiaryDetail(db: SqliteConnection, id: string): BeneficiaryDetail | undefined {
  const row = cachedStatement(db, `SELECT ${ROW_COLUMNS}, b.old_id_number AS oldIdNumber, b.hometown, b.permanent_address AS permanentAddress,
      b.ethnicity, b.verified, b.problems, b.household_id AS householdId, u.name AS unitName, b.rev, b.unit_id AS unitId,
      b.status_date AS statusDate, b.status_reason AS statusReason
    FROM beneficiaries b JOIN admin_units u ON u.id = b.unit_id WHERE b.id = ? AND b.deleted = 0`).get(id) as
    (Record<string, unknown> & { householdId: string | null }) | undefined;
  if (!row) return undefined;
  const household = row.householdId
    ? cachedStatement(db, `SELECT h.id, h.head_name AS headName, h.kind, (h.head_id IS ? OR (h.head_id IS NULL AND h.head_name = ?)) AS isHead,
        (SELECT count(*) FROM beneficiaries m WHERE m.household_id = h.id AND m.deleted = 0) AS memberCount
        FROM households h WHERE h.id = ?`).get(id, row.fullName, row.householdId) as BeneficiaryDetail['household']
    : null;
  const accounts = cachedStatement(db, `SELECT id, kind, owner, bank_bin AS bankBin, bank_name AS bankName, number, holder_name AS holderName,
      holder_id_number AS holderIdNumber, status, purpose, rev
    FROM payment_accounts WHERE beneficiary_id = ? AND deleted = 0 ORDER BY status, kind`).all(id) as BeneficiaryDetail['accounts'];
  const { rowid: _r, householdId: _h, verified, problems, ...rest } = row;
  return {
    ...(rest as Omit<BeneficiaryDetail, 'household' | 'accounts' | 'verified' | 'problems'>),
    household: household ? { ...household, isHead: Boolean(household.isHead) } : null,
    accounts,
    verified: JSON.parse(String(verified)),
    problems: JSON.parse(String(problems)),
  };
}

/**
 * The record's history from the change log: its own changes and those of its payment accounts, and those of the
 * records merged into it (a merge keeps both histories: the merged record's entries say so).
 */
export function beneficiaryHistory(db: SqliteConnection, id: string): HistoryEntry[] {
  const rows = cachedStatement(db, `WITH people(pid) AS (SELECT ? UNION
      SELECT CASE WHEN p.beneficiary_id = p.kept_id THEN p.other_id ELSE p.beneficiary_id END FROM duplicate_pairs p
      WHERE p.deleted = 0 AND p.status = 'merged' AND p.kept_id = ?)
    SELECT l.rowid AS logRowid, l.hlc, l.op, l.field, l.old_value AS oldValue, l.new_value AS newValue, l.entity,
      c.name AS command, c.origin, u.display_name AS userName, c.id AS commandId, l.entity_id,
      coalesce(json_extract(c.summary, '$.reasons.' || l.field), json_extract(c.summary, '$.reason')) AS reason,
      CASE WHEN l.entity = 'beneficiaries' AND l.entity_id <> ? THEN l.entity_id END AS mergedFrom
    FROM change_log l JOIN commands c ON c.id = l.command_id LEFT JOIN users u ON u.id = c.user_id
    WHERE (l.entity = 'beneficiaries' AND l.entity_id IN (SELECT pid FROM people))
       OR (l.entity = 'payment_accounts' AND l.entity_id IN (SELECT id FROM payment_accounts WHERE beneficiary_id IN (SELECT pid FROM people)))
       OR (l.entity = 'field_verifications' AND l.entity_id IN (SELECT id FROM field_verifications WHERE beneficiary_id IN (SELECT pid FROM people)))
    ORDER BY l.hlc DESC, l.seq DESC LIMIT 500`).all(id, id, id) as Record<string, string | null>[];
  // An import's inserts are logged in the compact form: the row as inserted is rebuilt from the row and later changes.
  for (const r of rows) {
    if (r.op === 'insert' && r.newValue === null) r.newValue = insertedValue(db, { rowid: Number(r.logRowid), entity: r.entity!, entityId: r.entity_id!, value: null });
  }
  return withVerificationsMerged(rows).map((r) => historyEntry(r));
}

/**
 * Field verifications are rows of their own (field_verifications); the history shows each command's as one change of
 * "verified": the fields it verified (or, on a tombstone, no longer verified).
 */
function withVerificationsMerged(rows: Record<string, string | null>[]): Record<string, string | null>[] {
  const out: Record<string, string | null>[] = [];
  const byCommand = new Map<string, { row: Record<string, string | null>; added: Record<string, string>; removed: string[] }>();
  for (const r of rows) {
    if (r.entity !== 'field_verifications') { out.push(r); continue; }
    let merged = byCommand.get(r.commandId!);
    if (!merged) {
      merged = { row: { ...r, entity: 'beneficiaries', op: 'update', field: 'verified' }, added: {}, removed: [] };
      byCommand.set(r.commandId!, merged);
      out.push(merged.row);
    }
    const field = String(r.entity_id ?? '').split(':').pop() ?? '';
    const value = r.newValue === null ? null : JSON.parse(r.newValue) as unknown;
    if (r.op === 'insert' && value && typeof value === 'object') merged.added[String((value as Record<string, unknown>).field)] = String((value as Record<string, unknown>).source);
    else if (r.op === 'update' && r.field === 'source' && typeof value === 'string') merged.added[field] = value;
    else if (r.op === 'tombstone') merged.removed.push(field);
    merged.row.oldValue = merged.removed.length ? JSON.stringify(Object.fromEntries(merged.removed.map((f) => [f, 'removed']))) : null;
    merged.row.newValue = JSON.stringify(merged.added);
  }
  return out;
}

function historyEntry(r: Record<string, string | null>): HistoryEntry {
  const ENTITY: Record<string, HistoryEntry['entity']> = { beneficiaries: 'beneficiary', payment_accounts: 'account' };
  return {
    at: hlcToIso(r.hlc!),
    entity: ENTITY[r.entity!] ?? 'beneficiary',
    userName: r.userName,
    command: r.command!,
    origin: r.origin!,
    op: r.op as HistoryEntry['op'],
    field: r.entity === 'payment_accounts' && r.field ? `account.${r.field}` : r.field,
    oldValue: r.oldValue === null ? null : JSON.parse(r.oldValue),
    newValue: r.newValue === null ? null : JSON.parse(r.newValue),
    reason: r.reason ?? null,
    commandId: r.commandId ?? null,
    mergedFrom: r.mergedFrom ?? null,
  };
}

export function beneficiaryFacets(db: SqliteConnection, unitIds: readonly string[] | null) {
  const scope = unitIds ? `AND unit_id IN (SELECT value FROM json_each(?))` : '';
  const args = unitIds ? [JSON.stringify(unitIds)] : [];
  const villages = cachedStatement(db, `SELECT DISTINCT village FROM beneficiaries WHERE deleted = 0 AND village IS NOT NULL ${scope}`).pluck().all(...args) as string[];
  const categoryGroups = cachedStatement(db, `SELECT category_group AS "group", count(*) AS count FROM beneficiaries WHERE deleted = 0 ${scope} GROUP BY category_group ORDER BY count DESC`).all(...args) as { group: string; count: number }[];
  const statuses = cachedStatement(db, `SELECT status, count(*) AS count FROM beneficiaries WHERE deleted = 0 ${scope} GROUP BY status ORDER BY count DESC`).all(...args) as { status: 'active'; count: number }[];
  return { villages: villages.sort(new Intl.Collator('vi').compare), categoryGroups, statuses };
}
