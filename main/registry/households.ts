import type { AppDatabase } from '../core/database/open-database';
import { AppError } from '../core/errors';
import { runCommand, type Actor, type Writer } from '../core/write-path';
import { foldVietnamese } from '../../shared/text/fold';
import { beneficiaryTable, householdTable } from './synced-tables';
import type { UnitScope } from './registry-service';

// Households of the register: create one around a person (who heads it), move a person between households of
// the same commune, make a member the head. Each is one 'household-edit' command.

const notFound = () => new AppError('not-found', 'Không tìm thấy đối tượng hoặc hộ gia đình (có thể ngoài địa bàn của bạn).', 'Beneficiary or household not found.');

function person(w: Writer, scope: UnitScope, id: string) {
  const row = w.get(beneficiaryTable, id);
  if (!row || row.deleted || (scope.unitIds && !scope.unitIds.includes(String(row.unitId)))) throw notFound();
  return row;
}

function household(w: Writer, unitId: string, id: string) {
  const row = w.get(householdTable, id);
  if (!row || row.deleted || row.unitId !== unitId) throw new AppError('household-missing', 'Không tìm thấy hộ gia đình này trong xã.', 'No such household in this commune.');
  return row;
}

/** A person who headed the household they leave: the household keeps the name, without a head on the register. */
function leave(w: Writer, who: Record<string, unknown>): void {
  if (!who.householdId) return;
  const old = w.get(householdTable, String(who.householdId));
  if (old && old.headId === who.id) w.update(householdTable, String(old.id), { headId: null });
}

export function createHousehold(db: AppDatabase, actor: Actor, scope: UnitScope, req: { beneficiaryId: string; kind: 'ordinary' | 'poor' | 'near-poor' }): string {
  return runCommand(db, actor, 'household-edit', (w) => {
    const who = person(w, scope, req.beneficiaryId);
    leave(w, who);
    const id = w.insert(householdTable, { unitId: who.unitId, village: who.village, headName: who.fullName, headId: who.id, address: who.permanentAddress, kind: req.kind });
    w.update(beneficiaryTable, req.beneficiaryId, { householdId: id });
    w.summary = { beneficiaryId: req.beneficiaryId, household: id, created: true };
    return id;
  }).result;
}

export function moveToHousehold(db: AppDatabase, actor: Actor, scope: UnitScope, req: { beneficiaryId: string; householdId: string | null }): void {
  runCommand(db, actor, 'household-edit', (w) => {
    const who = person(w, scope, req.beneficiaryId);
    if (req.householdId) household(w, String(who.unitId), req.householdId);
    if (who.householdId === req.householdId) return;
    leave(w, who);
    w.update(beneficiaryTable, req.beneficiaryId, { householdId: req.householdId });
    w.summary = { beneficiaryId: req.beneficiaryId, household: req.householdId };
  });
}

export function setHeadOfHousehold(db: AppDatabase, actor: Actor, scope: UnitScope, beneficiaryId: string): void {
  runCommand(db, actor, 'household-edit', (w) => {
    const who = person(w, scope, beneficiaryId);
    if (!who.householdId) throw new AppError('household-missing', 'Người này chưa thuộc hộ gia đình nào.', 'Not in a household.');
    w.update(householdTable, String(who.householdId), { headId: who.id, headName: who.fullName });
    w.summary = { beneficiaryId, household: who.householdId, head: true };
  });
}

/** Households of the person's commune whose head's name matches, for the "move to" picker. */
export function findHouseholds(db: AppDatabase, scope: UnitScope, beneficiaryId: string, query: string) {
  const unit = db.sqlite.prepare('SELECT unit_id FROM beneficiaries WHERE id = ? AND deleted = 0').pluck().get(beneficiaryId) as string | undefined;
  if (!unit || (scope.unitIds && !scope.unitIds.includes(unit))) throw notFound();
  const folded = foldVietnamese(query);
  const rows = db.sqlite.prepare(`SELECT h.id, h.head_name AS headName, h.village, h.kind,
      (SELECT count(*) FROM beneficiaries m WHERE m.household_id = h.id AND m.deleted = 0) AS memberCount
    FROM households h WHERE h.unit_id = ? AND h.deleted = 0 ORDER BY h.head_name LIMIT 2000`).all(unit) as
    { id: string; headName: string; village: string | null; kind: string; memberCount: number }[];
  return rows.filter((h) => foldVietnamese(h.headName).includes(folded)).slice(0, 30);
}
