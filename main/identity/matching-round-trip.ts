import { renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileSha256, recordAudit } from '../core/audit';
import { readMeta } from '../core/database/meta';
import type { AppDatabase } from '../core/database/open-database';
import { AppError } from '../core/errors';
import { runCommand, type Actor, type Writer } from '../core/write-path';
import { vietnamDay, type OfficeInfo } from '../excel/export-office';
import { resolveCommune } from '../registry/admin-unit-queries';
import { createPersonFinder } from '../registry/person-matching';
import { searchBeneficiaries } from '../registry/beneficiary-search';
import type { ListFilterInput } from '../../shared/contract/beneficiaries';
import { MATCH_FIELDS, type MatchImportReport } from '../../shared/contract/identity';
import { writeMatchingBatch } from './matching-round-trip-list';
import {
  batchByNumber, batchNumbersStartingWith, recordById, recordsByRowid,
  recordsToSend, resultFileBySha, sentByRowKey, unitCode, unitIdsWithCode, wasSentIn, type MatchRecord,
} from './matching-round-trip-queries';
import { setMatchingStatus } from './matching-status';
import { comparePerson, type MatchField, type PlaceOf } from './police-results-comparison';
import { readPoliceResults, type ResultRow } from './police-results-reading';
import { matchingBatchPersonTable, matchingBatchTable, matchingResultFileTable, mismatchTable } from './synced-tables';
import { verifyField } from './verification';
import { qualityProblems } from './data-quality';
import { openItemsOf } from './mismatch-queue-queries';

// The police round trip: send the list (a batch with a row key per person), take the results back (tie each row to
// its record, compare as a person would, set each person's status, queue what a person must decide).

export interface UnitScope { unitIds: readonly string[] | null }

export interface MatchExportRequest {
  selection: 'pending' | 'all' | 'list';
  filters: ListFilterInput | null;
  unitIds: readonly string[] | null;
  reason: string | null;
  preparedBy?: string | null;
  date?: Date;
}

const isoDay = (d: Date) => {
  const { day, month, year } = vietnamDay(d);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
};

type Unlinked = MatchImportReport['unlinked'][number];
type Person = MatchImportReport['people'][number];

interface TiedRow { row: ResultRow; record: MatchRecord; batchId: string | null }

