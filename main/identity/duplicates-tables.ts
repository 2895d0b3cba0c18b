import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';
import { defineSyncedTable } from '../core/synced-tables';

/**
 * People listed twice: one row per pair of records (beneficiary_id < other_id), an item of the mismatch queue
 * ("listed twice") until a person decides. A same-ID pair blocks payment to both while it is open.
 */
export const duplicatePairs = sqliteTable('duplicate_pairs', {
  id: text('id').primaryKey(),
  beneficiaryId: text('beneficiary_id').notNull(),
  otherId: text('other_id').notNull(),
  kind: text('kind', { enum: ['same-id', 'probable'] }).notNull(),
  /** 0..100: how sure detection is (a same-ID pair is 100). */
  score: integer('score').notNull(),
  /** Why, in Vietnamese: "cùng họ tên và năm sinh, khác thôn". */
  explanation: text('explanation').notNull(),
  /** open; merged (one record kept, the other tombstoned into it); distinct (two people); gone (no longer alike). */
  status: text('status', { enum: ['open', 'merged', 'distinct', 'gone'] }).notNull().default('open'),
  keptId: text('kept_id'),
  note: text('note'),
  rev: integer('rev').notNull().default(1),
  deleted: integer('deleted').notNull().default(0),
}, (t) => [
  index('duplicate_pairs_beneficiary').on(t.beneficiaryId, t.status),
  index('duplicate_pairs_other').on(t.otherId, t.status),
]);

export const duplicatePairTable = defineSyncedTable(duplicatePairs);
