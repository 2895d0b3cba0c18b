import { sqliteTable, text, integer, index, uniqueIndex } from 'drizzle-orm/sqlite-core';

/**
 * The mismatch queue: a difference between the record and an authoritative source (the chip, and later the
 * population database's matching results) waiting for a person to decide. Population matching adds its
 * "not found" and "differs" results here with source 'population'.
 */
export const mismatches = sqliteTable('mismatches', {
  id: text('id').primaryKey(),
  beneficiaryId: text('beneficiary_id').notNull(),
  /** Where the other value comes from: the chip, the population database's results, a later import or edit of a verified field. */
  source: text('source', { enum: ['chip', 'population', 'import', 'edit'] }).notNull(),
  /** differs: one field; not-found: the population database has no such person; id-invalid: no or a malformed ID;
   *  data-quality: a field the police cannot match as it stands (missing name, birth, sex; a child's ethnicity or hometown). */
  kind: text('kind', { enum: ['differs', 'not-found', 'id-invalid', 'listed-twice', 'data-quality'] }).notNull().default('differs'),
  field: text('field'),
  recordValue: text('record_value'),
  sourceValue: text('source_value'),
  /** accepted: their value taken; kept: ours kept, the person must update their data at the police; resend: goes in the next batch. */
  status: text('status', { enum: ['open', 'accepted', 'kept', 'resolved', 'resend'] }).notNull().default('open'),
  /** For a 'differs' item: a real difference, one of spelling only (case, tones, abbreviation, a renamed unit), or theirs only adds precision. */
  difference: text('difference', { enum: ['real', 'spelling', 'enriched'] }),
  /** The matching batch whose results raised the item. */
  batchId: text('batch_id'),
  /** The clerk's note with the decision (what the person must correct at the police). */
  note: text('note'),
  /** ISO time the item was raised (the queue's age filter). */
  createdAt: text('created_at'),
  rev: integer('rev').notNull().default(1),
  deleted: integer('deleted').notNull().default(0),
}, (t) => [index('mismatches_status').on(t.status, t.beneficiaryId), index('mismatches_beneficiary').on(t.beneficiaryId)]);

/**
 * One row per verified field of a person (id: `<beneficiary id>:<field>`), so that two offices verifying different
 * fields of one person write different rows and never conflict. The `verified` column of beneficiaries is only a
 * local summary of this table, kept by triggers.
 */
export const fieldVerifications = sqliteTable('field_verifications', {
  id: text('id').primaryKey(),
  beneficiaryId: text('beneficiary_id').notNull(),
  field: text('field').notNull(),
  source: text('source', { enum: ['chip', 'population', 'manual'] }).notNull(),
  /** The matching batch (source population) or the card read (source chip) that verified it. */
  batchId: text('batch_id'),
  cardRead: text('card_read'),
  /** ISO time and the user who verified it (null for values carried over from before this table). */
  verifiedAt: text('verified_at'),
  verifiedBy: text('verified_by'),
  rev: integer('rev').notNull().default(1),
  deleted: integer('deleted').notNull().default(0),
}, (t) => [index('field_verifications_beneficiary').on(t.beneficiaryId)]);

/** A list sent to the police for matching with the national population database. */
export const matchingBatches = sqliteTable('matching_batches', {
  id: text('id').primaryKey(),
  /** Printed in the list's title: `<commune code>-<yyyymmdd>-<nn>`. */
  number: text('number').notNull(),
  unitId: text('unit_id').notNull(),
  sentAt: text('sent_at').notNull(),
  people: integer('people').notNull(),
  /** Why people already matched were sent again, when there were any. */
  reason: text('reason'),
  rev: integer('rev').notNull().default(1),
  deleted: integer('deleted').notNull().default(0),
}, (t) => [uniqueIndex('matching_batches_number').on(t.number)]);

/** A person on a sent list, under the row key written beside them (`<batch number>-<nnnn>`). */
export const matchingBatchPeople = sqliteTable('matching_batch_people', {
  id: text('id').primaryKey(),
  batchId: text('batch_id').notNull(),
  beneficiaryId: text('beneficiary_id').notNull(),
  rowKey: text('row_key').notNull(),
  rev: integer('rev').notNull().default(1),
  deleted: integer('deleted').notNull().default(0),
}, (t) => [uniqueIndex('matching_batch_people_row_key').on(t.rowKey), index('matching_batch_people_beneficiary').on(t.beneficiaryId)]);

/**
 * Where a person stands in the round trip (id: the beneficiary's id; no row = not yet sent): sent (batch), matched,
 * mismatched, not found, cleaned and re-sent, verified (by matching or by chip).
 */
export const matchingStatuses = sqliteTable('matching_statuses', {
  id: text('id').primaryKey(),
  beneficiaryId: text('beneficiary_id').notNull(),
  status: text('status', { enum: ['sent', 'matched', 'mismatched', 'not-found', 'resent', 'verified'] }).notNull(),
  batchId: text('batch_id'),
  /** ISO day of the last change of status. */
  statusAt: text('status_at').notNull(),
  verifiedBy: text('verified_by', { enum: ['population', 'chip'] }),
  /** 1: a clerk decided the person goes in the next batch. */
  resend: integer('resend').notNull().default(0),
  rev: integer('rev').notNull().default(1),
  deleted: integer('deleted').notNull().default(0),
}, (t) => [index('matching_statuses_status').on(t.status)]);

/** A results workbook taken in (its SHA-256 refuses the same file twice). */
export const matchingResultFiles = sqliteTable('matching_result_files', {
  id: text('id').primaryKey(),
  batchId: text('batch_id'),
  fileName: text('file_name').notNull(),
  sha256: text('sha256').notNull(),
  importedAt: text('imported_at').notNull(),
  /** JSON counts {match, mismatch, notfound, unlinked}. */
  counts: text('counts').notNull(),
  rev: integer('rev').notNull().default(1),
  deleted: integer('deleted').notNull().default(0),
}, (t) => [index('matching_result_files_sha256').on(t.sha256)]);

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
