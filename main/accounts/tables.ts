import { sqliteTable, text, integer } from 'drizzle-orm/sqlite-core';

export const users = sqliteTable('users', {
  id: text('id').primaryKey(),
  username: text('username').notNull().unique(),
  displayName: text('display_name').notNull(),
  /** scrypt$N$r$p$salt$hash — never logged (the write path records it as a secret). */
  passwordHash: text('password_hash').notNull(),
  role: text('role', { enum: ['commune-clerk', 'clinic-reception', 'district-staff', 'administrator'] }).notNull(),
  /** JSON list of admin_units ids this user may see and change (a district covers its communes). */
  unitIds: text('unit_ids').notNull().default('[]'),
  active: integer('active').notNull().default(1),
  rev: integer('rev').notNull().default(1),
  deleted: integer('deleted').notNull().default(0),
});
