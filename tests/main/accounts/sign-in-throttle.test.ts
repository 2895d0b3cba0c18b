import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppDatabase } from '../../../main/core/database/open-database';
import { createAccountsService, type AccountsService } from '../../../main/accounts/accounts-service';
import { delayAfterFailures, MAX_DELAY_MS, waitInWords } from '../../../main/accounts/sign-in-throttle';
import { openTempDatabase, tempDir } from '../../support/temp-database';

let cleanup: () => void;
let db: AppDatabase;
let accounts: AccountsService;
let clock: number;
const system = { userId: null, origin: 'host' as const };

beforeEach(() => {
  const t = tempDir();
  cleanup = t.cleanup;
  db = openTempDatabase(t.dir);
  clock = Date.UTC(2026, 11, 2, 8, 0, 0);
  accounts = createAccountsService(db, { idleLockMinutes: 15, now: () => clock });
  accounts.createFirstAdministrator(system, { username: 'admin', displayName: 'Quản trị', password: 'rất-bí-mật' });
});
afterEach(() => {
  db.close();
  cleanup();
});

const fail = (username = 'admin', door: 'host' | 'cli' = 'host') => {
  try {
    accounts.login(username, 'sai-mat-khau', door);
  } catch (e) {
    return e as { code: string; messageVi: string; details?: { retryAfterMs: number } };
  }
  throw new Error('a wrong password was accepted');
};

describe('the delay rule', () => {
  it('lets 4 mistakes pass, then doubles from 30 s, capped at 15 minutes', () => {
    expect([1, 4].map(delayAfterFailures)).toEqual([0, 0]);
    expect([5, 6, 7, 8].map(delayAfterFailures)).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(delayAfterFailures(50)).toBe(MAX_DELAY_MS);
    expect(waitInWords(30_000).vi).toBe('30 giây');
    expect(waitInWords(90_500).vi).toBe('1 phút 31 giây');
    expect(waitInWords(120_000).vi).toBe('2 phút');
  });
});

