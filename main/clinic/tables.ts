import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';

// The clinic's check-ins. Visits are records of the write path (id, rev, deleted: history, undo, audit) but health
// data that never leaves the health station (LOCAL_ONLY_ENTITIES in shared/sync/protocol.ts: not pushed, not in a
// USB bundle, not kept by the hub); the last known insurance status and the settings are this device's own too.

/** One patient checked in at reception: who, when, with what queue number, and the insurance status then. */
export const clinicVisits = sqliteTable('clinic_visits', {
  id: text('id').primaryKey(),
  /** The clinic's day (Vietnam time), yyyy-mm-dd: queue numbers start again at 1 each day. */
  day: text('day').notNull(),
  number: integer('number').notNull(),
  checkedInAt: integer('checked_in_at').notNull(),
  reason: text('reason'),
  officerUserId: text('officer_user_id'),
  officerName: text('officer_name'),
  /** How the patient was identified: chip, cccd-qr, bhyt-qr, typed. */
  identifiedBy: text('identified_by').notNull(),
  idNumber: text('id_number'),
  fullName: text('full_name'),
  birth: text('birth'),
  sex: text('sex'),
  cardCode: text('card_code'),
  /** What the coverage check is asked with (card code, mã số BHXH or CCCD number). */
  lookupKey: text('lookup_key'),
  /** done: the status shown is today's answer (or final); pending: still asking the gateway in the background. */
  insuranceState: text('insurance_state', { enum: ['done', 'pending'] }).notNull(),
  /** The insurance status as reception saw it (JSON of the contract's insurance view). */
  insurance: text('insurance').notNull(),
  rev: integer('rev').notNull().default(1),
  deleted: integer('deleted').notNull().default(0),
}, (t) => [index('clinic_visits_day').on(t.day, t.number), index('clinic_visits_pending').on(t.insuranceState)]);

/** The last status the gateway gave for a person at this clinic, under each key it can be looked up by. */
export const insuranceLastKnown = sqliteTable('insurance_last_known', {
  lookupKey: text('lookup_key').primaryKey(),
  checkedAt: integer('checked_at').notNull(),
  insurance: text('insurance').notNull(),
});

/** The gateway's address, the facility's account and code (values never logged; the database is encrypted). */
export const clinicSettings = sqliteTable('clinic_settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

/** Each reception officer's name and CCCD, which the gateway requires with every lookup since 2024. */
export const clinicOfficers = sqliteTable('clinic_officers', {
  userId: text('user_id').primaryKey(),
  fullName: text('full_name').notNull(),
  idNumber: text('id_number').notNull(),
  updatedAt: integer('updated_at').notNull(),
});
