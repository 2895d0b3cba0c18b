import path from 'node:path';
import type { AppDatabase } from '../core/database/open-database';
import { readMeta } from '../core/database/meta';
import { AppError } from '../core/errors';
import { runCommand, type Actor, type Writer } from '../core/write-path';
import type { LongCommandSignal } from '../core/long-command';
import { undoChecked, type UndoRequester } from '../registry/command-undo';
import { importHistory } from './import-history';
import { importNeedsFixing } from './import-needs-fixing';
import { beneficiaryTable, paymentAccountTable } from '../registry/synced-tables';
import { columnMappingTable } from './synced-tables';
import { paymentChannelOf } from '../registry/payment-channel';
import { refreshPaymentChannel } from '../registry/payment-channel-refresh';
import { createPersonFinder, nameGateKey } from '../registry/person-matching';
import type { CanonicalRecord, FieldProblem, Problem } from './canonical-record';
import { isError } from './problems';
import { queueProtectedDifference } from '../identity/verification';
import type { ColumnMapping } from './header-detection';
import { NameBirthIndex } from './name-birth-index';
import { pullWorkbook, type WorkbookPull } from './read-worker/pull-workbook';
import { readWhole } from './read-whole';
import type { InterpretOptions, SheetSummary } from './sheet-interpreter';
import type { SpreadsheetFormat } from './file-guards';
import { readPlainText } from '../registry/person-fields';
import { CATEGORY_GROUPS, CATEGORY_GROUP_NAMES, type CategoryGroupCode } from '../../shared/contract/imports';

// Import of a list into the register: a worker thread reads (streaming) while this thread applies the records
// in ONE command through the write path, so the import is all-or-nothing, sits in the change log as one entry,
// and can be undone. Re-importing the same or a corrected file updates, never duplicates.

const MAPPING_KEY = 'excel.mapping.';
const PREVIEW_RECORDS = 500;

/** Fields an import may set on a beneficiary, in the canonical names. */
const PERSON_FIELDS = ['fullName', 'birth', 'sex', 'idNumber', 'oldIdNumber', 'hometown', 'permanentAddress', 'village', 'ethnicity', 'categoryGroup', 'categoryLabel', 'monthlyAmount'] as const;
type PersonField = (typeof PERSON_FIELDS)[number];

export interface VerifiedDifference {
  sheet: string;
  row: number;
  beneficiaryId: string;
  field: string;
  /** How the stored value was verified: by hand, from the chip card, by the population database. */
  verifiedBy: string;
  stored: unknown;
  inFile: unknown;
}

/** A person of the list who is on the register of another commune: reported and left alone. */
export interface ListedElsewhere {
  sheet: string;
  row: number;
  /** The name as the file writes it (never the other commune's stored values). */
  fullName: string;
  unitName: string;
  message: string;
  /** The other commune (an office above both decides who the person is). */
  unitId?: string;
}

export interface ImportPlan {
  imported: number;
  updated: number;
  unchanged: number;
  /**
   * Rows of the file that name no category of their own (no category column, no section row naming one, or an
   * empty cell): they take the category the clerk chose for the whole file, else they are recorded uncategorised.
   */
  withoutCategory: number;
  verifiedDifferences: VerifiedDifference[];
  elsewhere: ListedElsewhere[];
}

export interface ImportPreview extends ImportPlan {
  file: string;
  format: SpreadsheetFormat;
  sheets: SheetSummary[];
  records: number;
  /** The first records, for the screen to show. */
  sample: CanonicalRecord[];
  needsFixing: Problem[];
}

export interface ImportReport extends ImportPlan {
  file: string;
  format: SpreadsheetFormat;
  sheets: { name: string; layout: string | null; dataRows: number }[];
  needsFixing: Problem[];
  importId: string;
}

export interface ImportOptions {
  /** The commune the list belongs to; defaults to the office's own unit. */
  unitId?: string;
  /** The file's name as the clerk chose it (an upload is stored under a reference). */
  fileName?: string;
  today?: Date;
  /**
   * Why the list came, recorded on the import's command and so shown on each record's history (a consolidation
   * names the old commune a list came from: "Danh sách của Xã An Lão (cũ), nay là Xã Bình Sơn").
   */
  reason?: string;
  /**
   * A person whose ID is on another commune's register: 'leave' (a commune's own import: reported, left alone) or
   * 'also-list' (the office above consolidating: recorded in this commune too, so that both records are held from
   * payment and queued as listed twice until someone decides). Default 'leave'.
   */
  listedElsewhere?: 'leave' | 'also-list';
  /** The file's SHA-256, kept in the import's summary: the same file is known again (a consolidation imports it once). */
  fileHash?: string;
  /** Read the file whole in this thread instead of in the reader worker (small lists only: see read-whole.ts). */
  readInThread?: boolean;
  /**
   * The category the clerk chose for the whole file (a list without a category column is one category's list):
   * given to each row that names none, and to a stored person still without a category.
   */
  category?: FileCategory | null;
}