describe('sign-in throttling', () => {
  it('after 5 wrong passwords refuses even the right one until the wait is over, saying how long', () => {
    for (let i = 0; i < 4; i++) expect(fail().code).toBe('wrong-credentials');
    const fifth = fail();
    expect(fifth).toMatchObject({ code: 'sign-in-throttled', details: { retryAfterMs: 30_000 } });
    expect(fifth.messageVi).toBe('Sai tên đăng nhập hoặc mật khẩu. Đã nhập sai mật khẩu 5 lần liên tiếp: hãy chờ 30 giây rồi thử lại.');

    clock += 10_000;
    expect(() => accounts.login('admin', 'rất-bí-mật')).toThrow('hãy chờ 20 giây rồi thử lại');
    clock += 20_000;
    // The wait is over: one more wrong password doubles the next wait.
    expect(fail()).toMatchObject({ code: 'sign-in-throttled', details: { retryAfterMs: 60_000 } });
    clock += 59_000;
    expect(() => accounts.login('admin', 'rất-bí-mật')).toThrow(expect.objectContaining({ code: 'sign-in-throttled' }));
    clock += 1_000;
    expect(accounts.login('admin', 'rất-bí-mật').user.username).toBe('admin');
    // A success starts the count again.
    for (let i = 0; i < 4; i++) expect(fail().code).toBe('wrong-credentials');
  });

  it('holds whatever the door, and for unknown usernames alike', () => {
    for (let i = 0; i < 3; i++) fail('admin', 'host');
    for (let i = 0; i < 2; i++) fail('admin', 'cli');
    expect(() => accounts.login('admin', 'rất-bí-mật', 'cli')).toThrow(expect.objectContaining({ code: 'sign-in-throttled' }));
    for (let i = 0; i < 4; i++) expect(fail('khong-co-ai').code).toBe('wrong-credentials');
    expect(fail('khong-co-ai').code).toBe('sign-in-throttled');
  });

  it('never keeps anyone out longer than the cap, however many attempts are made', () => {
    for (let i = 0; i < 30; i++) {
      fail();
      clock += MAX_DELAY_MS; // an attacker who waits out every delay
    }
    expect(accounts.login('admin', 'rất-bí-mật').user.username).toBe('admin');
  });

  it('counts wrong passwords at unlock too, and a reset by the administrator lifts the throttle', () => {
    const created = accounts.createUser({ userId: null, origin: 'host' }, { username: 'canbo', displayName: 'C', password: 'mat-khau-1', role: 'commune-clerk', unitIds: [], mustChangePassword: false });
    const { token } = accounts.login('canbo', 'mat-khau-1');
    for (let i = 0; i < 4; i++) expect(() => accounts.unlock(token, 'sai')).toThrow(expect.objectContaining({ code: 'wrong-password' }));
    expect(() => accounts.unlock(token, 'sai')).toThrow(expect.objectContaining({ code: 'sign-in-throttled' }));
    expect(() => accounts.login('canbo', 'mat-khau-1')).toThrow(expect.objectContaining({ code: 'sign-in-throttled' }));
    accounts.resetPassword({ userId: null, origin: 'host' }, created.id, 'mat-khau-tam', 'host');
    expect(accounts.login('canbo', 'mat-khau-tam').mustChangePassword).toBe(true);
  });

  it('records every attempt (time, username, outcome, door) for the administrator, newest first', () => {
    fail('admin', 'cli');
    clock += 1000;
    accounts.login('admin', 'rất-bí-mật', 'host');
    const page = accounts.signInAttempts({ offset: 0, limit: 10 });
    expect(page.total).toBe(2);
    expect(page.rows).toEqual([
      { at: clock, username: 'admin', kind: 'login', outcome: 'success', door: 'host' },
      { at: clock - 1000, username: 'admin', kind: 'login', outcome: 'failure', door: 'cli' },
    ]);
    expect(accounts.signInAttempts({ username: 'khac', offset: 0, limit: 10 }).total).toBe(0);
  });
});

describe('sign-in while an import commits on another connection', () => {
  it('signs in without waiting for the write lock, counts the unwritten attempts and writes them afterwards', async () => {
    const { default: Database } = await import('better-sqlite3');
    const { join } = await import('node:path');
    const t = tempDir();
    const made = openTempDatabase(t.dir);
    const deviceId = made.deviceId;
    made.close();
    const path = join(t.dir, 'test.db');
    const app = { sqlite: new Database(path, { timeout: 50 }), deviceId } as unknown as AppDatabase;
    try {
      const service = createAccountsService(app, { idleLockMinutes: 15, now: () => clock });
      service.createFirstAdministrator(system, { username: 'admin', displayName: 'Quản trị', password: 'rất-bí-mật' });
      const importer = new Database(path, { timeout: 0 });
      importer.prepare('BEGIN IMMEDIATE').run();
      try {
        expect(service.login('admin', 'rất-bí-mật').user.username).toBe('admin');
        for (let i = 0; i < 4; i++) expect(() => service.login('admin', 'sai')).toThrow(expect.objectContaining({ code: 'wrong-credentials' }));
        expect(() => service.login('admin', 'sai')).toThrow(expect.objectContaining({ code: 'sign-in-throttled' }));
        expect(service.signInAttempts({ offset: 0, limit: 10 }).total).toBe(0);
      } finally {
        importer.prepare('COMMIT').run();
        importer.close();
      }
      expect(() => service.login('admin', 'rất-bí-mật')).toThrow(expect.objectContaining({ code: 'sign-in-throttled' }));
      expect(service.signInAttempts({ offset: 0, limit: 10 }).rows.map((r) => r.outcome)).toEqual(['throttled', 'failure', 'failure', 'failure', 'failure', 'failure', 'success']);
    } finally {
      app.sqlite.close();
      t.cleanup();
    }
  });
});
