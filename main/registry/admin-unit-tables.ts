import { sqliteTable, text, integer, primaryKey, index } from 'drizzle-orm/sqlite-core';

/**
 * Which unit(s) an abolished unit became on a reorganisation (1 July 2025: every old commune into one or more new
 * communes, every old province into a new one). `split` when only part of the old unit went to this successor,
 * so a person's new commune needs someone to confirm. Reference data, loaded with the units (admin-unit-reference.ts).
 */
export const adminUnitSuccessions = sqliteTable('admin_unit_successions', {
  fromUnitId: text('from_unit_id').notNull(),
  toUnitId: text('to_unit_id').notNull(),
  split: integer('split').notNull().default(0),
  effectiveOn: text('effective_on').notNull(),
}, (t) => [primaryKey({ columns: [t.fromUnitId, t.toUnitId] }), index('admin_unit_successions_to').on(t.toUnitId)]);
