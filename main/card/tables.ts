import { sqliteTable, text, integer } from 'drizzle-orm/sqlite-core';

/**
 * Country signing certificates (CSCA) a chip's document signer is chained to: reference data, imported by an
 * administrator through the write path and published by the province hub to every office (REFERENCE_ENTITIES).
 */
export const cscaCertificates = sqliteTable('csca_certificates', {
  /** The SHA-256 of the DER, hex: the same certificate imported anywhere is the same record. */
  id: text('id').primaryKey(),
  /** The certificate, DER as base64. */
  der: text('der').notNull(),
  subject: text('subject').notNull(),
  rev: integer('rev').notNull().default(1),
  deleted: integer('deleted').notNull().default(0),
});
