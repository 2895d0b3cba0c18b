import { createHash } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import type { AppDatabase } from '../core/database/open-database';
import { readMeta } from '../core/database/meta';
import { AppError } from '../core/errors';
import type { Actor } from '../core/write-path';
import type { UndoRequester } from '../registry/command-undo';
import type { ImportOptions, ImportReport, ImportService } from '../excel/import-service';
import type { DetectionReport } from '../identity/duplicates-service';
import { officeCommunes, type OfficeCommune } from '../registry/office-communes';
import { unitLabel } from '../registry/admin-unit-queries';
import type { ConsolidationFile, ConsolidationReport } from '../../shared/contract/consolidation';
import { compareVersions, type ListVersion } from './list-period';
import { recogniseList } from './list-recognition';
import { communesInForce, consolidatedBefore } from './consolidation-queries';
import { basename } from 'node:path';

// The desk of the office above the commune: a folder of the communes' lists, each recognised (commune, layout,
// period), checked against the others (the same file twice, two files that both claim to be a commune's latest,
// a list already consolidated), previewed with its counts before anything is written, then imported one by one,
// each its own undoable "import" command. A person on two communes' lists is recorded in both and queued as
// listed twice (payment to both held while the same ID stands twice).

export interface ListFile {
  path: string;
  fileName: string;
  /** The clerk's choice of commune, when recognition cannot tell (null: recognise). */
  unitId: string | null;
  /** How the door handed the file over (echoed back in the preview). */
  fileRef?: string;
  /** Where the hub's receipt goes when the file is a commune's sync bundle (default: beside it, FILE.bien-nhan). */
  receiptPath?: string;
}

export interface ConsolidationDeps {
  imports: ImportService;
  /**
   * Commits a large list as one import command off this thread (the services: the commit worker). Without it, or
   * for a small list (most communes' lists), the commit runs here: a worker's start costs more than the list.
   */
  commitInWorker?(actor: Actor, filePath: string, options: ImportOptions): Promise<ImportReport>;
  /** How many records of this file the worker has written so far (null when none under way). */
  written?(filePath: string): number | null;
  /** Records the people listed twice over the area in the queue. */
  detect(actor: Actor, scope: { unitIds: string[] | null }): DetectionReport;
  /**
   * Communes' USB sync bundles among the files (main/sync/bundle-relay.ts): this office cannot read them (they are
   * encrypted to the hub), it relays them to the hub and receives the communes' records by sync.
   */
  bundles?: BundleDeps;
}

export interface BundleDeps {
  isBundle(path: string): boolean;
  /** What the bundle says of itself; throws one line when this office cannot relay it. */
  describe(path: string): Promise<{ number: number; commune: { id: string; code: string; name: string } | null }>;
  relay(actor: Actor, path: string, receiptPath?: string): Promise<{ number: number; receiptPath: string; commune: { id: string; code: string; name: string } | null; imported: number; updated: number }>;
}

/** The report, with where each relayed bundle's receipt was written (the door makes it a download or names the path). */
export type ConsolidationResult = Omit<ConsolidationReport, 'receipts'> & { receipts: { file: string; path: string }[] };

export interface ConsolidationProgress {
  filesDone: number;
  filesTotal: number;
  file: string | null;
  rowsDone: number;
  rowsTotal: number;
}

/** Lists up to this size (a few thousand rows) are read whole in the services' thread. */
const SMALL_LIST_BYTES = 4 * 1024 * 1024;

interface Planned extends ConsolidationFile {
  path: string;
  hash: string;
  bytes: number;
  version: ListVersion;
  unitId: string | null;
  /** A commune's sync bundle, relayed to the hub, not a workbook. */
  bundle?: boolean;
  receiptPath?: string;
}

