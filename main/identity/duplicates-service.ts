import type { AppDatabase } from '../core/database/open-database';
import { AppError } from '../core/errors';
import { runCommand, type Actor } from '../core/write-path';
import { undoChecked, type UndoRequester } from '../registry/command-undo';
import { beneficiaryTable, paymentAccountTable } from '../registry/synced-tables';
import { refreshPaymentChannel } from '../registry/payment-channel-refresh';
import type { UnitScope } from '../registry/registry-service';
import { compareBirths, duplicateVerdict } from '../registry/person-matching-rules';
import { detectDuplicates } from './duplicates-detection';
import { duplicatePairTable } from './duplicates-tables';
import { verificationsOf, verifiedFieldsOf, verifyField } from './verification';
import {
  activeAccounts, allPairs, duplicateBlocks, pairById, pairSide, pairsInArea, type DuplicateBlock, type PairSide, type PairStatus, type StoredPair,
} from './duplicates-queries';

// People listed twice: detection records each pair as an item of the mismatch queue; a person decides: merge
// (one record kept, the other tombstoned into it, undoable as one command) or "two different people". Nothing is
// ever merged automatically. A same-ID pair, and a probable pair across two communes, hold payment to both until it
// is resolved (`openDuplicateBlocks`).

/** Fields a merge copies from the merged record where the kept record has none. */
const FILLED_FIELDS = ['birth', 'sex', 'idNumber', 'oldIdNumber', 'hometown', 'permanentAddress', 'ethnicity', 'village', 'householdId'] as const;

export interface DuplicatePersonView {
  id: string;
  /** False: outside the user's area; only the unit is shown. */
  inArea: boolean;
  unitName: string;
  deleted: boolean;
  fullName: string | null;
  birth: string | null;
  sex: string | null;
  idNumber: string | null;
  oldIdNumber: string | null;
  village: string | null;
  hometown: string | null;
}

export interface DuplicatePairView {
  id: string;
  kind: 'same-id' | 'probable';
  score: number;
  explanation: string;
  status: PairStatus;
  keptId: string | null;
  /** Blocks payment to both while open (a same-ID pair, or a probable one across two communes). */
  blocksPayment: boolean;
  people: [DuplicatePersonView, DuplicatePersonView];
}

export interface DetectionReport {
  people: number;
  sameId: number;
  probable: number;
  /** Pairs new to the queue (or back in it). */
  added: number;
  /** Open pairs that are no longer alike (an ID corrected, a record merged or removed). */
  closed: number;
}

const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

