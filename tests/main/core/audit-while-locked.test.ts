import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pendingAuditEvents, recordAudit } from '../../../main/core/audit';
import type { AppDatabase } from '../../../main/core/database/open-database';
import { openTempDatabase, tempDir } from '../../support/temp-database';

let cleanup: () => void;
let path: string;
let db: AppDatabase;
const clerk = { userId: 'u1', origin: 'host' as const };

// The app's connection and the import worker's: two plain connections in NORMAL locking mode on a migrated file.
beforeEach(() => {
  const t = tempDir();
  cleanup = t.cleanup;
  path = join(t.dir, 'test.db');
  const made = openTempDatabase(t.dir);
  const deviceId = made.deviceId;
  made.close();
  db = { sqlite: new Database(path, { timeout: 50 }), deviceId } as unknown as AppDatabase;
});
afterEach(() => {
  db.sqlite.close();
  cleanup();
});

const actions = () => db.sqlite.prepare('SELECT action FROM audit_events ORDER BY seq').pluck().all();

describe('audit events while another connection writes (a long import commit)', () => {
  it('lets the read go on and writes its event, in order, once the lock is free', async () => {
    recordAudit(db, clerk, { action: 'record-open', subject: 'a' });
    const importer = new Database(path, { timeout: 0 });
    importer.prepare('BEGIN IMMEDIATE').run();
    try {
      expect(() => recordAudit(db, clerk, { action: 'record-history', subject: 'a' })).not.toThrow();
      expect(() => recordAudit(db, clerk, { action: 'export', detail: { count: 3 } })).not.toThrow();
      expect(pendingAuditEvents(db)).toBe(2);
      expect(actions()).toEqual(['record-open']);
    } finally {
      importer.prepare('COMMIT').run();
      importer.close();
    }
    await new Promise((done) => setTimeout(done, 1500));
    expect(pendingAuditEvents(db)).toBe(0);
    expect(actions()).toEqual(['record-open', 'record-history', 'export']);
  });

  it('still throws a failure that is not a lock', () => {
    const broken = { sqlite: db.sqlite, deviceId: null } as unknown as AppDatabase;
    expect(() => recordAudit(broken, clerk, { action: 'record-open' })).toThrow();
    expect(pendingAuditEvents(broken)).toBe(0);
  });
});
