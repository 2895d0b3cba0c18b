import type { SqliteConnection } from '../core/database/open-database';
import type { MatchingStatus, MismatchFilter, MismatchItem } from '../../shared/contract/identity';

// Reads of the mismatch queue and of the round trip's progress. SQL only here.

const ITEM_COLUMNS = `m.id, m.beneficiary_id AS beneficiaryId, b.full_name AS fullName, b.village, m.source, m.kind, m.field,
  m.record_value AS recordValue, m.source_value AS sourceValue, m.status, m.difference, mb.number AS batch, m.note, m.created_at AS createdAt`;

function where(unitIds: readonly string[] | null, f: Partial<MismatchFilter>, now: Date): { sql: string; args: unknown[] } {
  const parts: string[] = ['m.deleted = 0', 'b.deleted = 0'];
  const args: unknown[] = [];
  if (unitIds) { parts.push('b.unit_id IN (SELECT value FROM json_each(?))'); args.push(JSON.stringify(unitIds)); }
  if (f.status) { parts.push('m.status = ?'); args.push(f.status); }
  if (f.kind) { parts.push('m.kind = ?'); args.push(f.kind); }
  if (f.difference) { parts.push('m.difference = ?'); args.push(f.difference); }
  if (f.village) { parts.push('b.village = ?'); args.push(f.village); }
  if (f.batch) { parts.push('mb.number = ?'); args.push(f.batch); }
  if (f.source) { parts.push('m.source = ?'); args.push(f.source); }
  if (f.olderThanDays != null) {
    parts.push('m.created_at IS NOT NULL AND m.created_at < ?');
    args.push(new Date(now.getTime() - f.olderThanDays * 86_400_000).toISOString());
  }
  return { sql: parts.join(' AND '), args };
}

const FROM = 'FROM mismatches m JOIN beneficiaries b ON b.id = m.beneficiary_id LEFT JOIN matching_batches mb ON mb.id = m.batch_id';

export function queueItems(db: SqliteConnection, unitIds: readonly string[] | null, filter: Partial<MismatchFilter>, limit = 2000, now = new Date()): MismatchItem[] {
  const w = where(unitIds, filter, now);
  return db.prepare(`SELECT ${ITEM_COLUMNS} ${FROM} WHERE ${w.sql} ORDER BY b.sort_key, m.beneficiary_id, m.field LIMIT ?`).all(...w.args, limit) as MismatchItem[];
}

export function queueItemsById(db: SqliteConnection, unitIds: readonly string[] | null, ids: readonly string[]): MismatchItem[] {
  const w = where(unitIds, { status: null }, new Date());
  return db.prepare(`SELECT ${ITEM_COLUMNS} ${FROM} WHERE ${w.sql} AND m.id IN (SELECT value FROM json_each(?))`).all(...w.args, JSON.stringify(ids)) as MismatchItem[];
}

export function openItemsOf(db: SqliteConnection, beneficiaryId: string, source?: string): { id: string; kind: string; field: string | null; sourceValue: string | null }[] {
  return db.prepare(`SELECT id, kind, field, source_value AS sourceValue FROM mismatches WHERE beneficiary_id = ? AND status = 'open' AND deleted = 0 ${source ? 'AND source = ?' : ''}`)
    .all(...(source ? [beneficiaryId, source] : [beneficiaryId])) as { id: string; kind: string; field: string | null; sourceValue: string | null }[];
}

export interface ProgressRow { village: string | null; status: MatchingStatus; count: number }

/** People per village and round-trip status (no status row = not yet sent), in the user's area; live records only. */
export function progressCounts(db: SqliteConnection, unitIds: readonly string[] | null): ProgressRow[] {
  const scope = unitIds ? 'AND b.unit_id IN (SELECT value FROM json_each(?))' : '';
  return db.prepare(`SELECT b.village, coalesce(s.status, 'not-sent') AS status, count(*) AS count
    FROM beneficiaries b LEFT JOIN matching_statuses s ON s.id = b.id AND s.deleted = 0
    WHERE b.deleted = 0 ${scope} GROUP BY b.village, coalesce(s.status, 'not-sent')`).all(...(unitIds ? [JSON.stringify(unitIds)] : [])) as ProgressRow[];
}

export function openItemsPerVillage(db: SqliteConnection, unitIds: readonly string[] | null): { village: string | null; count: number }[] {
  const scope = unitIds ? 'AND b.unit_id IN (SELECT value FROM json_each(?))' : '';
  return db.prepare(`SELECT b.village, count(*) AS count FROM mismatches m JOIN beneficiaries b ON b.id = m.beneficiary_id
    WHERE m.deleted = 0 AND m.status = 'open' AND b.deleted = 0 ${scope} GROUP BY b.village`).all(...(unitIds ? [JSON.stringify(unitIds)] : [])) as { village: string | null; count: number }[];
}

export function batchesOf(db: SqliteConnection, unitIds: readonly string[] | null): { number: string; sentAt: string; people: number }[] {
  const scope = unitIds ? 'AND unit_id IN (SELECT value FROM json_each(?))' : '';
  return db.prepare(`SELECT number, sent_at AS sentAt, people FROM matching_batches WHERE deleted = 0 ${scope} ORDER BY sent_at DESC LIMIT 200`)
    .all(...(unitIds ? [JSON.stringify(unitIds)] : [])) as { number: string; sentAt: string; people: number }[];
}
