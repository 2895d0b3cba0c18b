import type { AppDatabase } from '../core/database/open-database';
import { cachedStatement } from '../core/statement-cache';
import type { HeldChange } from '../core/apply-remote';
import type { EntryOutcome, WireEntry } from '../../shared/sync/protocol';
import { hlcToIso } from '../core/clock';
import { runCommand, type Actor } from '../core/write-path';
import { syncedTableByEntity } from '../core/synced-tables';
import { AppError } from '../core/errors';
import './known-tables';

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

/** An item as the person deciding sees it: the two values, and who made the other one, when, on which device. */
export interface SyncIssueDetail extends SyncIssue {
  ours: string | null;
  theirs: string | null;
  theirsBy: string | null;
  theirsAt: string | null;
  /** Whether a person can choose between the two values here (a field changed on both sides, or kept as verified). */
  decidable: boolean;
}

export function openIssueDetails(db: AppDatabase, limit = 200): SyncIssueDetail[] {
  const rows = cachedStatement(db.sqlite, `SELECT i.id, i.why, i.entity, i.entity_id AS entityId, i.field, i.message, i.status, i.created_at AS createdAt, i.change, i.here,
      u.display_name AS userName
    FROM sync_issues i LEFT JOIN users u ON u.id = json_extract(i.change, '$.command.userId')
    WHERE i.status = 'open' ORDER BY i.created_at DESC LIMIT ?`).all(limit) as (SyncIssue & { change: string; here: string | null; userName: string | null })[];
  return rows.map(({ change, here, userName, ...i }) => {
    const c = JSON.parse(change) as { value?: string | null; hlc?: string; command?: { userId?: string | null }; op?: string };
    const h = here ? (JSON.parse(here) as { value: string | null }) : null;
    const decidable = (i.why === 'conflict' || i.why === 'keep') && !!i.field && i.field !== 'deleted';
    return { ...i, ours: h?.value ?? null, theirs: decidable ? (c.op === 'tombstone' ? '1' : c.value ?? null) : null, theirsBy: userName ?? c.command?.userId ?? null,
      theirsAt: c.hlc ? hlcToIso(c.hlc) : null, decidable };
  });
}

/**
 * A person decides an item: 'theirs' takes the other side's value, 'ours' keeps this one, both written as one change
 * based on the other side's (so every device ends on the decided value); 'dismiss' closes an item there is nothing to
 * choose in. Our own change the hub held for the same field is settled with it.
 */
export function resolveIssue(db: AppDatabase, actor: Actor, id: string, choice: 'theirs' | 'ours' | 'dismiss'): { resolved: number } {
  const issue = cachedStatement(db.sqlite, "SELECT id, why, entity, entity_id AS entityId, field, change FROM sync_issues WHERE id = ? AND status = 'open'").get(id) as
    { id: string; why: string; entity: string; entityId: string; field: string | null; change: string } | undefined;
  if (!issue) throw new AppError('issue-missing', 'Mục này không còn chờ xử lý.', 'No such open item.');
  const close = (ids: string[]) => {
    const done = cachedStatement(db.sqlite, "UPDATE sync_issues SET status = 'resolved' WHERE status = 'open' AND id IN (SELECT value FROM json_each(?))");
    return done.run(JSON.stringify(ids)).changes;
  };
  if (choice === 'dismiss') return { resolved: close([issue.id]) };
  const t = syncedTableByEntity(issue.entity);
  if (!t || !issue.field || issue.field === 'deleted' || (issue.why !== 'conflict' && issue.why !== 'keep')) {
    throw new AppError('issue-not-decidable', 'Mục này không có hai giá trị để chọn: chỉ có thể đánh dấu đã xem.', 'Nothing to choose in this item.');
  }
  const field = issue.field;
  const change = JSON.parse(issue.change) as { deviceId: string; seq: number; op: string; value: string | null };
  const theirs = change.op === 'tombstone' ? 1 : JSON.parse(change.value ?? 'null');
  const hubHeld = cachedStatement(db.sqlite, "SELECT id FROM sync_issues WHERE status = 'open' AND why LIKE 'hub-%' AND entity = ? AND entity_id = ? AND field IS ?")
    .pluck().all(issue.entity, issue.entityId, field) as string[];
  let resolved = 0;
  runCommand(db, actor, 'sync-resolve', (w) => {
    const current = w.get(t, issue.entityId);
    if (!current) throw new AppError('record-missing', 'Không tìm thấy bản ghi.', 'No such record.');
    w.settle(t, issue.entityId, field, choice === 'theirs' ? theirs : current[field], `${change.deviceId}:${change.seq}`);
    w.summary = { issue: issue.id, choice };
    resolved = close([issue.id, ...hubHeld]);
  });
  return { resolved };
}