/** A category chosen for a whole list: its group and the label recorded on each person. */
export interface FileCategory {
  group: string;
  label: string;
}

interface StoredBeneficiary {
  id: string;
  fullName: string;
  verified: Record<string, string>;
  [field: string]: unknown;
}

export function createImportService(db: AppDatabase) {
  const sqlite = db.sqlite;
  /** Previews under way, by file: how far their reading has come can be asked while they run. */
  const previewing = new Map<string, WorkbookPull>();

  function mappings(): Record<string, ColumnMapping> {
    // Mappings remembered before they became synced reference data stay in meta; the synced ones win.
    const legacy = sqlite.prepare("SELECT key, value FROM meta WHERE key LIKE 'excel.mapping.%'").all() as { key: string; value: string }[];
    const synced = sqlite.prepare('SELECT id, mapping FROM column_mappings WHERE deleted = 0').all() as { id: string; mapping: string }[];
    return Object.fromEntries([
      ...legacy.map((r) => [r.key.slice(MAPPING_KEY.length), JSON.parse(r.value) as ColumnMapping] as const),
      ...synced.map((r) => [r.id, JSON.parse(r.mapping) as ColumnMapping] as const),
    ]);
  }

  function interpretOptions(options: ImportOptions): InterpretOptions {
    return { mappings: mappings(), today: options.today };
  }

  function unitOf(options: ImportOptions): string {
    const unitId = options.unitId ?? readMeta(db, 'office.unitId');
    if (!unitId) throw new AppError('import-no-unit', 'Chưa chọn xã/phường nhận danh sách.', 'No commune to import into.');
    const ok = sqlite.prepare("SELECT 1 FROM admin_units WHERE id = ? AND deleted = 0").get(unitId);
    if (!ok) throw new AppError('import-no-unit', 'Không tìm thấy xã/phường nhận danh sách.', 'Unknown commune.');
    return unitId;
  }

  // One way to find a person (main/registry/person-matching.ts): by ID across every commune (a person listed in
  // another commune is found, reported and left alone), else by name + birth + sex within the commune.
  const finder = createPersonFinder(sqlite);

  // Who could match by name, read once per import (name-birth-index.ts) and kept up to date with what the import
  // itself writes.
  const nameKeysOf = sqlite.prepare(`SELECT full_name, birth, id_number IS NOT NULL OR old_id_number IS NOT NULL, id
    FROM beneficiaries WHERE unit_id = ? AND deleted = 0`).raw();

  function nameIndex(unitId: string): NameBirthIndex {
    const index = new NameBirthIndex();
    for (const [fullName, birth, hasId, id] of nameKeysOf.iterate(unitId) as Iterable<[string, string | null, number, string]>) index.add(nameGateKey(fullName), birth, hasId === 1, id);
    return index;
  }

  const unitName = sqlite.prepare('SELECT name FROM admin_units WHERE id = ?').pluck();
  const unitNames = new Map<string, string>();
  function nameOfUnit(id: string): string {
    let name = unitNames.get(id);
    if (name === undefined) unitNames.set(id, (name = (unitName.get(id) as string | undefined) ?? 'xã/phường khác'));
    return name;
  }

  /** The stored person this record is, in the commune imported into; or the other commune where its ID is listed. */
  function find(unitId: string, r: CanonicalRecord, gateKey: string, names: NameBirthIndex): { stored: StoredBeneficiary | null; elsewhere: string | null } {
    const candidates = names.candidates(gateKey, r.birth, r.idNumber !== null || r.oldIdNumber !== null);
    const found = finder.find(r, { unitIds: [unitId] }, candidates ? { candidates } : { byName: false });
    if (found.records.length) return { stored: toStored(found.records[0].row), elsewhere: null };
    return { stored: null, elsewhere: found.elsewhere[0]?.unitId ?? null };
  }

  /** Decides, for one record, what the import does; `w` present = do it, and answers the record it wrote. */
  function apply(unitId: string, r: CanonicalRecord, plan: ImportPlan, names: NameBirthIndex, w?: Writer, alsoList = false, fileCategory: FileCategory | null = null): string | null {
    const gateKey = nameGateKey(r.fullName);
    const found = find(unitId, r, gateKey, names);
    if (found.elsewhere) {
      // Another commune's person: never updated from this commune's list, and none of their values shown.
      const unitName = nameOfUnit(found.elsewhere);
      const message = alsoList ? `Người này cũng có tên ở ${unitName}; ghi vào cả hai xã, tạm dừng chi trả đến khi xác định.` : `Người này đang có tên ở ${unitName}; không nhập, không sửa.`;
      plan.elsewhere.push({ sheet: r.source.sheet, row: r.source.row, fullName: r.fullName, unitName, message, unitId: found.elsewhere });
      if (!alsoList) return null;
    }
    const existing = found.stored;
    const values: Partial<Record<PersonField, unknown>> = {};
    for (const f of PERSON_FIELDS) if (r[f] !== null && r[f] !== undefined) values[f] = r[f];
    if (r.categoryLabel === null) {
      plan.withoutCategory += 1;
      // The file's category fills a person still uncategorised, never replaces a category the register holds.
      if (fileCategory && (!existing || uncategorised(existing))) {
        values.categoryGroup = fileCategory.group;
        values.categoryLabel = fileCategory.label;
      }
    }
    values.categoryGroup ??= existing ? undefined : 'OTHER';
    values.categoryLabel ??= existing ? undefined : '';
    if (!existing) {
      plan.imported += 1;
      if (!w) return null;
      const id = w.insert(beneficiaryTable, { ...values, unitId, problems: locatedProblems(r.problems, r, w.commandId), paymentChannel: paymentChannelOf(r.accountNumber ? [{ kind: accountKind(r), owner: 'self' }] : [], r.problems) });
      names.add(gateKey, r.birth, r.idNumber !== null || r.oldIdNumber !== null, id);
      if (r.accountNumber) w.insert(paymentAccountTable, accountValues(id, r));
      return id;
    }
    const patch: Record<string, unknown> = {};
    for (const [f, v] of Object.entries(values)) {
      if (v === undefined || same(existing[f], v)) continue;
      const verifiedBy = existing.verified[f];
      if (verifiedBy) {
        plan.verifiedDifferences.push({ sheet: r.source.sheet, row: r.source.row, beneficiaryId: existing.id, field: f, verifiedBy, stored: existing[f], inFile: v });
        // Protected: never overwritten; the list's value waits in the mismatch queue for a person's decision.
        if (w) queueProtectedDifference(w, sqlite, { beneficiaryId: existing.id, field: f, stored: existing[f], incoming: v, source: 'import' });
        continue;
      }
      patch[f] = v;
    }
    const account = r.accountNumber || accountSpoiled(r) ? accountFor(existing.id) : null;
    // A spoiled number in the list is no problem of a person whose account is on the register already.
    const problems = account && !r.accountNumber ? r.problems.filter((p) => p.code !== 'account-digits-lost') : r.problems;
    // The same problems found again keep the import that found them first.
    if (!sameProblems(existing.problems as FieldProblem[] | undefined, problems)) patch.problems = w ? locatedProblems(problems, r, w.commandId) : problems;
    let changed = Object.keys(patch).length > 0;
    const accountChange = r.accountNumber && (!account || account.number !== r.accountNumber || (r.bankBin && account.bankBin !== r.bankBin)
      || account.kind !== accountKind(r));
    if (accountChange) changed = true;
    if (!changed) { plan.unchanged += 1; return existing.id; }
    plan.updated += 1;
    if (!w) return existing.id;
    if (Object.keys(patch).length) w.update(beneficiaryTable, existing.id, patch);
    if (patch.fullName !== undefined || patch.birth !== undefined || patch.idNumber !== undefined) {
      const fullName = (patch.fullName ?? existing.fullName) as string;
      names.add(nameGateKey(fullName), (patch.birth ?? existing.birth ?? null) as string | null, (patch.idNumber ?? existing.idNumber ?? existing.oldIdNumber ?? null) !== null, existing.id);
    }
    if (accountChange) {
      if (account) w.update(paymentAccountTable, account.id, { kind: accountKind(r), number: r.accountNumber, bankName: r.bankName, bankBin: r.bankBin });
      else w.insert(paymentAccountTable, accountValues(existing.id, r));
      refreshPaymentChannel(w, sqlite, existing.id);
    }
    return existing.id;
  }

  const selfAccount = sqlite.prepare("SELECT id, kind, number, bank_bin AS bankBin FROM payment_accounts WHERE beneficiary_id = ? AND owner = 'self' AND deleted = 0 AND status = 'active' ORDER BY rowid LIMIT 1");
  type SelfAccount = { id: string; kind: string; number: string; bankBin: string | null };
  function accountFor(beneficiaryId: string): SelfAccount | null {
    return (selfAccount.get(beneficiaryId) as SelfAccount | undefined) ?? null;
  }

  return {
    /** Reads and matches without writing: what the import would do, with the rows needing a fix. */
    async preview(filePath: string, options: ImportOptions = {}, visit?: (r: CanonicalRecord) => void): Promise<ImportPreview> {
      const unitId = unitOf(options);
      const category = fileCategoryOf(options);
      const reading = options.readInThread ? await readWhole(filePath, interpretOptions(options)) : await pullWorkbook(filePath, interpretOptions(options));
      previewing.set(filePath, reading);
      try {
        const sample: CanonicalRecord[] = [];
        const needsFixing: Problem[] = [];
        const plan: ImportPlan = { imported: 0, updated: 0, unchanged: 0, withoutCategory: 0, verifiedDifferences: [], elsewhere: [] };
        let records = 0;
        // Records repeated in the file would each count as new here; the commit merges them.
        const names = nameIndex(unitId);
        for await (const batch of reading.batchesAsync()) {
          needsFixing.push(...batch.problems);
          for (const r of batch.records) {
            records += 1;
            if (sample.length < PREVIEW_RECORDS) sample.push(r);
            visit?.(r);
            apply(unitId, r, plan, names, undefined, options.listedElsewhere === 'also-list', category);
          }
        }
        const { format, sheets } = reading.result;
        return { file: options.fileName ?? path.basename(filePath), format, sheets, records, sample, needsFixing, ...plan };
      } finally {
        previewing.delete(filePath);
        await reading.close();
      }
    },

    /** How far the preview of this file has read (null when none is under way). */
    previewProgress(filePath: string): { rowsRead: number } | null {
      const reading = previewing.get(filePath);
      return reading ? { rowsRead: reading.rowsRead } : null;
    },

    /**
     * Imports in one transaction, recorded as one "import" command that `undo` reverses. The file is read in a
     * worker thread while the records already read are written.
     */
    async commit(actor: Actor, filePath: string, options: ImportOptions = {}, signal?: LongCommandSignal): Promise<ImportReport> {
      const unitId = unitOf(options);
      const category = fileCategoryOf(options);
      const reading = options.readInThread ? await readWhole(filePath, interpretOptions(options)) : await pullWorkbook(filePath, interpretOptions(options));
      try {
        const needsFixing: Problem[] = [];
        const plan: ImportPlan = { imported: 0, updated: 0, unchanged: 0, withoutCategory: 0, verifiedDifferences: [], elsewhere: [] };
        let records = 0;
        // The record each row needing a fix became, so that the report opens it (a row's problems may come in the next batch).
        const recordOfRow = new Map<string, string>();
        const result = runCommand(db, actor, 'import', (w) => {
          const names = nameIndex(unitId);
          for (const batch of reading.batches()) {
            signal?.throwIfCancelled(); // a cancel rolls the whole command back
            needsFixing.push(...batch.problems);
            for (const r of batch.records) {
              records += 1;
              const id = apply(unitId, r, plan, names, w, options.listedElsewhere === 'also-list', category);
              if (id && r.problems.some((p) => isError(p.code))) recordOfRow.set(rowKey(r.source.sheet, r.source.row), id);
            }
            signal?.report(records);
          }
          for (const p of needsFixing) p.beneficiaryId = recordOfRow.get(rowKey(p.sheet, p.row)) ?? null;
          signal?.throwIfCancelled();
          const { format } = reading.result;
          if (records === 0) {
            // Rolls the (empty) command back: an import that found nobody is not an import.
            throw new AppError('import-empty', 'Không tìm thấy dòng dữ liệu nào (họ tên, ngày sinh…) trong tệp; chưa nhập gì.', 'No records found in the file; nothing imported.');
          }
          w.summary = {
            file: options.fileName ?? path.basename(filePath), format, unitId, imported: plan.imported, updated: plan.updated, unchanged: plan.unchanged,
            ...(category ? { category } : {}),
            needsFixing: needsFixing.length, elsewhere: plan.elsewhere.length, ...(options.reason ? { reason: options.reason } : {}), ...(options.fileHash ? { sha256: options.fileHash } : {}),
          };
          return plan;
        }, { bulk: true });
        const { format, sheets } = reading.result;
        return {
          file: options.fileName ?? path.basename(filePath),
          format,
          sheets: sheets.map((s) => ({ name: s.name, layout: s.layout, dataRows: s.dataRows })),
          ...plan,
          needsFixing,
          importId: result.commandId,
        };
      } finally {
        await reading.close();
      }
    },

    /** Undoes one import (any of them, not only the last) under the one undo rule: in the area, by its author or an administrator. */
    undo(actor: Actor, requester: UndoRequester, importId: string) {
      return undoChecked(db, actor, requester, importId, 'import');
    },

    /** Every import in the requester's units, newest first. */
    history(requester: UndoRequester, options: { consolidated?: boolean } = {}) {
      return importHistory(db, requester, options);
    },

    /** What the import left to fix on its records, in the given units (null: all), now. */
    stillToFix(importId: string, scope: readonly string[] | null) {
      return importNeedsFixing(db, importId, scope);
    },

    /** Remembers a clerk's corrected column mapping for every later file of the same layout. */
    rememberMapping(actor: Actor, layout: string, mapping: ColumnMapping): void {
      runCommand(db, actor, 'mapping-remember', (w) => {
        const value = JSON.stringify(mapping);
        const existing = w.get(columnMappingTable, layout);
        if (!existing) w.insert(columnMappingTable, { id: layout, mapping: value });
        else {
          if (existing.deleted) w.restore(columnMappingTable, layout);
          if (existing.mapping !== value) w.update(columnMappingTable, layout, { mapping: value });
        }
      });
    },

    mappings,
  };
}