export function createMatchingRoundTrip(db: AppDatabase) {
  const sqlite = db.sqlite;
  const finder = createPersonFinder(sqlite);

  function officeOf(unitId: string, date: Date, preparedBy: string | null | undefined): OfficeInfo {
    const unit = sqlite.prepare('SELECT name, parent_id AS parentId, level FROM admin_units WHERE id = ?');
    const commune = unit.get(unitId) as { name: string; parentId: string | null } | undefined;
    if (!commune) throw new AppError('export-no-unit', 'Chưa chọn xã/phường của danh sách.', 'No commune for the list.');
    let provinceName: string | null = null;
    let parentId = commune.parentId;
    for (let depth = 0; parentId && depth < 5; depth++) {
      const parent = unit.get(parentId) as { name: string; parentId: string | null; level: string } | undefined;
      if (!parent) break;
      if (parent.level === 'province') { provinceName = parent.name; break; }
      parentId = parent.parentId;
    }
    return { communeName: commune.name, provinceName, date, preparedBy };
  }

  /** The commune a batch is sent from: the only unit asked for, else the office's own. */
  function sendingUnit(unitIds: readonly string[] | null): string {
    const own = readMeta(db, 'office.unitId');
    const unitId = unitIds?.length === 1 ? unitIds[0] : own && (!unitIds || unitIds.includes(own)) ? own : unitIds?.[0];
    if (!unitId) throw new AppError('export-no-unit', 'Chưa chọn xã/phường gửi danh sách.', 'No commune to send from.');
    return unitId;
  }

  function selection(req: MatchExportRequest): MatchRecord[] {
    if (req.selection === 'list') {
      const rowids = searchBeneficiaries(sqlite, { ...(req.filters ?? {}), unitIds: req.unitIds, offset: 0, limit: Number.MAX_SAFE_INTEGER } as never).rowids;
      return recordsByRowid(sqlite, req.unitIds, rowids);
    }
    return recordsToSend(sqlite, req.unitIds, req.selection);
  }

  const placeCache = new Map<string, string | null>();
  const placeOf: PlaceOf = (address) => {
    let place = placeCache.get(address);
    if (place === undefined) {
      const r = resolveCommune(sqlite, address);
      place = r.status === 'found' ? r.candidates[0].unit.id : null;
      if (placeCache.size > 10_000) placeCache.clear();
      placeCache.set(address, place);
    }
    return place;
  };

  /** Which record a result row is about: its row key, else its ID number, else old ID, else name and birth; in the user's area. */
  function tie(row: ResultRow, batch: { id: string } | null, scope: UnitScope): { tied: TiedRow } | { unlinked: Unlinked } {
    const inScope = (r: MatchRecord) => !scope.unitIds || scope.unitIds.includes(r.unitId);
    const unlinked = (reason: string): { unlinked: Unlinked } => ({
      unlinked: { sheet: row.sheet, row: row.row, fullName: row.ours.fullName ?? row.theirs.fullName ?? null, idNumber: row.ours.idNumber ?? row.theirs.idNumber ?? null, reason },
    });
    if (row.rowKey) {
      const sent = sentByRowKey(sqlite, row.rowKey);
      if (sent) {
        if (batch && sent.batchId !== batch.id) return unlinked('Mã dòng thuộc đợt gửi khác với đợt của tệp.');
        const record = recordById(sqlite, sent.beneficiaryId);
        if (!record || !inScope(record)) return unlinked('Người của mã dòng này không còn trong danh sách của bạn.');
        return { tied: { row, record, batchId: sent.batchId } };
      }
    }
    // The one person-matching module: ID number, old ID, else name + birth (+ sex), Vietnamese-aware, in the user's area.
    const id = row.ours.idNumber ?? null;
    const search = finder.find({ fullName: row.ours.fullName ?? null, birth: row.ours.birth ?? null, sex: row.ours.sex ?? null, idNumber: id, oldIdNumber: row.ours.oldIdNumber ?? null }, { unitIds: scope.unitIds });
    const candidates = search.records.map((r) => recordById(sqlite, r.id)).filter((r): r is MatchRecord => !!r && inScope(r));
    if (candidates.length > 1) return unlinked(`Khớp với ${candidates.length} hồ sơ (${search.by === 'nameAndBirth' ? 'cùng họ tên và ngày sinh' : 'cùng số định danh'}); cần người xem.`);
    if (!candidates.length) return unlinked(search.elsewhere.length ? 'Người này có tên ở xã/phường khác, ngoài địa bàn của bạn.' : 'Không tìm thấy hồ sơ nào ứng với dòng này.');
    const record = candidates[0];
    if (batch ? !wasSentIn(sqlite, record.id, batch.id) : !record.matchingStatus) return unlinked(batch ? 'Người này không có trong đợt gửi của tệp.' : 'Người này chưa từng được gửi đối chiếu.');
    return { tied: { row, record, batchId: batch?.id ?? null } };
  }

  /** The file's batch must be one this office sent, for a commune of the user's area. */
  function batchOf(number: string | null, scope: UnitScope): { id: string; number: string } | null {
    if (!number) return null;
    const batch = batchByNumber(sqlite, number);
    if (!batch) {
      const code = number.split('-')[0];
      const units = unitIdsWithCode(sqlite, code);
      const ours = scope.unitIds ? units.some((u) => scope.unitIds!.includes(u)) : units.includes(readMeta(db, 'office.unitId') ?? '');
      if (!ours) {
        throw new AppError('match-results-other-commune', `Tệp kết quả là của đợt ${number}, của xã/phường khác (mã ${code}); không ghi gì.`,
          `The results are for batch ${number} of another commune; nothing was changed.`);
      }
      throw new AppError('match-results-unknown-batch', `Tệp kết quả là của đợt ${number}, không phải đợt nào đã gửi từ máy này; không ghi gì.`,
        `The results are for batch ${number}, which was not sent from here; nothing was changed.`);
    }
    if (scope.unitIds && !scope.unitIds.includes(batch.unitId)) {
      throw new AppError('match-results-other-commune', `Tệp kết quả là của đợt ${number}, của xã/phường ngoài địa bàn của bạn; không ghi gì.`,
        `The results are for another commune's batch; nothing was changed.`);
    }
    return batch;
  }

  return {
    /** Writes the batch to `file` (whole or not at all), then records the batch, its row keys and each person's status. */
    async exportBatch(actor: Actor, req: MatchExportRequest, file: string): Promise<{ batch: string; people: number; dataQualityItems: number }> {
      const date = req.date ?? new Date();
      const unitId = sendingUnit(req.unitIds);
      const people = selection(req);
      if (!people.length) {
        throw new AppError('match-nothing-to-send', req.selection === 'pending'
          ? 'Không còn ai chờ gửi đối chiếu (mọi người đã được gửi); muốn gửi lại hãy chọn "toàn bộ" hoặc theo danh sách đang lọc.'
          : 'Danh sách không có ai để gửi.', 'Nobody to send.');
      }
      const matched = people.filter((p) => p.matchingStatus === 'matched' || p.matchingStatus === 'verified');
      if (matched.length && !req.reason) {
        throw new AppError('match-resend-needs-reason', `${matched.length} người đã khớp với CSDL dân cư; gửi lại cần ghi lý do.`,
          `${matched.length} people already matched: give a reason to send them again.`);
      }
      const code = unitCode(sqlite, unitId)?.code ?? 'XA';
      const prefix = `${code}-${isoDay(date).replace(/-/g, '')}-`;
      const batch = `${prefix}${String(batchNumbersStartingWith(sqlite, prefix) + 1).padStart(2, '0')}`;
      const rows = people.map((record, i) => ({ record, rowKey: `${batch}-${String(i + 1).padStart(4, '0')}` }));
      const partial = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.partial`);
      try {
        await writeMatchingBatch(partial, batch, rows, officeOf(unitId, date, req.preparedBy));
        renameSync(partial, file);
      } catch (e) {
        rmSync(partial, { force: true });
        if (e instanceof AppError) throw e;
        throw new AppError('export-write-failed', 'Không ghi được tệp danh sách; kiểm tra thư mục và tệp có đang mở trong Excel không.', `Could not write the list (${String(e)}).`);
      }
      const day = isoDay(date);
      const quality = runCommand(db, actor, 'match-export', (w) => {
        const batchId = w.insert(matchingBatchTable, { number: batch, unitId, sentAt: date.toISOString(), people: rows.length, reason: matched.length ? req.reason : null });
        for (const { record, rowKey } of rows) {
          w.insert(matchingBatchPersonTable, { batchId, beneficiaryId: record.id, rowKey });
          const cleaned = record.resend === 1 || record.matchingStatus === 'mismatched' || record.matchingStatus === 'not-found';
          setMatchingStatus(w, record.id, { status: cleaned ? 'resent' : 'sent', batchId, resend: 0 }, day);
        }
        // What the police cannot match as it stands goes to the queue now, not after a round trip: one item per person and problem.
        let quality = 0;
        const at = date.toISOString();
        for (const { record } of rows) {
          const open = openItemsOf(sqlite, record.id);
          for (const problem of qualityProblems(record, day)) {
            if (open.some((o) => o.kind === problem.kind && o.field === problem.field)) continue;
            w.insert(mismatchTable, { beneficiaryId: record.id, source: 'population', kind: problem.kind, field: problem.field, recordValue: problem.value,
              sourceValue: null, status: 'open', batchId, createdAt: at });
            quality += 1;
          }
        }
        w.summary = { batch, people: rows.length, ...(quality ? { dataQualityItems: quality } : {}), ...(matched.length ? { reason: req.reason, resentMatched: matched.length } : {}) };
        return quality;
      });
      recordAudit(db, actor, { action: 'export', detail: { kind: 'population-matching', batch, count: rows.length, units: [unitId], sha256: fileSha256(file) } });
      return { batch, people: rows.length, dataQualityItems: quality.result };
    },

    /** Reads a results workbook, ties and compares; unless `preview`, records statuses, verifications and queue items in one command. */
    async importResults(actor: Actor, scope: UnitScope, file: string, fileName: string, preview: boolean): Promise<MatchImportReport> {
      const sha256 = fileSha256(file);
      const before = resultFileBySha(sqlite, sha256);
      if (before) {
        throw new AppError('match-results-already-imported', `Tệp kết quả này đã được nhập ngày ${before.importedAt.slice(8, 10)}/${before.importedAt.slice(5, 7)}/${before.importedAt.slice(0, 4)} (tệp "${before.fileName}"); không ghi lại.`,
          'This results file was already imported; nothing was changed.');
      }
      const reading = await readPoliceResults(file);
      const batch = batchOf(reading.batch, scope);
      const unlinked: Unlinked[] = [];
      const tied: TiedRow[] = [];
      const seen = new Map<string, ResultRow>();
      for (const row of reading.rows) {
        const t = tie(row, batch, scope);
        if ('unlinked' in t) { unlinked.push(t.unlinked); continue; }
        if (seen.has(t.tied.record.id)) {
          unlinked.push({ sheet: row.sheet, row: row.row, fullName: row.ours.fullName ?? null, idNumber: row.ours.idNumber ?? null, reason: `Cùng một người với dòng ${seen.get(t.tied.record.id)!.row}; chỉ lấy dòng đầu.` });
          continue;
        }
        seen.set(t.tied.record.id, row);
        tied.push(t.tied);
      }
      const people: (Person & { tied: TiedRow; same: MatchField[] })[] = tied.map((t) => ({ ...judge(t), tied: t }));
      const counts = { match: 0, mismatch: 0, notfound: 0, unlinked: unlinked.length };
      for (const p of people) counts[p.outcome] += 1;
      let resultFileId: string | null = null;
      if (!preview) {
        const now = new Date();
        resultFileId = runCommand(db, actor, 'match-results', (w) => {
          for (const p of people) applyOutcome(w, p, now, actor);
          w.summary = { file: fileName, batch: reading.batch, sha256, counts };
          return w.insert(matchingResultFileTable, { batchId: batch?.id ?? null, fileName, sha256, importedAt: now.toISOString(), counts: JSON.stringify(counts) });
        }).result;
      }
      return {
        batch: reading.batch, layout: reading.layout, rows: reading.rows.length, counts,
        people: people.map(({ tied: _t, same: _s, ...p }) => p), unlinked, resultFileId,
      };
    },
  };

  function judge(t: TiedRow): Person & { same: MatchField[] } {
    const r = t.record;
    const ours = { fullName: r.fullName, birth: r.birth, sex: r.sex, idNumber: r.idNumber, hometown: r.hometown, permanentAddress: r.permanentAddress };
    const base = { idNumber: r.idNumber, fullName: r.fullName };
    if (t.row.outcome === 'notfound' || (!t.row.outcome && !Object.values(t.row.theirs).some((v) => v))) {
      return { ...base, outcome: 'notfound', fields: [], spellingOnly: [], enriched: [], same: [] };
    }
    const c = comparePerson(ours, t.row.theirs, placeOf);
    // Fields the free text names without giving their value: really different, as far as we can tell.
    for (const f of t.row.namedFields) if (t.row.theirs[f] == null && !c.fields.includes(f)) c.fields.push(f);
    const fields = c.fields;
    const stated = t.row.outcome;
    // Their verdict "mismatch" with nothing we could place on a field stays a mismatch; spelling-only is never one.
    const unplaced = stated === 'mismatch' && c.spellingOnly.length === 0 && c.enriched.length === 0 && t.row.namedFields.length === 0;
    const mismatch = fields.length > 0 || unplaced;
    const noValues = !Object.values(t.row.theirs).some((v) => v);
    const same = stated === 'match' && noValues ? MATCH_FIELDS.filter((f) => ours[f]) : c.same;
    return { ...base, outcome: mismatch ? 'mismatch' : 'match', fields, spellingOnly: c.spellingOnly, enriched: c.enriched, same: mismatch ? c.same : same };
  }

  function applyOutcome(w: Writer, p: Person & { tied: TiedRow; same: MatchField[] }, now: Date, actor: Actor): void {
    const r = p.tied.record;
    const batchId = p.tied.batchId ?? (sqlite.prepare('SELECT batch_id FROM matching_statuses WHERE id = ?').pluck().get(r.id) as string | null) ?? null;
    const day = isoDay(now);
    const at = now.toISOString();
    const open = new Set((sqlite.prepare(`SELECT kind || ':' || coalesce(field, '') FROM mismatches WHERE beneficiary_id = ? AND source = 'population' AND status = 'open' AND deleted = 0`)
      .pluck().all(r.id) as string[]));
    const queue = (kind: 'differs' | 'not-found', field: MatchField | null, difference: 'real' | 'spelling' | 'enriched' | null, theirs: string | null, note: string | null = null) => {
      if (open.has(`${kind}:${field ?? ''}`)) return;
      w.insert(mismatchTable, {
        beneficiaryId: r.id, source: 'population', kind, field, recordValue: field ? (r[field] as string | null) : null, sourceValue: theirs,
        difference, batchId, note, createdAt: at,
      });
    };
    if (p.outcome === 'notfound') {
      queue('not-found', null, null, null);
      setMatchingStatus(w, r.id, { status: 'not-found', batchId }, day);
      return;
    }
    const theirs = p.tied.row.theirs;
    for (const f of p.same) verifyField(w, r.id, f, { source: 'population', batchId, userId: actor.userId, at });
    for (const f of p.fields) queue('differs', f, 'real', theirs[f] ?? null, theirs[f] == null ? p.tied.row.differenceText : null);
    if (p.outcome === 'mismatch' && p.fields.length === 0) queue('differs', null, 'real', p.tied.row.differenceText ?? null);
    for (const f of p.spellingOnly) queue('differs', f, 'spelling', theirs[f] ?? null);
    for (const f of p.enriched) queue('differs', f, 'enriched', theirs[f] ?? null);
    const waiting = p.spellingOnly.length + p.enriched.length;
    setMatchingStatus(w, r.id, p.outcome === 'mismatch'
      ? { status: 'mismatched', batchId }
      : waiting ? { status: 'matched', batchId } : { status: 'verified', verifiedBy: 'population', batchId }, day);
  }
}

export type MatchingRoundTrip = ReturnType<typeof createMatchingRoundTrip>;
