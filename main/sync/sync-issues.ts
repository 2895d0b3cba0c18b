import type { AppDatabase } from '../core/database/open-database';
import { cachedStatement } from '../core/statement-cache';
import type { HeldChange } from '../core/apply-remote';
import type { EntryOutcome, WireEntry } from '../../shared/sync/protocol';

// "Cần xử lý": what sync did not simply apply, kept until a person decides (sync_issues, local to the device).

export interface SyncIssue {
  id: string;
  why: string;
  entity: string;
  entityId: string;
  field: string | null;
  message: string;
  status: 'open' | 'resolved';
  createdAt: number;
}

export function recordHeld(db: AppDatabase, held: HeldChange, now = Date.now()): void {
  const e = held.entry;
  cachedStatement(db.sqlite, `INSERT OR IGNORE INTO sync_issues (id, why, entity, entity_id, field, change, here, message, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`)
    .run(`${e.deviceId}:${e.seq}`, held.why, e.entity, e.entityId, e.field, JSON.stringify({ ...e, command: held.command }), JSON.stringify(held.here), held.message, now);
}

/** One of our own changes the hub kept for review or refused. */
export function recordHubOutcome(db: AppDatabase, entry: WireEntry, outcome: Exclude<EntryOutcome, 'applied'>, reason: string, now = Date.now()): void {
  cachedStatement(db.sqlite, `INSERT OR IGNORE INTO sync_issues (id, why, entity, entity_id, field, change, here, message, created_at) VALUES (?, ?, ?, ?, ?, ?, NULL, ?, ?)`)
    .run(`${db.deviceId}:${entry.seq}`, `hub-${outcome}`, entry.entity, entry.id, entry.field, JSON.stringify(entry), reason, now);
}

export function openIssues(db: AppDatabase, limit = 200): SyncIssue[] {
  return cachedStatement(db.sqlite, `SELECT id, why, entity, entity_id AS entityId, field, message, status, created_at AS createdAt
    FROM sync_issues WHERE status = 'open' ORDER BY created_at DESC LIMIT ?`).all(limit) as SyncIssue[];
}

export function openIssueCount(db: AppDatabase): number {
  return cachedStatement(db.sqlite, "SELECT count(*) FROM sync_issues WHERE status = 'open'").pluck().get() as number;
}
