import type { SqliteConnection } from '../core/database/open-database';
import type { Writer } from '../core/write-path';
import { fieldVerificationTable, matchingStatusTable, mismatchTable } from './synced-tables';

// Per-field verification (one synced row per person and field) and the protection it gives: a verified value
// is never overwritten by a later import (the other value goes to the mismatch queue); a hand edit replaces it only with
// a reason, and the field then loses its verification (registry/person-editing.ts).

export type VerificationSource = 'chip' | 'population' | 'manual';

export interface VerificationMark {
  source: VerificationSource;
  batchId?: string | null;
  cardRead?: string | null;
  userId: string | null;
  at?: string;
}

export interface FieldVerification {
  field: string;
  source: VerificationSource;
  batchId: string | null;
  cardRead: string | null;
  verifiedAt: string | null;
  verifiedBy: string | null;
}

const verificationId = (beneficiaryId: string, field: string) => `${beneficiaryId}:${field}`;

/** Marks a field verified (again): the row of this person and field is written, or brought back from its tombstone. */
export function verifyField(w: Writer, beneficiaryId: string, field: string, mark: VerificationMark): void {
  const id = verificationId(beneficiaryId, field);
  const values = { source: mark.source, batchId: mark.batchId ?? null, cardRead: mark.cardRead ?? null, verifiedAt: mark.at ?? new Date().toISOString(), verifiedBy: mark.userId };
  const existing = w.get(fieldVerificationTable, id);
  if (!existing) {
    w.insert(fieldVerificationTable, { id, beneficiaryId, field, ...values });
    return;
  }
  if (existing.deleted) w.restore(fieldVerificationTable, id);
  w.update(fieldVerificationTable, id, values);
}

/** The field is no longer verified (its value was replaced by a person's decision). */
export function unverifyField(w: Writer, beneficiaryId: string, field: string): void {
  w.tombstone(fieldVerificationTable, verificationId(beneficiaryId, field));
}

/** field → how it was verified, for one person. */
export function verifiedFieldsOf(db: SqliteConnection, beneficiaryId: string): Record<string, VerificationSource> {
  const rows = db.prepare('SELECT field, source FROM field_verifications WHERE beneficiary_id = ? AND deleted = 0').all(beneficiaryId) as { field: string; source: VerificationSource }[];
  return Object.fromEntries(rows.map((r) => [r.field, r.source]));
}

export function verificationsOf(db: SqliteConnection, beneficiaryId: string): FieldVerification[] {
  return db.prepare(`SELECT field, source, batch_id AS batchId, card_read AS cardRead, verified_at AS verifiedAt, verified_by AS verifiedBy
    FROM field_verifications WHERE beneficiary_id = ? AND deleted = 0 ORDER BY field`).all(beneficiaryId) as FieldVerification[];
}

const text = (v: unknown) => (v === null || v === undefined ? null : String(v));

/**
 * A later import or edit brings another value for a verified field: it is queued (once per value) instead of written.
 * Returns true when a new queue item was raised.
 */
export function queueProtectedDifference(w: Writer, db: SqliteConnection, item: { beneficiaryId: string; field: string; stored: unknown; incoming: unknown; source: 'import' | 'edit'; note?: string | null }): boolean {
  const incoming = text(item.incoming);
  const open = db.prepare(`SELECT 1 FROM mismatches WHERE beneficiary_id = ? AND field = ? AND source = ? AND status = 'open' AND deleted = 0 AND source_value IS ?`)
    .get(item.beneficiaryId, item.field, item.source, incoming);
  if (open) return false;
  w.insert(mismatchTable, {
    beneficiaryId: item.beneficiaryId, source: item.source, kind: 'differs', field: item.field, recordValue: text(item.stored), sourceValue: incoming,
    difference: 'real', note: item.note ?? null, createdAt: new Date().toISOString(),
  });
  return true;
}

/** A verified chip read accepted: the person counts as verified (by chip) in the round trip. */
export function markVerifiedByChip(w: Writer, beneficiaryId: string, day: string): void {
  const existing = w.get(matchingStatusTable, beneficiaryId);
  const values = { status: 'verified', verifiedBy: 'chip', statusAt: day, resend: 0 };
  if (!existing) w.insert(matchingStatusTable, { id: beneficiaryId, beneficiaryId, batchId: null, ...values });
  else {
    if (existing.deleted) w.restore(matchingStatusTable, beneficiaryId);
    w.update(matchingStatusTable, beneficiaryId, values);
  }
}
