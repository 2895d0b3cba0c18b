import type { AppDatabase } from '../core/database/open-database';
import { AppError } from '../core/errors';
import { runCommand, type Actor } from '../core/write-path';
import type { CardReadResult } from '../card/read-card';
import { beneficiaryTable } from '../registry/synced-tables';
import { createPersonFinder } from '../registry/person-matching';
import type { UnitScope } from '../registry/registry-service';
import { CARD_FIELDS, compareWithCard, type CardField, type CardValues, type FieldComparison } from './card-comparison';
import { listMismatches, openMismatches, recordById, recordsForCard, type RecordForCard } from './identity-queries';
import { beneficiaryPhotoTable, mismatchTable } from './synced-tables';
import type { RecentCardReads } from './recent-card-reads';
import { markVerifiedByChip, verifyField } from './verification';

export interface CardComparison {
  matchedBy: 'idNumber' | 'oldIdNumber' | 'nameAndBirth' | 'chosen' | null;
  candidates: { id: string; fullName: string; birth: string | null }[];
  beneficiaryId: string | null;
  fields: FieldComparison[];
  cardVerified: boolean;
}

function cardValues(read: CardReadResult): CardValues {
  const p = read.person;
  return { fullName: p.fullName, birth: p.birth, sex: p.sex, idNumber: p.idNumber, oldIdNumber: p.oldIdNumber, hometown: p.hometown, permanentAddress: p.permanentAddress, ethnicity: p.ethnicity };
}

