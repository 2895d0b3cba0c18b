import type { SqliteConnection } from '../core/database/open-database';
import type { Writer } from '../core/write-path';
import { matchingStatusTable } from './synced-tables';

// Where a person stands in the police round trip: one synced row per person (id = the beneficiary's id).

export type StoredMatchingStatus = 'sent' | 'matched' | 'mismatched' | 'not-found' | 'resent' | 'verified';

export interface StatusPatch {
  status?: StoredMatchingStatus;
  batchId?: string | null;
  verifiedBy?: 'population' | 'chip' | null;
  resend?: 0 | 1;
}

export function setMatchingStatus(w: Writer, beneficiaryId: string, patch: StatusPatch, day: string): void {
  const existing = w.get(matchingStatusTable, beneficiaryId);
  if (!existing) {
    if (!patch.status) return;
    w.insert(matchingStatusTable, { id: beneficiaryId, beneficiaryId, batchId: null, verifiedBy: null, resend: 0, ...patch, statusAt: day });
    return;
  }
  if (existing.deleted) w.restore(matchingStatusTable, beneficiaryId);
  const statusChanges = patch.status !== undefined && patch.status !== existing.status;
  w.update(matchingStatusTable, beneficiaryId, { ...patch, ...(statusChanges ? { statusAt: day } : {}) });
}

export function matchingStatusOf(db: SqliteConnection, beneficiaryId: string): { status: StoredMatchingStatus; batchId: string | null; resend: number } | undefined {
  return db.prepare('SELECT status, batch_id AS batchId, resend FROM matching_statuses WHERE id = ? AND deleted = 0').get(beneficiaryId) as
    { status: StoredMatchingStatus; batchId: string | null; resend: number } | undefined;
}

/**
 * After decisions: a person matched or mismatched whose population items are all settled (none open, none kept for a
 * re-check at the police, none waiting for the next batch) counts as verified by matching.
 */
export function settleMatchingStatus(w: Writer, db: SqliteConnection, beneficiaryId: string, day: string): void {
  const current = matchingStatusOf(db, beneficiaryId);
  if (!current || (current.status !== 'matched' && current.status !== 'mismatched')) return;
  const unsettled = db.prepare(`SELECT count(*) FROM mismatches WHERE beneficiary_id = ? AND source = 'population' AND deleted = 0
    AND status IN ('open', 'kept', 'resend')`).pluck().get(beneficiaryId) as number;
  if (unsettled === 0) setMatchingStatus(w, beneficiaryId, { status: 'verified', verifiedBy: 'population' }, day);
}
