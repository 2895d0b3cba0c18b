import type { SqliteConnection } from '../core/database/open-database';
import type { PersonArea, PersonFinder } from '../registry/person-matching';
import type { MatchedBy } from '../registry/person-matching-rules';

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

/**
 * Records a card may belong to, in the area: by ID number, else by old CMND, else by name, birth and sex, under the
 * one set of person-matching rules (main/registry/person-matching.ts). `elsewhere` counts ID matches outside the area.
 */
export function recordsForCard(finder: PersonFinder, area: PersonArea, card: { idNumber: string | null; oldIdNumber: string | null; fullName: string | null; birth: string | null; sex?: string | null }):
  { by: MatchedBy | null; records: RecordForCard[]; elsewhere: number } {
  const found = finder.find({ ...card, sex: card.sex ?? null }, area);
  return { by: found.by, records: found.records.map((f) => recordFromRow(f.row)), elsewhere: found.elsewhere.length };
}

function recordFromRow(r: Record<string, unknown>): RecordForCard {
  return {
    id: r.id as string, unitId: r.unit_id as string, fullName: r.full_name as string, birth: r.birth as string | null, sex: r.sex as string | null,
    idNumber: r.id_number as string | null, oldIdNumber: r.old_id_number as string | null, hometown: r.hometown as string | null,
    permanentAddress: r.permanent_address as string | null, ethnicity: r.ethnicity as string | null, verified: r.verified as string,
  };
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