export type ImportService = ReturnType<typeof createImportService>;

/** The list names a bank account whose number Excel spoiled: still paid by bank, the number to re-enter. */
function accountSpoiled(r: CanonicalRecord): boolean {
  return r.problems.some((p) => p.code === 'account-digits-lost');
}

function accountKind(r: CanonicalRecord): 'bank' | 'e-wallet' | 'mobile-money' {
  return r.accountKind ?? (r.bankBin === '971025' ? 'e-wallet' : 'bank');
}

function accountValues(beneficiaryId: string, r: CanonicalRecord) {
  return {
    beneficiaryId,
    kind: accountKind(r),
    owner: 'self',
    bankBin: r.bankBin,
    bankName: r.bankName,
    number: r.accountNumber,
    holderName: r.fullName,
  };
}

const COLUMN_OF: Record<string, string> = {
  full_name: 'fullName', id_number: 'idNumber', old_id_number: 'oldIdNumber', permanent_address: 'permanentAddress',
  category_group: 'categoryGroup', category_label: 'categoryLabel', monthly_amount: 'monthlyAmount', payment_channel: 'paymentChannel',
};

function toStored(row: Record<string, unknown>): StoredBeneficiary {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) out[COLUMN_OF[k] ?? k] = v;
  out.verified = JSON.parse(String(row.verified ?? '{}'));
  out.problems = JSON.parse(String(row.problems ?? '[]'));
  return out as StoredBeneficiary;
}

