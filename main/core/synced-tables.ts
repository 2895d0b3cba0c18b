import { getTableColumns, getTableName } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';

/**
 * What the write path needs to know about a table it writes: which properties are secrets (recorded as
 * "***" in the change log) and which are derived from others (kept up to date, never logged).
 * Capabilities register their tables here; core itself knows none of them.
 */
export interface SyncedTableOptions {
  secretFields?: readonly string[];
  /** Columns computed from the row's own fields (given the fields, without id, rev and deleted). */
  derive?: (row: Record<string, unknown>) => Record<string, unknown>;
  /**
   * An index kept row by row by an AFTER INSERT trigger (a full-text index, say), which a bulk command fills
   * in one statement instead: the trigger costs tens of microseconds a row, the one statement a few.
   */
  bulkIndex?: BulkIndex;
}

export interface BulkIndex {
  /** The per-row AFTER INSERT triggers that a bulk command drops and puts back. */
  triggers: readonly string[];
  /** Statements that add the rows whose rowid is greater than their one parameter to the indexes. */
  catchUp: readonly string[];
}

export interface SyncedTable {
  entity: string;
  table: SQLiteTable;
  /** property name → SQL column name */
  columns: Map<string, string>;
  /** The properties of `columns`, in their order. */
  columnProps: readonly string[];
  secretFields: Set<string>;
  derive?: SyncedTableOptions['derive'];
  derivedFields: Set<string>;
  bulkIndex?: BulkIndex;
}

const registry = new Map<string, SyncedTable>();
const SYSTEM_FIELDS = new Set(['id', 'rev', 'deleted']);

export function defineSyncedTable(table: SQLiteTable, options: SyncedTableOptions = {}, derivedFields: readonly string[] = []): SyncedTable {
  const entity = getTableName(table);
  const existing = registry.get(entity);
  if (existing) return existing;
  const columns = new Map(Object.entries(getTableColumns(table)).map(([prop, col]) => [prop, col.name]));
  for (const required of SYSTEM_FIELDS) {
    if (!columns.has(required)) throw new Error(`synced table ${entity} lacks column ${required}`);
  }
  const synced: SyncedTable = {
    entity,
    table,
    columns,
    columnProps: [...columns.keys()],
    secretFields: new Set(options.secretFields ?? []),
    derive: options.derive,
    derivedFields: new Set(derivedFields),
    bulkIndex: options.bulkIndex,
  };
  registry.set(entity, synced);
  return synced;
}

export function syncedTableByEntity(entity: string): SyncedTable | undefined {
  return registry.get(entity);
}

export function isLoggedField(t: SyncedTable, field: string): boolean {
  return !SYSTEM_FIELDS.has(field) && !t.derivedFields.has(field);
}
