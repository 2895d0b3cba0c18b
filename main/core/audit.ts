import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { AppDatabase } from './database/open-database';
import { nextLocalHlc } from './hlc-store';
import { cachedStatement } from './statement-cache';
import type { Actor } from './write-path';

export interface AuditEvent {
  action: string;
  /** Whose data (e.g. the ID number of a card read, a beneficiary id); stays in the database, never in log files. */
  subject?: string | null;
  detail?: Record<string, unknown>;
}

interface PendingEvent {
  actor: Actor;
  event: AuditEvent;
  nowMs: number;
}

const RETRY_MS = 1000;

// Events not yet written because another connection (a long import commit in its worker) holds the write lock:
// the read they record goes on, and they are written, in order, as soon as the lock is free.
const pending = new WeakMap<AppDatabase, { events: PendingEvent[]; retry: NodeJS.Timeout | null }>();

/**
 * Records an action that reads or sends personal data (record opened, export, card read) in the append-only
 * audit table. While another connection holds the write lock the event waits in memory and is written at the
 * next chance (the next event, or a retry a second later); any other failure is thrown.
 */
export function recordAudit(db: AppDatabase, actor: Actor, event: AuditEvent, nowMs = Date.now()): void {
  let state = pending.get(db);
  if (!state) pending.set(db, (state = { events: [], retry: null }));
  state.events.push({ actor, event, nowMs });
  flush(db);
}

/** How many events wait for the write lock (for tests and diagnostics). */
export function pendingAuditEvents(db: AppDatabase): number {
  return pending.get(db)?.events.length ?? 0;
}

function flush(db: AppDatabase): void {
  const state = pending.get(db);
  if (!state || state.events.length === 0 || !db.sqlite.open) return;
  const events = state.events.splice(0);
  try {
    db.sqlite.transaction(() => { for (const e of events) insert(db, e); }).immediate();
  } catch (e) {
    if (!isBusy(e)) {
      state.events.unshift(...events.slice(0, -1)); // the new event failed for a reason of its own: keep the others
      throw e;
    }
    state.events.unshift(...events);
    if (!state.retry) {
      state.retry = setTimeout(() => {
        state.retry = null;
        try {
          flush(db);
        } catch {
          // a broken event cannot be written later either; the next recordAudit reports it
        }
      }, RETRY_MS);
      state.retry.unref();
    }
  }
}

function insert(db: AppDatabase, { actor, event, nowMs }: PendingEvent): void {
  const hlc = nextLocalHlc(db, nowMs);
  const seq = (cachedStatement(db.sqlite, 'SELECT coalesce(max(seq), 0) FROM audit_events WHERE device_id = ?').pluck().get(db.deviceId) as number) + 1;
  cachedStatement(db.sqlite, 'INSERT INTO audit_events (device_id, seq, hlc, user_id, origin, action, subject, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
    .run(db.deviceId, seq, hlc, actor.userId, actor.origin, event.action, event.subject ?? null, event.detail ? JSON.stringify(event.detail) : null);
}

function isBusy(e: unknown): boolean {
  const code = (e as { code?: unknown })?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
}

/** The SHA-256 of a file written for export, recorded with the export so the file can later be recognised. */
export function fileSha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}
