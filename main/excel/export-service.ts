import { renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { EXPORT_LIST_KINDS, type ExportListKind } from '../../shared/contract/exports';
import { fileSha256, recordAudit } from '../core/audit';
import { readMeta } from '../core/database/meta';
import type { AppDatabase } from '../core/database/open-database';
import { AppError } from '../core/errors';
import type { Actor } from '../core/write-path';
import { canonicalRecords } from '../registry/canonical-records';
import { searchBeneficiaries } from '../registry/beneficiary-search';
import type { ListFilterInput } from '../../shared/contract/beneficiaries';
import type { SqliteConnection } from '../core/database/open-database';
import { writeDistrictList } from './district-list';
import type { OfficeInfo } from './export-office';
import { writePopulationMatchingList } from './population-matching-list';
import { writeUnbankedList } from './unbanked-list';

// Exports of lists for people (police, bank, district): explicit, one file per request, and each one
// recorded in the audit table (who, when, which list, how many people) because it sends personal data out.

export interface ExportOptions {
  /** The day printed in the signature block (default: today). */
  date?: Date;
  preparedBy?: string | null;
  signedBy?: string | null;
  /** Only the people the list shows with these filters, in its order (null: everyone in the units, name order). */
  filters?: ListFilterInput | null;
}

export interface ExportReport {
  kind: ExportListKind;
  file: string;
  count: number;
}

/** Every row the list shows with these filters, in its order (the same search as the screen, without pages). */
function listedRowids(db: SqliteConnection, unitIds: readonly string[] | null, filters: ListFilterInput): number[] {
  return searchBeneficiaries(db, { ...filters, unitIds, offset: 0, limit: Number.MAX_SAFE_INTEGER }).rowids;
}

export function isExportKind(kind: string): kind is ExportListKind {
  return (EXPORT_LIST_KINDS as readonly string[]).includes(kind);
}

export function createExportService(db: AppDatabase) {
  const sqlite = db.sqlite;
  const unit = sqlite.prepare('SELECT name, level, parent_id AS parentId FROM admin_units WHERE id = ? AND deleted = 0');

  /** The office a list comes from: the only (or the office's own) commune of the export, and its province. */
  function officeOf(unitIds: readonly string[] | null, options: ExportOptions): OfficeInfo {
    const own = readMeta(db, 'office.unitId');
    const unitId = unitIds?.length === 1 ? unitIds[0] : own ?? unitIds?.[0];
    const commune = unitId ? (unit.get(unitId) as { name: string; level: string; parentId: string | null } | undefined) : undefined;
    if (!commune) throw new AppError('export-no-unit', 'Chưa chọn xã/phường của danh sách.', 'No commune for the list.');
    let provinceName: string | null = null;
    let parentId = commune.parentId;
    for (let depth = 0; parentId && depth < 5; depth++) {
      const parent = unit.get(parentId) as { name: string; level: string; parentId: string | null } | undefined;
      if (!parent) break;
      if (parent.level === 'province') { provinceName = parent.name; break; }
      parentId = parent.parentId;
    }
    return { communeName: commune.name, provinceName, date: options.date ?? new Date(), preparedBy: options.preparedBy, signedBy: options.signedBy };
  }

  return {
    /** Writes one list to `file` (complete or not at all) and records the export in the audit table. */
    async exportList(actor: Actor, kind: ExportListKind, unitIds: readonly string[] | null, file: string, options: ExportOptions = {}): Promise<ExportReport> {
      if (!isExportKind(kind)) throw new AppError('export-kind', `Không có loại danh sách "${String(kind)}".`, 'Unknown list kind.');
      const office = officeOf(unitIds, options);
      // Written beside the target and renamed at the end, so a failure never leaves half a workbook under the real name.
      const partial = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.partial`);
      let count: number;
      const rowids = options.filters ? listedRowids(sqlite, unitIds, options.filters) : undefined;
      try {
        if (kind === 'population-matching') count = await writePopulationMatchingList(canonicalRecords(sqlite, unitIds, { rowids }), office, partial);
        else if (kind === 'unbanked') count = await writeUnbankedList(canonicalRecords(sqlite, unitIds, { unbankedOnly: true, rowids }), office, partial);
        else count = await writeDistrictList(canonicalRecords(sqlite, unitIds, { rowids }), office, partial);
        renameSync(partial, file);
      } catch (e) {
        rmSync(partial, { force: true });
        if (e instanceof AppError) throw e;
        const code = (e as NodeJS.ErrnoException).code;
        throw new AppError('export-write-failed', `Không ghi được tệp danh sách (${code ?? 'lỗi ghi'}); kiểm tra thư mục và tệp có đang mở trong Excel không.`, `Could not write the list file (${code ?? String(e)}).`);
      }
      recordAudit(db, actor, { action: 'export', detail: { kind, count, units: unitIds ?? 'all', sha256: fileSha256(file), ...(options.filters ? { filters: options.filters } : {}) } });
      return { kind, file, count };
    },
  };
}

export type ExportService = ReturnType<typeof createExportService>;
