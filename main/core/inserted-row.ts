import type { SqliteConnection } from './database/open-database';
import { cachedStatement } from './statement-cache';
import { isLoggedField, syncedTableByEntity } from './synced-tables';

/**
 * The compact form of a bulk command's inserts (an import of 100,000 rows): the insert entry carries no copy of the
 * row (new_value NULL), because the row is in its table and every later change of a field logged the value it
 * replaced (old_value, on this device's edits and on changes applied from elsewhere alike). The row as it was
 * inserted is therefore the row as it is now, with each field changed since taken back to the value its first later
 * change replaced. History, the sync outbox and USB bundles read inserts through this one function; undo needs only
 * the record's id.
 */
export interface InsertEntry {
  /** The entry's rowid in change_log: later entries of the record have greater ones. */
  rowid: number;
  entity: string;
  entityId: string;
  /** new_value as logged: the whole row as JSON, or null in the compact form. */
  value: string | null;
}

/** The row an insert entry created, as JSON (fields with a value; secrets as '***'), whichever form it was logged in. */
export function insertedValue(sqlite: SqliteConnection, entry: InsertEntry): string {
  if (entry.value !== null) return entry.value;
  const t = syncedTableByEntity(entry.entity);
  // Not a guess: a compact insert of a table this process does not know is a mistake of the caller (its capability's
  // synced tables are not loaded), and sending '{}' instead would lose the row.
  if (!t) throw new Error(`cannot read the compact insert of ${entry.entity}: its synced table is not loaded`);
  const raw = cachedStatement(sqlite, `SELECT * FROM "${t.entity}" WHERE id = ?`).get(entry.entityId) as Record<string, unknown> | undefined;
  if (!raw) return '{}';
  const replaced = new Map<string, unknown>();
  const later = cachedStatement(sqlite, `SELECT field, old_value FROM change_log WHERE entity = ? AND entity_id = ? AND rowid > ? AND op <> 'insert'
    AND field IS NOT NULL ORDER BY rowid`).all(entry.entity, entry.entityId, entry.rowid) as { field: string; old_value: string | null }[];
  // (SQL NULL, not 'null': a change from elsewhere applied before old values were kept, which says nothing.)
  for (const c of later) if (c.old_value !== null && !replaced.has(c.field)) replaced.set(c.field, JSON.parse(c.old_value));
  const row: Record<string, unknown> = {};
  for (const [prop, column] of t.columns) {
    if (!isLoggedField(t, prop)) continue;
    const value = replaced.has(prop) ? replaced.get(prop) : raw[column];
    if (value === null || value === undefined) continue;
    row[prop] = t.secretFields.has(prop) ? '***' : value;
  }
  return JSON.stringify(row);
}