/** Verifying people against their chip card: find the record, compare, accept the card's values or queue the difference. */
export function createIdentityService(db: AppDatabase, reads: RecentCardReads) {
  const sqlite = db.sqlite;
  const finder = createPersonFinder(sqlite);
  const inScope = (scope: UnitScope, r: RecordForCard | undefined): r is RecordForCard => !!r && (!scope.unitIds || scope.unitIds.includes(r.unitId));

  function record(scope: UnitScope, id: string): RecordForCard {
    const r = recordById(sqlite, id);
    if (!inScope(scope, r)) throw new AppError('not-found', 'Không tìm thấy đối tượng (có thể ngoài địa bàn của bạn).', 'Beneficiary not found.');
    return r;
  }

  function pickFields(read: CardReadResult, fields: readonly CardField[]): Partial<Record<CardField, string | null>> {
    const values = cardValues(read);
    const patch: Partial<Record<CardField, string | null>> = {};
    for (const f of fields) if (values[f] != null) patch[f] = values[f];
    // A birth date the chip gives as free text cannot go into the record's date field.
    if (patch.birth && !/^\d{4}(-\d{2}-\d{2})?$/.test(patch.birth)) delete patch.birth;
    return patch;
  }

  return {
    compare(scope: UnitScope, userId: string | null, readId: string, beneficiaryId: string | null): CardComparison {
      const read = reads.get(readId, userId);
      const found = beneficiaryId ? { by: 'chosen' as const, records: [record(scope, beneficiaryId)] } : recordsForCard(finder, scope, read.person);
      const candidates = found.records.filter((r) => inScope(scope, r));
      const chosen = candidates.length === 1 ? candidates[0] : null;
      return {
        matchedBy: candidates.length ? found.by : null,
        candidates: candidates.map((c) => ({ id: c.id, fullName: c.fullName, birth: c.birth })),
        beneficiaryId: chosen?.id ?? null,
        fields: chosen ? compareWithCard(chosen, cardValues(read)) : [],
        cardVerified: read.verified,
      };
    },

    /** The clerk accepts the card's values: fields change and, when the chip's signature checked out, become verified by chip. */
    acceptCardValues(actor: Actor, scope: UnitScope, readId: string, beneficiaryId: string, fields: readonly CardField[]) {
      const read = reads.get(readId, actor.userId);
      record(scope, beneficiaryId);
      const patch = pickFields(read, fields);
      return runCommand(db, actor, read.verified ? 'card-verification' : 'card-copy-unverified', (w) => {
        const changed = w.update(beneficiaryTable, beneficiaryId, patch);
        if (read.verified) {
          const at = new Date().toISOString();
          for (const f of Object.keys(patch)) verifyField(w, beneficiaryId, f, { source: 'chip', cardRead: readId, userId: actor.userId, at });
          markVerifiedByChip(w, beneficiaryId, at.slice(0, 10));
        }
        for (const m of openMismatches(sqlite, beneficiaryId, 'chip')) {
          if (m.field && m.field in patch) w.update(mismatchTable, m.id, { status: 'accepted' });
        }
        w.summary = { fields: Object.keys(patch), verifiedByChip: read.verified };
        return { changed, markedVerified: read.verified };
      }).result;
    },

    /** The clerk cannot decide now: each differing field goes to the mismatch queue. */
    sendToMismatchQueue(actor: Actor, scope: UnitScope, readId: string, beneficiaryId: string, fields: readonly CardField[]) {
      const read = reads.get(readId, actor.userId);
      const current = record(scope, beneficiaryId);
      const differing = compareWithCard(current, cardValues(read)).filter((c) => !c.same && fields.includes(c.field));
      const already = new Set(openMismatches(sqlite, beneficiaryId, 'chip').map((m) => m.field));
      return runCommand(db, actor, 'card-mismatch', (w) => {
        let queued = 0;
        for (const c of differing) {
          if (already.has(c.field)) continue;
          w.insert(mismatchTable, { beneficiaryId, source: 'chip', kind: 'differs', field: c.field, recordValue: c.recordValue, sourceValue: c.cardValue });
          queued++;
        }
        return { queued };
      }).result;
    },

    /** A new record filled with every field the card gives. */
    newRecordFromCard(actor: Actor, scope: UnitScope, readId: string, input: { unitId: string; village: string | null; categoryGroup: string; categoryLabel: string }) {
      if (scope.unitIds && !scope.unitIds.includes(input.unitId)) throw new AppError('forbidden', 'Đơn vị này ngoài địa bàn của bạn.', 'Unit outside your scope.');
      const read = reads.get(readId, actor.userId);
      const values = pickFields(read, CARD_FIELDS);
      if (!values.fullName) throw new AppError('card-no-name', 'Thẻ không cho biết họ tên; hãy nhập hồ sơ bằng tay.', 'The card gave no name.');
      const sameId = values.idNumber ? recordsForCard(finder, { unitIds: null }, { idNumber: values.idNumber, oldIdNumber: null, fullName: null, birth: null }) : null;
      if (sameId && sameId.records.length + sameId.elsewhere > 0) {
        throw new AppError('duplicate-id', 'Đã có đối tượng mang số định danh này; hãy dùng "Xác minh" thay vì tạo mới.', 'A record with this ID number exists.');
      }
      return runCommand(db, actor, read.verified ? 'card-new-record' : 'card-new-record-unverified', (w) => {
        const id = w.insert(beneficiaryTable, { ...values, fullName: values.fullName!, ...input });
        if (read.verified) {
          const at = new Date().toISOString();
          for (const f of Object.keys(values)) verifyField(w, id, f, { source: 'chip', cardRead: readId, userId: actor.userId, at });
          markVerifiedByChip(w, id, at.slice(0, 10));
        }
        return id;
      }).result;
    },

    /** The photo is shown after a read but stored only here, when the clerk saves it. */
    savePhoto(actor: Actor, scope: UnitScope, readId: string, beneficiaryId: string) {
      const read = reads.get(readId, actor.userId);
      record(scope, beneficiaryId);
      if (!read.photo) throw new AppError('no-photo', 'Lần đọc này không có ảnh chân dung.', 'This read has no photo.');
      const photo = read.photo;
      return runCommand(db, actor, 'card-photo', (w) =>
        w.insert(beneficiaryPhotoTable, { beneficiaryId, source: 'chip', mimeType: photo.mime, dataBase64: Buffer.from(photo.bytes).toString('base64') })).result;
    },

    listMismatches(scope: UnitScope, status: string | null) {
      return listMismatches(sqlite, scope.unitIds, status);
    },
  };
}

export type IdentityService = ReturnType<typeof createIdentityService>;
