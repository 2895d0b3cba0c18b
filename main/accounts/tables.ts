import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';

export const users = sqliteTable('users', {
  id: text('id').primaryKey(),
  username: text('username').notNull().unique(),
  displayName: text('display_name').notNull(),
  /** scrypt$N$r$p$salt$hash — never logged (the write path records it as a secret). */
  passwordHash: text('password_hash').notNull(),
  role: text('role', { enum: ['commune-clerk', 'clinic-reception', 'district-staff', 'administrator', 'commune-leader'] }).notNull(),
  /** JSON list of admin_units ids this user may see and change (a district covers its communes). */
  unitIds: text('unit_ids').notNull().default('[]'),
  active: integer('active').notNull().default(1),
  /** 1 after an administrator set the password (new account, reset): the next sign-in must choose a new one. */
  mustChangePassword: integer('must_change_password').notNull().default(0),
  rev: integer('rev').notNull().default(1),
  deleted: integer('deleted').notNull().default(0),
});

/**
 * Every sign-in and unlock attempt of this device, for the throttle (consecutive failures of a username) and for
 * the administrator to see. Local to the device (not synced): attempts are a fact about this PC's doors.
 */
export const signInAttempts = sqliteTable('sign_in_attempts', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  /** Epoch milliseconds. */
  at: integer('at').notNull(),
  /** As typed (trimmed, lowercased), whether or not such a user exists. */
  username: text('username').notNull(),
  kind: text('kind', { enum: ['login', 'unlock', 'change-password', 'reset'] }).notNull(),
  outcome: text('outcome', { enum: ['success', 'failure', 'throttled'] }).notNull(),
  /** The door it came through (electron, host, cli). */
  door: text('door').notNull(),
}, (t) => [index('sign_in_attempts_username').on(t.username, t.id), index('sign_in_attempts_at').on(t.at)]);