export function createConsolidation(db: AppDatabase, deps: ConsolidationDeps) {
  let running: { progress: ConsolidationProgress; current: string | null; rowsBefore: number } | null = null;

  function areaCommunes(unitIds: readonly string[] | null): OfficeCommune[] {
    const all = officeCommunes(db) ?? communesInForce(db);
    return unitIds ? all.filter((c) => unitIds.includes(c.id)) : all;
  }

  /** Each file recognised and checked against the others; with `counts`, also read and matched (nothing written). */
  async function plan(files: readonly ListFile[], unitIds: readonly string[] | null, counts: boolean): Promise<Planned[]> {
    const communes = areaCommunes(unitIds);
    const byId = new Map(communes.map((c) => [c.id, c]));
    const office = readMeta(db, 'office.unitId');
    // The province a title rarely names tells "xã An Lão" of Ninh Bình from those of Hải Phòng or Gia Lai (a commune
    // office's own name would be taken for the list's commune).
    const officeLabel = office ? unitLabel(db.sqlite, office)?.split(', ').at(-1) ?? null : null;
    const planned: Planned[] = [];
    for (const f of files) {
      const p: Planned = {
        path: f.path, receiptPath: f.receiptPath, fileRef: f.fileRef ?? f.path, file: f.fileName, hash: '', bytes: 0, unitId: null, status: 'refused', commune: null, from: null, source: null, evidence: null,
        candidates: [], layout: null, period: null, drawnUp: null, rows: 0, imported: 0, updated: 0, unchanged: 0, needsFixing: 0, listedElsewhere: 0, reason: null,
        version: { period: null, drawnUp: null, revision: null },
      };
      planned.push(p);
      try {
        p.hash = await sha256(f.path);
        p.bytes = statSync(f.path).size;
        if (deps.bundles?.isBundle(f.path)) {
          const b = await deps.bundles.describe(f.path);
          if (b.commune && !byId.has(b.commune.id)) {
            p.reason = `${f.fileName}: gói đồng bộ của ${unitLabel(db.sqlite, b.commune.id) ?? b.commune.name}, không thuộc địa bàn của văn phòng (hoặc của bạn); không nhập.`;
            continue;
          }
          Object.assign(p, { bundle: true, status: 'ready', layout: 'sync-bundle', commune: b.commune, unitId: b.commune?.id ?? null,
            evidence: `gói đồng bộ số ${b.number}${b.commune ? ` của ${b.commune.name}` : ''}` });
          continue;
        }
        const { recognition: r, version } = await recogniseList(db, f.path, f.fileName, communes, officeLabel);
        Object.assign(p, { version, period: version.period, drawnUp: version.drawnUp });
        if (f.unitId) {
          const chosen = byId.get(f.unitId) ?? communes.find((c) => c.code === f.unitId);
          if (!chosen) {
            p.reason = `${f.fileName}: ${unitLabel(db.sqlite, f.unitId) ?? f.unitId} không thuộc địa bàn của văn phòng (hoặc của bạn); không nhập.`;
            continue;
          }
          Object.assign(p, { status: 'ready', commune: chosen, unitId: chosen.id, source: 'chosen', from: r.status === 'found' || r.status === 'choose' ? r.from : null });
        } else if (r.status === 'found') {
          Object.assign(p, { status: 'ready', commune: r.commune, unitId: r.commune.id, from: r.from, source: r.source, evidence: r.evidence });
        } else if (r.status === 'choose') {
          const named = r.from ? `${r.from.name} (cũ)` : `“${r.evidence}”`;
          Object.assign(p, { status: 'choose', candidates: r.candidates, from: r.from, source: r.source, evidence: r.evidence,
            reason: `${f.fileName}: ${named} nay thuộc ${r.candidates.length} xã/phường (${r.candidates.map((c) => `${c.name}, mã ${c.code}`).join('; ')}): hãy chọn xã/phường của danh sách.` });
          continue;
        } else if (r.status === 'outside') {
          p.reason = `${f.fileName}: danh sách của ${r.unitLabel}, không thuộc địa bàn của văn phòng (hoặc của bạn); không nhập.`;
          continue;
        } else {
          p.reason = `${f.fileName}: không nhận ra danh sách của xã/phường nào (tiêu đề “UBND xã …”, tên trang tính, tên tệp); hãy chọn xã/phường.`;
          continue;
        }
      } catch (e) {
        p.reason = `${f.fileName}: ${refusal(e)}`;
        continue;
      }
    }
    refuseRepeats(planned);
    for (const p of planned.filter((x) => x.status === 'ready' && !x.bundle).sort(inImportOrder)) {
      if (!counts) continue;
      try {
        const preview = await deps.imports.preview(p.path, { unitId: p.unitId!, fileName: p.file, listedElsewhere: 'also-list', readInThread: p.bytes <= SMALL_LIST_BYTES });
        if (preview.records === 0) throw new AppError('import-empty', 'không phải danh sách đối tượng: không thấy dòng nào có họ tên', 'Not a list.');
        Object.assign(p, {
          layout: preview.sheets.find((s) => s.layout)?.layout ?? null, rows: preview.records, imported: preview.imported, updated: preview.updated,
          unchanged: preview.unchanged, needsFixing: preview.needsFixing.length, listedElsewhere: preview.elsewhere.length,
        });
      } catch (e) {
        Object.assign(p, { status: 'refused', reason: `${p.file}: ${refusal(e)}` });
      }
    }
    return planned;
  }

  /** The same file twice, a file already consolidated, two files that both claim to be a commune's latest list. */
  function refuseRepeats(planned: Planned[]): void {
    const firstOfHash = new Map<string, Planned>();
    for (const p of planned) {
      if (!p.hash || p.status === 'refused') continue;
      const first = firstOfHash.get(p.hash);
      if (first) {
        Object.assign(p, { status: 'refused', reason: `${p.file}: cùng nội dung với ${first.file}; chỉ nhập một lần.` });
        continue;
      }
      firstOfHash.set(p.hash, p);
      // A bundle relayed again changes nothing at the hub (each change is applied once): no need to refuse it.
      if (p.bundle) continue;
      const before = consolidatedBefore(db, p.hash);
      if (before) Object.assign(p, { status: 'refused', reason: `${p.file}: tệp này đã được nhập ngày ${before.day}${before.unitName ? ` vào ${before.unitName}` : ''}; không nhập lại.` });
    }
    const byCommune = new Map<string, Planned[]>();
    for (const p of planned) if (p.status === 'ready' && !p.bundle) byCommune.set(p.unitId!, [...(byCommune.get(p.unitId!) ?? []), p]);
    for (const versions of byCommune.values()) {
      if (versions.length < 2) continue;
      const newest = versions.filter((v) => versions.every((o) => compareVersions(v.version, o.version) >= 0));
      if (newest.length < 2) continue;
      for (const v of newest) {
        const others = newest.filter((o) => o !== v).map((o) => o.file).join(', ');
        Object.assign(v, { status: 'refused', reason: `${v.file}: cùng với ${others} đều là danh sách mới nhất của ${v.commune!.name}${v.period ? ` (kỳ ${v.period})` : ''}; không nhập tệp nào trong số đó, hãy giữ lại một bản.` });
      }
    }
  }

  return {
    /** What each file is and what importing it would do; nothing written. */
    async preview(files: readonly ListFile[], unitIds: readonly string[] | null): Promise<ConsolidationFile[]> {
      return (await plan(files, unitIds, true)).map(({ path: _p, hash: _h, version: _v, unitId: _u, bytes: _b, bundle: _bundle, receiptPath: _r, ...f }) => f);
    },

    /** Imports every file it can, each as its own undoable command; a refused file is one line and the rest goes on. */
    async commit(actor: Actor, files: readonly ListFile[], unitIds: readonly string[] | null): Promise<ConsolidationResult> {
      if (running) throw new AppError('consolidation-busy', 'Đang tổng hợp một lượt danh sách khác; hãy đợi xong.', 'Another consolidation is running.');
      const report: ConsolidationResult = { files: [], totals: { files: 0, rows: 0, imported: 0, updated: 0, listedElsewhere: 0 },
        unrecognised: [], queued: { sameId: 0, probable: 0, added: 0 }, receipts: [] };
      running = { progress: { filesDone: 0, filesTotal: files.length, file: null, rowsDone: 0, rowsTotal: 0 }, current: null, rowsBefore: 0 };
      try {
        const planned = await plan(files, unitIds, false);
        for (const p of planned) if (p.status !== 'ready') report.unrecognised.push({ file: p.file, reason: p.reason ?? `${p.file}: không nhập.` });
        // The communes' bundles first: what they bring is in place before the lists are compared with it.
        const ready = [...planned.filter((p) => p.status === 'ready' && p.bundle), ...planned.filter((p) => p.status === 'ready' && !p.bundle).sort(inImportOrder)];
        running.progress.filesTotal = ready.length;
        for (const p of ready) {
          running.progress.file = p.file;
          running.current = p.path;
          if (p.bundle) {
            try {
              const r = await deps.bundles!.relay(actor, p.path, p.receiptPath);
              report.receipts.push({ file: p.file, path: r.receiptPath });
              if (!r.commune) {
                report.unrecognised.push({ file: p.file, reason: `${p.file}: gói đồng bộ số ${r.number} đã chuyển lên máy chủ tỉnh (biên nhận ${basename(r.receiptPath)}, chép về máy xã) nhưng không mang hồ sơ nào thuộc địa bàn của văn phòng.` });
              } else {
                report.files.push({ file: p.file, commune: { code: r.commune.code, name: r.commune.name }, layout: 'sync-bundle', rows: r.imported + r.updated, imported: r.imported,
                  updated: r.updated, unchanged: 0, needsFixing: 0, listedElsewhere: 0, importId: `bundle:${p.hash}` });
              }
            } catch (e) {
              report.unrecognised.push({ file: p.file, reason: `${p.file}: gói đồng bộ: ${refusal(e)}` });
            }
            running.progress.filesDone += 1;
            continue;
          }
          const reason = p.from ? `Danh sách của ${p.from.name} (cũ, mã ${p.from.code}), nay là ${p.commune!.name}` : undefined;
          try {
            const options: ImportOptions = { unitId: p.unitId!, fileName: p.file, listedElsewhere: 'also-list', fileHash: p.hash, reason };
            const r = deps.commitInWorker && p.bytes > SMALL_LIST_BYTES
              ? await deps.commitInWorker(actor, p.path, options)
              : await deps.imports.commit(actor, p.path, { ...options, readInThread: true });
            const rows = r.imported + r.updated + r.unchanged;
            report.files.push({
              file: p.file, commune: { code: p.commune!.code, name: p.commune!.name }, layout: r.sheets.find((s) => s.layout)?.layout ?? null,
              rows, imported: r.imported, updated: r.updated, unchanged: r.unchanged, needsFixing: r.needsFixing.length, listedElsewhere: r.elsewhere.length, importId: r.importId,
            });
            running.rowsBefore += rows;
          } catch (e) {
            report.unrecognised.push({ file: p.file, reason: `${p.file}: ${refusal(e)}` });
          }
          running.progress.filesDone += 1;
          running.progress.rowsDone = running.rowsBefore;
        }
        for (const f of report.files) {
          report.totals.files += 1;
          report.totals.rows += f.rows;
          report.totals.imported += f.imported;
          report.totals.updated += f.updated;
          report.totals.listedElsewhere += f.listedElsewhere;
        }
        if (report.files.length) {
          const detection = deps.detect(actor, { unitIds: unitIds ? [...unitIds] : null });
          report.queued = { sameId: detection.sameId, probable: detection.probable, added: detection.added };
        }
        return report;
      } finally {
        running = null;
      }
    },

    /** The lists consolidated in the requester's area, newest first; each its own import, undoable by its author or an administrator. */
    history(requester: UndoRequester) {
      return deps.imports.history(requester, { consolidated: true });
    },

    /** Undoes one consolidated list (an import taken here, not one a commune clerk made), as Các lần nhập does. */
    undo(actor: Actor, requester: UndoRequester, importId: string) {
      const summary = db.sqlite.prepare("SELECT summary FROM commands WHERE id = ? AND name = 'import'").pluck().get(importId) as string | null | undefined;
      if (summary === undefined) throw new AppError('import-missing', 'Không tìm thấy lần nhập này.', 'No such import.');
      if (typeof (JSON.parse(summary ?? '{}') as { sha256?: unknown }).sha256 !== 'string') {
        throw new AppError('not-consolidated', 'Lần nhập này không phải một lần tổng hợp: hoàn tác ở Nhập danh sách → Các lần nhập.', 'Not a consolidated list.');
      }
      return deps.imports.undo(actor, requester, importId).result;
    },

    progress(): ConsolidationProgress | null {
      if (!running) return null;
      const written = running.current ? deps.written?.(running.current) ?? 0 : 0;
      return { ...running.progress, rowsDone: running.rowsBefore + written };
    },
  };
}

