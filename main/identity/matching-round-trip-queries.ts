import type { SqliteConnection } from '../core/database/open-database';

// SQL of the police round trip: who is sent, and which record a result row is about.

export interface MatchRecord {
  id: string;
  rowid: number;
  unitId: string;
  village: string | null;
  fullName: string;
  birth: string | null;
  sex: 'M' | 'F' | null;
  idNumber: string | null;
  oldIdNumber: string | null;
  hometown: string | null;
  permanentAddress: string | null;
  ethnicity: string | null;
  problems: string;
  status: string;
  matchingStatus: string | null;
  resend: number | null;
}

const COLUMNS = `b.id, b.rowid, b.unit_id AS unitId, b.village, b.full_name AS fullName, b.birth, b.sex, b.id_number AS idNumber,
  b.old_id_number AS oldIdNumber, b.hometown, b.permanent_address AS permanentAddress, b.ethnicity, b.problems, b.status,
  s.status AS matchingStatus, s.resend`;
const FROM = 'FROM beneficiaries b LEFT JOIN matching_statuses s ON s.id = b.id AND s.deleted = 0';
const scopeSql = (unitIds: readonly string[] | null) => (unitIds ? 'AND b.unit_id IN (SELECT value FROM json_each(?))' : '');
const scopeArgs = (unitIds: readonly string[] | null) => (unitIds ? [JSON.stringify(unitIds)] : []);

/** People to send: pending = active and not yet sent, or marked to go in the next batch; all = everyone in the units. */
export function recordsToSend(db: SqliteConnection, unitIds: readonly string[] | null, selection: 'pending' | 'all'): MatchRecord[] {
  const pending = selection === 'pending' ? "AND b.status = 'active' AND (s.id IS NULL OR s.resend = 1)" : '';
  return db.prepare(`SELECT ${COLUMNS} ${FROM} WHERE b.deleted = 0 ${scopeSql(unitIds)} ${pending} ORDER BY b.sort_key`).all(...scopeArgs(unitIds)) as MatchRecord[];
}

/** These records (the list's rowids), in this order. */
export function recordsByRowid(db: SqliteConnection, unitIds: readonly string[] | null, rowids: readonly number[]): MatchRecord[] {
  const out: MatchRecord[] = [];
  const chunk = db.prepare(`SELECT ${COLUMNS} ${FROM} WHERE b.deleted = 0 ${scopeSql(unitIds)} AND b.rowid IN (SELECT value FROM json_each(?))`);
  for (let i = 0; i < rowids.length; i += 1000) {
    const ids = rowids.slice(i, i + 1000);
    const byRowid = new Map((chunk.all(...scopeArgs(unitIds), JSON.stringify(ids)) as MatchRecord[]).map((r) => [r.rowid, r]));
    for (const id of ids) { const r = byRowid.get(id); if (r) out.push(r); }
  }
  return out;
}

export function recordById(db: SqliteConnection, id: string): MatchRecord | undefined {
  return db.prepare(`SELECT ${COLUMNS} ${FROM} WHERE b.id = ? AND b.deleted = 0`).get(id) as MatchRecord | undefined;
}

export interface SentRow { beneficiaryId: string; batchId: string; batchNumber: string; unitId: string }

export function sentByRowKey(db: SqliteConnection, rowKey: string): SentRow | undefined {
  return db.prepare(`SELECT p.beneficiary_id AS beneficiaryId, p.batch_id AS batchId, mb.number AS batchNumber, mb.unit_id AS unitId
    FROM matching_batch_people p JOIN matching_batches mb ON mb.id = p.batch_id WHERE p.row_key = ? AND p.deleted = 0`).get(rowKey) as SentRow | undefined;
}

export function wasSentIn(db: SqliteConnection, beneficiaryId: string, batchId: string): boolean {
  return !!db.prepare('SELECT 1 FROM matching_batch_people WHERE beneficiary_id = ? AND batch_id = ? AND deleted = 0').get(beneficiaryId, batchId);
}

export function batchByNumber(db: SqliteConnection, number: string): { id: string; number: string; unitId: string; sentAt: string } | undefined {
  return db.prepare('SELECT id, number, unit_id AS unitId, sent_at AS sentAt FROM matching_batches WHERE number = ? AND deleted = 0').get(number) as
    { id: string; number: string; unitId: string; sentAt: string } | undefined;
}

export function batchNumbersStartingWith(db: SqliteConnection, prefix: string): number {
  return db.prepare("SELECT count(*) FROM matching_batches WHERE number LIKE ? || '%'").pluck().get(prefix) as number;
}

export function resultFileBySha(db: SqliteConnection, sha256: string): { fileName: string; importedAt: string } | undefined {
  return db.prepare('SELECT file_name AS fileName, imported_at AS importedAt FROM matching_result_files WHERE sha256 = ? AND deleted = 0').get(sha256) as
    { fileName: string; importedAt: string } | undefined;
}

export function unitCode(db: SqliteConnection, unitId: string): { code: string; level: string } | undefined {
  return db.prepare('SELECT code, level FROM admin_units WHERE id = ?').get(unitId) as { code: string; level: string } | undefined;
}

/** Units (of any time) with this code: a batch number's commune. */
export function unitIdsWithCode(db: SqliteConnection, code: string): string[] {
  return db.prepare('SELECT id FROM admin_units WHERE code = ? AND deleted = 0').pluck().all(code) as string[];
}
