import { sqliteTable, text, integer, primaryKey, index } from 'drizzle-orm/sqlite-core';

/** Key/value facts about this database file: app id, schema version, device id, clock state. */
export const meta = sqliteTable('meta', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

/** One row per command (import, manual edit, card verification…): the "why" of a group of changes. */
export const commands = sqliteTable('commands', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  deviceId: text('device_id').notNull(),
  userId: text('user_id'),
  origin: text('origin').notNull(),
  hlc: text('hlc').notNull(),
  summary: text('summary'),
  reverts: text('reverts'),
}, (t) => [index('commands_reverts').on(t.reverts)]);

/**
 * The change log: append-only (triggers forbid UPDATE and DELETE), one entry per changed field
 * (an insert is one entry carrying the whole new row). Identified and ordered per device by
 * (device_id, seq); hlc orders across devices. It is the audit trail, the basis of undo and the sync outbox.
 */
export const changeLog = sqliteTable('change_log', {
  deviceId: text('device_id').notNull(),
  seq: integer('seq').notNull(),
  hlc: text('hlc').notNull(),
  // No foreign key: the command row is written last, when its summary is known (same transaction).
  commandId: text('command_id').notNull(),
  entity: text('entity').notNull(),
  entityId: text('entity_id').notNull(),
  op: text('op', { enum: ['insert', 'update', 'tombstone'] }).notNull(),
  field: text('field'),
  oldValue: text('old_value'),
  newValue: text('new_value'),
  baseRev: integer('base_rev'),
  /** The entry ("device:seq") whose value this change replaced: the base sync compares, the same on every device. */
  baseChange: text('base_change'),
}, (t) => [
  primaryKey({ columns: [t.deviceId, t.seq] }),
  index('change_log_entity').on(t.entity, t.entityId),
  index('change_log_command').on(t.commandId),
]);

/**
 * Append-only record of actions that change no data but matter for privacy: exports, card reads.
 * Kept in the database (never in log files), because it names whose data was touched.
 */
export const auditEvents = sqliteTable('audit_events', {
  deviceId: text('device_id').notNull(),
  seq: integer('seq').notNull(),
  hlc: text('hlc').notNull(),
  userId: text('user_id'),
  origin: text('origin').notNull(),
  action: text('action').notNull(),
  subject: text('subject'),
  detail: text('detail'),
}, (t) => [
  primaryKey({ columns: [t.deviceId, t.seq] }),
  index('audit_events_action').on(t.action, t.hlc),
  // The administrator's audit screen: by date (hlc starts with the wall time), by user, by person.
  index('audit_events_hlc').on(t.hlc),
  index('audit_events_user').on(t.userId, t.hlc),
  index('audit_events_subject').on(t.subject, t.hlc),
]);
