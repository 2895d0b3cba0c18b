import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';

/**
 * "Cần xử lý": changes from elsewhere this device did not simply apply, and its own changes the hub did not
 * (a field changed on both sides, a value kept because ours is verified, a locked roster, a refusal). Local to the
 * device, never synced; nothing in it is lost until a person decides.
 */
export const syncIssues = sqliteTable('sync_issues', {
  /** The change's identity, "device:seq". */
  id: text('id').primaryKey(),
  /** conflict | keep | refused | missing (from elsewhere, here) · hub-conflict | hub-rejected (ours, at the hub). */
  why: text('why').notNull(),
  entity: text('entity').notNull(),
  entityId: text('entity_id').notNull(),
  field: text('field'),
  /** The change as it came (theirs) or as we sent it (ours at the hub), JSON. */
  change: text('change').notNull(),
  /** What this side holds, JSON: version, value, command. */
  here: text('here'),
  message: text('message').notNull(),
  status: text('status', { enum: ['open', 'resolved'] }).notNull().default('open'),
  createdAt: integer('created_at').notNull(),
}, (t) => [index('sync_issues_status').on(t.status, t.createdAt)]);
