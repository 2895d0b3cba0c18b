import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';

/**
 * The mismatch queue: a difference between the record and an authoritative source (the chip, and later the
 * population database's matching results) waiting for a person to decide. Population matching adds its
 * "not found" and "differs" results here with source 'population'.
 */
export const mismatches = sqliteTable('mismatches', {
  id: text('id').primaryKey(),
  beneficiaryId: text('beneficiary_id').notNull(),
  source: text('source', { enum: ['chip', 'population'] }).notNull(),
  kind: text('kind', { enum: ['differs', 'not-found'] }).notNull().default('differs'),
  field: text('field'),
  recordValue: text('record_value'),
  sourceValue: text('source_value'),
  status: text('status', { enum: ['open', 'accepted', 'kept', 'resolved'] }).notNull().default('open'),
  rev: integer('rev').notNull().default(1),
  deleted: integer('deleted').notNull().default(0),
}, (t) => [index('mismatches_status').on(t.status, t.beneficiaryId)]);

/** A face image from the chip, stored only when the clerk chooses to keep it. */
export const beneficiaryPhotos = sqliteTable('beneficiary_photos', {
  id: text('id').primaryKey(),
  beneficiaryId: text('beneficiary_id').notNull(),
  source: text('source', { enum: ['chip'] }).notNull(),
  mimeType: text('mime_type').notNull(),
  dataBase64: text('data_base64').notNull(),
  rev: integer('rev').notNull().default(1),
  deleted: integer('deleted').notNull().default(0),
}, (t) => [index('beneficiary_photos_beneficiary').on(t.beneficiaryId)]);
