import { sqliteTable, text, integer } from 'drizzle-orm/sqlite-core';

/**
 * A clerk's corrected column mapping for a list layout: every later file of that layout is read the same way.
 * Synced: the office above learns how its communes' lists read, and the province office's mappings are published
 * to every office (REFERENCE_ENTITIES).
 */
export const columnMappings = sqliteTable('column_mappings', {
  /** The layout's id (header fingerprint, `L` + 8 hex digits): the same layout anywhere is the same record. */
  id: text('id').primaryKey(),
  /** JSON: field → 0-based column. */
  mapping: text('mapping').notNull(),
  rev: integer('rev').notNull().default(1),
  deleted: integer('deleted').notNull().default(0),
});
