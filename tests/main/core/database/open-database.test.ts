import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import { openDatabase } from '../../../../main/core/database/open-database';
import { readJournal } from '../../../../main/core/database/schema-info';
import { migrationsDir } from '../../../../main/core/app-paths';
import { tempDir } from '../../../support/temp-database';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

const open = (name: string, extra: { create?: boolean; key?: Buffer } = {}) =>
  openDatabase({ path: join(dir, name), migrationsFolder: migrationsDir(), create: true, ...extra });

function expectRefusedUntouched(path: string, code: string, extra: { key?: Buffer } = {}) {
  const before = readFileSync(path);
  let caught: unknown;
  try {
    openDatabase({ path, migrationsFolder: migrationsDir(), ...extra });
  } catch (e) {
    caught = e;
  }
  expect((caught as { code?: string })?.code).toBe(code);
  expect((caught as Error).message).toMatch(/[ạảãáàơưđ]/); // a Vietnamese message
  expect(readFileSync(path).equals(before)).toBe(true);
}

describe('openDatabase', () => {
  it('creates a new database with WAL, foreign keys, all migrations and a device id', () => {
    const db = open('new.db');
    expect(db.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    const tables = db.sqlite.prepare("SELECT name FROM sqlite_master WHERE type IN ('table')").pluck().all();
    expect(tables).toEqual(expect.arrayContaining(['beneficiaries', 'households', 'payment_accounts', 'admin_units', 'users', 'change_log', 'commands', 'audit_events', 'beneficiaries_fts']));
    expect(db.deviceId).toMatch(/^[0-9a-f-]{36}$/);
    expect(db.schemaVersion).toBe(readJournal(migrationsDir()).length);
    db.close();
    const again = open('new.db');
    expect(again.deviceId).toBe(db.deviceId);
    again.close();
  });

  it('keeps migrations linear: journal timestamps strictly increase with the index', () => {
    const entries = readJournal(migrationsDir());
    entries.forEach((e, i) => {
      expect(e.idx).toBe(i);
      if (i > 0) expect(e.when).toBeGreaterThan(entries[i - 1].when);
    });
  });

  it('refuses a missing file unless asked to create it', () => {
    expect(() => openDatabase({ path: join(dir, 'missing.db'), migrationsFolder: migrationsDir() })).toThrow(/Không tìm thấy/);
  });

  it('refuses a file that is not SQLite, leaving it untouched', () => {
    const path = join(dir, 'list.db');
    writeFileSync(path, 'Họ và tên;Ngày sinh\nNguyễn Văn A;01/01/1950\n');
    expectRefusedUntouched(path, 'database-not-sqlite');
  });

  it('refuses a corrupt database, leaving it untouched', () => {
    const db = open('c.db');
    db.sqlite.exec("CREATE TABLE filler(x); WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 50) INSERT INTO filler SELECT randomblob(3000) FROM n");
    db.close();
    const path = join(dir, 'c.db');
    const bytes = readFileSync(path);
    bytes.fill(0xa5, 4096 * 2, 4096 * 6); // smash pages in the middle
    writeFileSync(path, bytes);
    expectRefusedUntouched(path, 'database-corrupt');
  });

  it("refuses another program's SQLite database", () => {
    const path = join(dir, 'other.db');
    const other = new Database(path);
    other.exec('CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)');
    other.close();
    expectRefusedUntouched(path, 'database-foreign');
  });

  it('refuses a database written by a newer version of the app', () => {
    const db = open('newer.db');
    db.sqlite.prepare("UPDATE meta SET value = '999' WHERE key = 'schema.version'").run();
    db.close();
    expectRefusedUntouched(join(dir, 'newer.db'), 'database-newer');
  });

  it('refuses a second instance on the same database while the first has it open', () => {
    const first = open('shared.db');
    expect(() => open('shared.db')).toThrow(expect.objectContaining({ code: 'database-in-use' }));
    first.close();
    open('shared.db').close();
  });

  it('encrypts at rest when given a key, and refuses the wrong key without damage', () => {
    const key = randomBytes(32);
    const db = open('secret.db', { key });
    db.sqlite.prepare("INSERT INTO meta (key, value) VALUES ('probe', 'Nguyễn Văn Bí Mật')").run();
    db.close();
    const path = join(dir, 'secret.db');
    expect(readFileSync(path).includes(Buffer.from('Bí Mật'))).toBe(false);
    expectRefusedUntouched(path, 'database-wrong-key', { key: randomBytes(32) });
    const reopened = open('secret.db', { key });
    expect(reopened.sqlite.prepare("SELECT value FROM meta WHERE key = 'probe'").pluck().get()).toBe('Nguyễn Văn Bí Mật');
    reopened.close();
  });
});