export function createDuplicatesService(db: AppDatabase) {
  const sqlite = db.sqlite;
  const inScope = (scope: UnitScope, unitId: string) => !scope.unitIds || scope.unitIds.includes(unitId);

  function view(scope: UnitScope, side: PairSide | undefined, id: string): DuplicatePersonView {
    if (!side) return { id, inArea: false, unitName: '', deleted: true, fullName: null, birth: null, sex: null, idNumber: null, oldIdNumber: null, village: null, hometown: null };
    const visible = inScope(scope, side.unitId);
    const p = side.person;
    return {
      id, inArea: visible, unitName: side.unitName, deleted: side.deleted,
      fullName: visible ? p.fullName : null, birth: visible ? p.birth : null, sex: visible ? p.sex : null, idNumber: visible ? p.idNumber : null,
      oldIdNumber: visible ? p.oldIdNumber : null, village: visible ? p.village : null, hometown: visible ? p.hometown : null,
    };
  }

  function openPairInScope(scope: UnitScope, pairId: string): { pair: StoredPair; a: PairSide; b: PairSide } {
    const pair = pairById(sqlite, pairId);
    const a = pair && pairSide(sqlite, pair.beneficiaryId);
    const b = pair && pairSide(sqlite, pair.otherId);
    if (!pair || !a || !b) throw new AppError('not-found', 'Không tìm thấy cặp hồ sơ trùng này.', 'No such duplicate pair.');
    if (!inScope(scope, a.unitId) || !inScope(scope, b.unitId)) {
      throw new AppError('forbidden', 'Một trong hai hồ sơ ở ngoài địa bàn của bạn; cấp trên quản lý cả hai xã mới quyết định được.', 'One of the two records is outside your units.');
    }
    if (pair.status !== 'open') throw new AppError('duplicate-decided', 'Cặp hồ sơ này đã được quyết định rồi.', 'This pair was already decided.');
    if (a.deleted || b.deleted) throw new AppError('duplicate-gone', 'Một trong hai hồ sơ đã bị xoá hoặc gộp; hãy tìm lại người trùng.', 'One of the records is gone.');
    return { pair, a, b };
  }

  return {
    /** Finds people listed twice in the area and records every new pair in the queue, in one command. */
    detect(actor: Actor, scope: UnitScope): DetectionReport {
      const detection = detectDuplicates(sqlite, { unitIds: scope.unitIds });
      const known = new Map(allPairs(sqlite).map((p) => [pairKey(p.beneficiaryId, p.otherId), p]));
      return runCommand(db, actor, 'duplicate-detection', (w) => {
        const report: DetectionReport = { people: detection.people, sameId: 0, probable: 0, added: 0, closed: 0 };
        const detected = new Set<string>();
        for (const d of detection.pairs) {
          report[d.kind === 'same-id' ? 'sameId' : 'probable'] += 1;
          const key = pairKey(d.beneficiaryId, d.otherId);
          detected.add(key);
          const existing = known.get(key);
          const values = { kind: d.kind, score: Math.round(d.score * 100), explanation: d.explanation };
          if (!existing) {
            w.insert(duplicatePairTable, { beneficiaryId: d.beneficiaryId, otherId: d.otherId, status: 'open', ...values });
            report.added += 1;
          } else if (existing.status === 'gone') {
            w.update(duplicatePairTable, existing.id, { status: 'open', ...values });
            report.added += 1;
          } else if (existing.status === 'open') {
            w.update(duplicatePairTable, existing.id, values);
          }
        }
        // Open pairs of the area that detection did not find again: closed only if the rule says they are no longer alike.
        for (const p of known.values()) {
          if (p.status !== 'open' || detected.has(pairKey(p.beneficiaryId, p.otherId))) continue;
          const [a, b] = [pairSide(sqlite, p.beneficiaryId), pairSide(sqlite, p.otherId)];
          if (a && b && !(inScope(scope, a.unitId) && inScope(scope, b.unitId))) continue;
          if (!a || !b || a.deleted || b.deleted || !duplicateVerdict(a.person, b.person)) {
            w.update(duplicatePairTable, p.id, { status: 'gone' });
            report.closed += 1;
          }
        }
        w.summary = { ...report };
        return report;
      }).result;
    },

    /** The pairs with a record in the user's area; a record outside it shows only its commune. */
    list(scope: UnitScope, status: PairStatus | null): DuplicatePairView[] {
      return pairsInArea(sqlite, scope.unitIds, status).map((p) => {
        const [one, other] = [pairSide(sqlite, p.beneficiaryId), pairSide(sqlite, p.otherId)];
        const twoCommunes = !!one && !!other && one.unitId !== other.unitId;
        return {
          id: p.id, kind: p.kind, score: p.score, explanation: p.explanation, status: p.status, keptId: p.keptId,
          blocksPayment: p.status === 'open' && (p.kind === 'same-id' || twoCommunes),
          people: [view(scope, one, p.beneficiaryId), view(scope, other, p.otherId)],
        };
      });
    },

    /**
     * Which of these people must not be paid because their ID number (or old CMND) is listed twice, checked live
     * across every commune of the database. For the payout: a person with a block is held until the pair is resolved.
     */
    openDuplicateBlocks(personIds: readonly string[]): DuplicateBlock[] {
      return duplicateBlocks(sqlite, personIds);
    },

    /**
     * One person listed twice: `keepId` stays, the other record is tombstoned into it. Fields the kept record lacks are
     * taken from the other (a full birth date for a year), its accounts too when the kept record has none for that
     * purpose. Both records keep their history; `undoMerge` puts everything back.
     */
    merge(actor: Actor, scope: UnitScope, pairId: string, keepId: string) {
      const { pair } = openPairInScope(scope, pairId);
      if (keepId !== pair.beneficiaryId && keepId !== pair.otherId) throw new AppError('invalid', 'Hồ sơ giữ lại phải là một trong hai hồ sơ trùng.', 'The kept record must be one of the pair.');
      const dropId = keepId === pair.beneficiaryId ? pair.otherId : pair.beneficiaryId;
      return runCommand(db, actor, 'duplicate-merge', (w) => {
        const kept = w.get(beneficiaryTable, keepId)!;
        const dropped = w.get(beneficiaryTable, dropId)!;
        const patch: Record<string, unknown> = {};
        for (const f of FILLED_FIELDS) if ((kept[f] ?? null) === null && (dropped[f] ?? null) !== null) patch[f] = dropped[f];
        if (compareBirths(kept.birth as string | null, dropped.birth as string | null) === 'year-of-date' && String(dropped.birth).length > 4) patch.birth = dropped.birth;
        // beneficiaries.verified is a summary kept by triggers from field_verifications: never written here.
        if (Object.keys(patch).length) w.update(beneficiaryTable, keepId, patch);
        // What was verified on the merged record stays verified on the kept one where the kept value is that value.
        const keptVerified = verifiedFieldsOf(sqlite, keepId);
        const carried: string[] = [];
        for (const v of verificationsOf(sqlite, dropId)) {
          if (keptVerified[v.field]) continue;
          const keptValue = v.field in patch ? patch[v.field] : kept[v.field as keyof typeof kept];
          if (keptValue === null || keptValue === undefined || String(keptValue) !== String(dropped[v.field as keyof typeof dropped] ?? '')) continue;
          verifyField(w, keepId, v.field, { source: v.source, batchId: v.batchId, cardRead: v.cardRead, at: v.verifiedAt ?? undefined, userId: v.verifiedBy });
          carried.push(v.field);
        }
        const keptPurposes = new Set(activeAccounts(sqlite, keepId).map((a) => a.purpose));
        let accountsMoved = 0;
        for (const account of activeAccounts(sqlite, dropId)) {
          if (keptPurposes.has(account.purpose)) continue;
          w.update(paymentAccountTable, account.id, { beneficiaryId: keepId });
          keptPurposes.add(account.purpose);
          accountsMoved += 1;
        }
        if (accountsMoved) refreshPaymentChannel(w, sqlite, keepId);
        w.tombstone(beneficiaryTable, dropId);
        w.update(duplicatePairTable, pair.id, { status: 'merged', keptId: keepId });
        w.summary = { pairId, keptId: keepId, mergedId: dropId, filled: Object.keys(patch), accountsMoved, verifiedCarried: carried };
        return { keptId: keepId, mergedId: dropId, filled: Object.keys(patch), accountsMoved };
      });
    },

    /** Undoes a merge under the one undo rule (in the area, by its author or an administrator). */
    undoMerge(actor: Actor, requester: UndoRequester, commandId: string) {
      return undoChecked(db, actor, requester, commandId, 'duplicate-merge').result;
    },

    /** Two different people after all. A same-ID pair cannot be: one ID is wrong (correct it) or it is one person (merge). */
    markDistinct(actor: Actor, scope: UnitScope, pairId: string, note: string) {
      const { pair } = openPairInScope(scope, pairId);
      if (pair.kind === 'same-id') {
        throw new AppError('duplicate-same-id', 'Hai hồ sơ cùng một số định danh không thể là hai người: hãy sửa số định danh sai, hoặc gộp hai hồ sơ.',
          'Two records with one ID number cannot be two people: correct the wrong ID or merge them.');
      }
      if (!note.trim()) throw new AppError('invalid', 'Hãy ghi lý do (ví dụ: khác cha mẹ, khác quê quán).', 'Give a reason.');
      runCommand(db, actor, 'duplicate-distinct', (w) => {
        w.update(duplicatePairTable, pair.id, { status: 'distinct', note: note.trim() });
        w.summary = { pairId };
      });
      return { ok: true as const };
    },
  };
}

export type DuplicatesService = ReturnType<typeof createDuplicatesService>;