export type Consolidation = ReturnType<typeof createConsolidation>;

/** Commune by commune, each commune's versions oldest first (the newer one updates what the older wrote). */
function inImportOrder(a: Planned, b: Planned): number {
  return (a.commune!.name.localeCompare(b.commune!.name, 'vi') || a.commune!.code.localeCompare(b.commune!.code)) || compareVersions(a.version, b.version);
}

function refusal(e: unknown): string {
  if (e instanceof AppError) {
    if (e.code === 'import-empty' || e.code === 'not-a-spreadsheet' || e.code === 'file-empty') return 'không phải danh sách đối tượng (không thấy dòng nào có họ tên, ngày sinh…); không nhập.';
    return e.messageVi.replace(/^./, (c) => c.toLocaleLowerCase('vi'));
  }
  // Anything else is our own fault, not the file's: that one file is left with what went wrong (no personal data is
  // in such a message), and the rest of the batch goes on, as the office above expects.
  const what = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  return `không đọc được tệp này do lỗi của chương trình (${what.slice(0, 200)}); các tệp khác vẫn được xử lý, hãy thử lại tệp này.`;
}

function sha256(filePath: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(filePath).on('data', (c) => hash.update(c)).on('end', () => resolve(hash.digest('hex'))).on('error', reject);
  });
}
