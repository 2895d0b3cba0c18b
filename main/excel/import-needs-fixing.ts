import type { AppDatabase } from '../core/database/open-database';
import type { FieldProblem } from './canonical-record';
import { isError } from './problems';

// What an import left to fix, as the records hold it now: a problem fixed by hand (beneficiaries.save,
// accounts.save) is gone from its record, and so from this list. Rows the import could not make a record of
// (no name) are only in the report it gave when it was committed.

export interface StillToFix {
  beneficiaryId: string;
  fullName: string;
  sheet: string;
  row: number;
  field: string;
  code: string;
  message: string;
  value: string | null;
  column: string | null;
}

const LIMIT = 5000;

/** The import's problems still on the records of the given units (null: every unit), in the file's order. */
export function importNeedsFixing(db: AppDatabase, importId: string, scope: readonly string[] | null): StillToFix[] {
  // `problems <> '[]'` lets the partial index of records with problems keep this to them, not the whole register.
  const rows = db.sqlite.prepare(`SELECT b.id, b.full_name AS fullName, b.problems FROM beneficiaries b
    WHERE b.deleted = 0 AND b.problems <> '[]'
      AND (@scope IS NULL OR b.unit_id IN (SELECT value FROM json_each(@scope)))
      AND EXISTS (SELECT 1 FROM json_each(b.problems) j WHERE json_extract(j.value, '$.source.importId') = @importId)
    LIMIT ${LIMIT}`).all({ importId, scope: scope === null ? null : JSON.stringify(scope) }) as { id: string; fullName: string; problems: string }[];
  const out: StillToFix[] = [];
  for (const r of rows) {
    for (const p of JSON.parse(r.problems) as FieldProblem[]) {
      if (p.source?.importId !== importId || !isError(p.code)) continue;
      out.push({
        beneficiaryId: r.id, fullName: r.fullName, sheet: p.source.sheet, row: p.source.row,
        field: p.field, code: p.code, message: p.message, value: p.value ?? null, column: p.column ?? null,
      });
    }
  }
  return out.sort((a, b) => a.sheet.localeCompare(b.sheet) || a.row - b.row);
}
