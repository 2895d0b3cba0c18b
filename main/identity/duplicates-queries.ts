import type { SqliteConnection } from '../core/database/open-database';
import type { ListedPerson } from '../registry/person-matching-rules';

// SQL of people listed twice: the recorded pairs, the records they join, and the live same-ID check payment asks.

export type PairStatus = 'open' | 'merged' | 'distinct' | 'gone';

export interface StoredPair {
  id: string;
  beneficiaryId: string;
  otherId: string;
  kind: 'same-id' | 'probable';
  score: number;
  explanation: string;
  status: PairStatus;
  keptId: string | null;
}

const PAIR_COLUMNS = `id, beneficiary_id AS beneficiaryId, other_id AS otherId, kind, score, explanation, status, kept_id AS keptId`;

export function pairById(sqlite: SqliteConnection, id: string): StoredPair | undefined {
  return sqlite.prepare(`SELECT ${PAIR_COLUMNS} FROM duplicate_pairs WHERE id = ? AND deleted = 0`).get(id) as StoredPair | undefined;
}

export function allPairs(sqlite: SqliteConnection): StoredPair[] {
  return sqlite.prepare(`SELECT ${PAIR_COLUMNS} FROM duplicate_pairs WHERE deleted = 0`).all() as StoredPair[];
}

export interface PairSide {
  id: string;
  unitId: string;
  unitName: string;
  deleted: boolean;
  person: ListedPerson & { hometown: string | null };
}

export function pairSide(sqlite: SqliteConnection, beneficiaryId: string): PairSide | undefined {
  const r = sqlite.prepare(`SELECT b.id, b.unit_id AS unitId, coalesce(u.name, '') AS unitName, b.deleted, b.full_name AS fullName, b.birth, b.sex,
      b.id_number AS idNumber, b.old_id_number AS oldIdNumber, b.village, b.hometown
    FROM beneficiaries b LEFT JOIN admin_units u ON u.id = b.unit_id WHERE b.id = ?`).get(beneficiaryId) as
    (Omit<PairSide, 'person' | 'deleted'> & { deleted: number; fullName: string; birth: string | null; sex: string | null; idNumber: string | null; oldIdNumber: string | null; village: string | null; hometown: string | null }) | undefined;
  if (!r) return undefined;
  return {
    id: r.id, unitId: r.unitId, unitName: r.unitName, deleted: r.deleted === 1,
    person: { fullName: r.fullName, birth: r.birth, sex: r.sex, idNumber: r.idNumber, oldIdNumber: r.oldIdNumber, unitId: r.unitId, village: r.village, hometown: r.hometown },
  };
}

/** Pairs with at least one record in the units (null = all), by status (null = all), surest first. */
export function pairsInArea(sqlite: SqliteConnection, unitIds: readonly string[] | null, status: PairStatus | null): StoredPair[] {
  const inArea = unitIds
    ? `AND EXISTS (SELECT 1 FROM beneficiaries b WHERE b.id IN (d.beneficiary_id, d.other_id) AND b.unit_id IN (SELECT value FROM json_each(?)))`
    : '';
  const byStatus = status ? 'AND d.status = ?' : '';
  const args = [...(status ? [status] : []), ...(unitIds ? [JSON.stringify(unitIds)] : [])];
  return sqlite.prepare(`SELECT ${PAIR_COLUMNS.split(', ').map((c) => `d.${c}`).join(', ')} FROM duplicate_pairs d
    WHERE d.deleted = 0 ${byStatus} ${inArea} ORDER BY d.kind = 'same-id' DESC, d.score DESC, d.id LIMIT 2000`).all(...args) as StoredPair[];
}

export interface DuplicateBlock {
  /** The person whose payment is held. */
  beneficiaryId: string;
  /** Their commune. */
  unitId: string;
  /** The other record: with the same ID number (or old CMND), or probably the same person in another commune. */
  otherId: string;
  /** The queue item, when detection has recorded it (null: found live, not yet in the queue). */
  pairId: string | null;
  explanation: string;
}

/**
 * Payment holds for people listed twice: with the same ID number or old CMND, anywhere in the database, checked
 * live (a same-ID pair cannot be decided "two people": one record is merged away or its ID corrected); and probably
 * the same person in two communes (an open probable pair of the queue, whose records are in different communes),
 * until the pair is decided (merged, or two different people) or no longer alike. A probable pair inside one commune
 * is the commune's own tidying and holds nothing.
 */
export function duplicateBlocks(sqlite: SqliteConnection, personIds: readonly string[]): DuplicateBlock[] {
  if (personIds.length === 0) return [];
  const rows = sqlite.prepare(`
    WITH asked AS (SELECT b.id, b.unit_id, b.id_number, b.old_id_number FROM beneficiaries b WHERE b.id IN (SELECT value FROM json_each(?)) AND b.deleted = 0)
    SELECT a.id AS beneficiaryId, a.unit_id AS unitId, o.id AS otherId, 'cùng số định danh' AS explanation FROM asked a
      JOIN beneficiaries o ON o.id_number = a.id_number AND o.id <> a.id AND o.deleted = 0
    UNION
    SELECT a.id, a.unit_id, o.id, 'cùng số CMND cũ' FROM asked a
      JOIN beneficiaries o ON o.old_id_number = a.old_id_number AND o.id <> a.id AND o.deleted = 0
    UNION
    SELECT a.id, a.unit_id, o.id, 'nghi cùng một người, có tên ở hai xã' FROM asked a
      JOIN duplicate_pairs d ON d.deleted = 0 AND d.status = 'open' AND d.kind = 'probable' AND a.id IN (d.beneficiary_id, d.other_id)
      JOIN beneficiaries o ON o.id = CASE WHEN d.beneficiary_id = a.id THEN d.other_id ELSE d.beneficiary_id END AND o.deleted = 0 AND o.unit_id <> a.unit_id`)
    .all(JSON.stringify(personIds)) as Omit<DuplicateBlock, 'pairId'>[];
  const pairOf = sqlite.prepare(`SELECT id FROM duplicate_pairs WHERE deleted = 0 AND status = 'open'
    AND ((beneficiary_id = ? AND other_id = ?) OR (beneficiary_id = ? AND other_id = ?))`).pluck();
  return rows.map((r) => ({ ...r, pairId: (pairOf.get(r.beneficiaryId, r.otherId, r.otherId, r.beneficiaryId) as string | undefined) ?? null }));
}

export function activeAccounts(sqlite: SqliteConnection, beneficiaryId: string): { id: string; purpose: string }[] {
  return sqlite.prepare("SELECT id, purpose FROM payment_accounts WHERE beneficiary_id = ? AND deleted = 0 AND status = 'active'").all(beneficiaryId) as { id: string; purpose: string }[];
}
