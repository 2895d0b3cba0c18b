import type { SqliteConnection } from '../core/database/open-database';
import { foldVietnamese } from '../../shared/text/fold';

export interface RecordForCard {
  id: string;
  unitId: string;
  fullName: string;
  birth: string | null;
  sex: string | null;
  idNumber: string | null;
  oldIdNumber: string | null;
  hometown: string | null;
  permanentAddress: string | null;
  ethnicity: string | null;
  verified: string;
}

const COLUMNS = `id, unit_id AS unitId, full_name AS fullName, birth, sex, id_number AS idNumber, old_id_number AS oldIdNumber,
  hometown, permanent_address AS permanentAddress, ethnicity, verified`;

export function recordById(db: SqliteConnection, id: string): RecordForCard | undefined {
  return db.prepare(`SELECT ${COLUMNS} FROM beneficiaries WHERE id = ? AND deleted = 0`).get(id) as RecordForCard | undefined;
}

/** Records a card may belong to: by ID number, else by old CMND, else by name and birth date (or year). */
export function recordsForCard(db: SqliteConnection, card: { idNumber: string | null; oldIdNumber: string | null; fullName: string | null; birth: string | null }): { by: 'idNumber' | 'oldIdNumber' | 'nameAndBirth' | null; records: RecordForCard[] } {
  if (card.idNumber) {
    const records = db.prepare(`SELECT ${COLUMNS} FROM beneficiaries WHERE id_number = ? AND deleted = 0`).all(card.idNumber) as RecordForCard[];
    if (records.length) return { by: 'idNumber', records };
  }
  if (card.oldIdNumber) {
    const records = db.prepare(`SELECT ${COLUMNS} FROM beneficiaries WHERE old_id_number = ? AND deleted = 0`).all(card.oldIdNumber) as RecordForCard[];
    if (records.length) return { by: 'oldIdNumber', records };
  }
  if (card.fullName && card.birth) {
    const records = db.prepare(`SELECT ${COLUMNS} FROM beneficiaries WHERE search_name = ? AND (birth = ? OR birth = ?) AND deleted = 0`)
      .all(foldVietnamese(card.fullName), card.birth, card.birth.slice(0, 4)) as RecordForCard[];
    if (records.length) return { by: 'nameAndBirth', records };
  }
  return { by: null, records: [] };
}

export function openMismatches(db: SqliteConnection, beneficiaryId: string, source: string): { id: string; field: string | null }[] {
  return db.prepare(`SELECT id, field FROM mismatches WHERE beneficiary_id = ? AND source = ? AND status = 'open' AND deleted = 0`).all(beneficiaryId, source) as { id: string; field: string | null }[];
}

export interface MismatchView {
  id: string;
  beneficiaryId: string;
  fullName: string;
  source: string;
  kind: string;
  field: string | null;
  recordValue: string | null;
  sourceValue: string | null;
  status: string;
}

export function listMismatches(db: SqliteConnection, unitIds: readonly string[] | null, status: string | null): MismatchView[] {
  const scope = unitIds ? 'AND b.unit_id IN (SELECT value FROM json_each(?))' : '';
  const byStatus = status ? 'AND m.status = ?' : '';
  const args = [...(unitIds ? [JSON.stringify(unitIds)] : []), ...(status ? [status] : [])];
  return db.prepare(`SELECT m.id, m.beneficiary_id AS beneficiaryId, b.full_name AS fullName, m.source, m.kind, m.field,
      m.record_value AS recordValue, m.source_value AS sourceValue, m.status
    FROM mismatches m JOIN beneficiaries b ON b.id = m.beneficiary_id
    WHERE m.deleted = 0 ${scope} ${byStatus} ORDER BY b.sort_key, m.field LIMIT 2000`).all(...args) as MismatchView[];
}
