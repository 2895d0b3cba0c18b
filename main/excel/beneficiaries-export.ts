import { rmSync, writeFileSync } from 'node:fs';
import type { BeneficiariesExportFormat } from '../../shared/contract/exports';
import { recordAudit } from '../core/audit';
import type { AppDatabase } from '../core/database/open-database';
import { AppError } from '../core/errors';
import type { Actor } from '../core/write-path';
import { canonicalRecords } from '../registry/canonical-records';
import { writeCanonicalWorkbook } from './canonical-workbook';

/**
 * The canonical export of the register (every field under its canonical name; JSON, or a workbook whose ID
 * and account columns are text) for the given units, written to `file` and recorded in the audit trail.
 */
export async function exportBeneficiaries(db: AppDatabase, actor: Actor, format: BeneficiariesExportFormat, unitIds: readonly string[] | null, file: string): Promise<{ count: number }> {
  let count: number;
  try {
    if (format === 'json') {
      const records = [...canonicalRecords(db.sqlite, unitIds, { verification: true })].map(({ village: _village, ...r }) => r);
      count = records.length;
      writeFileSync(file, JSON.stringify(records, null, 1) + '\n', { mode: 0o600 });
    } else {
      count = await writeCanonicalWorkbook(canonicalRecords(db.sqlite, unitIds), file);
    }
  } catch (e) {
    rmSync(file, { force: true });
    if (e instanceof AppError) throw e;
    const code = (e as NodeJS.ErrnoException).code ?? 'lỗi ghi';
    throw new AppError('export-write-failed', `Không ghi được tệp xuất (${code}).`, `Could not write the export (${code}).`);
  }
  recordAudit(db, actor, { action: 'export', detail: { what: 'beneficiaries', format, count, units: unitIds } });
  return { count };
}
