import type { AppDatabase } from '../core/database/open-database';
import { hlcToIso } from '../core/clock';
import type { UndoRequester } from '../registry/command-undo';

// Every import of the register, newest first, as the clerk asks "what was imported, by whom, and can I undo it".
// Read from the one command log: an import's summary says its file, commune and counts.

export interface ImportHistoryEntry {
  importId: string;
  file: string;
  /** ISO time the import was committed. */
  at: string;
  userName: string | null;
  unitId: string | null;
  unitName: string | null;
  imported: number;
  updated: number;
  unchanged: number;
  needsFixing: number;
  elsewhere: number;
  /** When it was undone (ISO), and by whom; null while it stands. */
  undoneAt: string | null;
  undoneBy: string | null;
  /** The requester is its author or an administrator (the area is checked again when undoing). */
  mayUndo: boolean;
}

interface Row {
  id: string;
  hlc: string;
  user_id: string | null;
  summary: string | null;
  user_name: string | null;
  undo_hlc: string | null;
  undo_user: string | null;
}

const LIMIT = 500;

/** `consolidated`: only the lists taken by the office above's consolidation (their file's SHA-256 is in the summary). */
export function importHistory(db: AppDatabase, requester: UndoRequester, options: { consolidated?: boolean } = {}): ImportHistoryEntry[] {
  const rows = db.sqlite.prepare(`SELECT c.id, c.hlc, c.user_id, c.summary, u.display_name AS user_name,
      r.hlc AS undo_hlc, ru.display_name AS undo_user
    FROM commands c
    LEFT JOIN users u ON u.id = c.user_id
    LEFT JOIN commands r ON r.reverts = c.id
    LEFT JOIN users ru ON ru.id = r.user_id
    WHERE c.name = 'import'
      AND (@scope IS NULL OR json_extract(c.summary, '$.unitId') IN (SELECT value FROM json_each(@scope)))
      ${options.consolidated ? "AND json_extract(c.summary, '$.sha256') IS NOT NULL" : ''}
    ORDER BY c.hlc DESC LIMIT ${LIMIT}`).all({ scope: requester.scope === null ? null : JSON.stringify(requester.scope) }) as Row[];
  const unitName = db.sqlite.prepare('SELECT name FROM admin_units WHERE id = ?').pluck();
  return rows.map((row) => {
    const s = JSON.parse(row.summary ?? '{}') as Record<string, unknown>;
    const count = (k: string) => (typeof s[k] === 'number' ? (s[k] as number) : 0);
    const unitId = typeof s.unitId === 'string' ? s.unitId : null;
    return {
      importId: row.id,
      file: typeof s.file === 'string' ? s.file : '',
      at: hlcToIso(row.hlc),
      userName: row.user_name,
      unitId,
      unitName: unitId ? ((unitName.get(unitId) as string | undefined) ?? null) : null,
      imported: count('imported'),
      updated: count('updated'),
      unchanged: count('unchanged'),
      needsFixing: count('needsFixing'),
      elsewhere: count('elsewhere'),
      undoneAt: row.undo_hlc ? hlcToIso(row.undo_hlc) : null,
      undoneBy: row.undo_user,
      mayUndo: !row.undo_hlc && (requester.role === 'administrator' || row.user_id === requester.userId),
    };
  });
}