/** The problems as stored on the record: each with the import, sheet and row it was found at. */
function locatedProblems(problems: readonly FieldProblem[], r: CanonicalRecord, importId: string): FieldProblem[] {
  return problems.map((p) => ({ ...p, source: { importId, sheet: r.source.sheet, row: r.source.row } }));
}

/** The same problems, wherever they were found. */
function sameProblems(stored: readonly FieldProblem[] | undefined, found: readonly FieldProblem[]): boolean {
  const bare = (ps: readonly FieldProblem[]) => JSON.stringify(ps.map(({ source: _s, ...p }) => p));
  return bare(stored ?? []) === bare(found);
}

function rowKey(sheet: string, row: number): string {
  return `${sheet}\u0000${row}`;
}

/** A stored person the register has no category for (recorded from a list without one). */
function uncategorised(stored: StoredBeneficiary): boolean {
  return (stored.categoryGroup ?? 'OTHER') === 'OTHER' && !stored.categoryLabel;
}

/** The clerk's category for the file, checked: a known group, the label as Vietnamese text (the group's name when none). */
export function fileCategoryOf(options: ImportOptions): FileCategory | null {
  const chosen = options.category;
  if (!chosen) return null;
  if (!(CATEGORY_GROUPS as readonly string[]).includes(chosen.group)) {
    throw new AppError('invalid-input', 'Nhóm đối tượng đã chọn cho tệp không có trong danh mục.', 'Unknown category group for the file.');
  }
  const label = readPlainText(chosen.label) ?? CATEGORY_GROUP_NAMES[chosen.group as CategoryGroupCode];
  return { group: chosen.group, label };
}

function same(a: unknown, b: unknown): boolean {
  return (a ?? null) === (b ?? null);
}
