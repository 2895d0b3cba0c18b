import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { AppDatabase } from './database/open-database';
import { nextLocalHlc } from './hlc-store';
import type { Actor } from './write-path';

export interface AuditEvent {
  action: string;
  /** Whose data (e.g. the ID number of a card read, a beneficiary id); stays in the database, never in log files. */
  subject?: string | null;
  detail?: Record<string, unknown>;
}

/** Records an action that reads or sends personal data (export, card read) in the append-only audit table. */
export function recordAudit(db: AppDatabase, actor: Actor, event: AuditEvent, nowMs = Date.now()): void {
  const tx = db.sqlite.transaction(() => {
    const hlc = nextLocalHlc(db, nowMs);
    const seq = (db.sqlite.prepare('SELECT coalesce(max(seq), 0) FROM audit_events WHERE device_id = ?').pluck().get(db.deviceId) as number) + 1;
    db.sqlite.prepare('INSERT INTO audit_events (device_id, seq, hlc, user_id, origin, action, subject, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(db.deviceId, seq, hlc, actor.userId, actor.origin, event.action, event.subject ?? null, event.detail ? JSON.stringify(event.detail) : null);
  });
  tx.immediate();
}

/** The SHA-256 of a file written for export, recorded with the export so the file can later be recognised. */
export function fileSha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}
