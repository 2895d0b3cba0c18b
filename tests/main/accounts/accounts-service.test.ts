import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AppDatabase } from '../../../main/core/database/open-database';
import { createAccountsService } from '../../../main/accounts/accounts-service';
import { hashPassword, verifyPassword } from '../../../main/accounts/passwords';
import { openTempDatabase, tempDir } from '../../support/temp-database';

let cleanup: () => void;
let db: AppDatabase;
const system = { userId: null, origin: 'host' as const };

beforeEach(() => {
  const t = tempDir();
  cleanup = t.cleanup;
  db = openTempDatabase(t.dir);
});
afterEach(() => {
  vi.useRealTimers();
  db.close();
  cleanup();
});

describe('passwords', () => {
  it('hashes with scrypt and a random salt, and verifies', () => {
    const a = hashPassword('mật khẩu 123');
    expect(a).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(a).not.toBe(hashPassword('mật khẩu 123'));
    expect(verifyPassword('mật khẩu 123', a)).toBe(true);
    expect(verifyPassword('mật khẩu 124', a)).toBe(false);
  });
});

describe('accounts service', () => {
  it('needs setup until the first administrator exists, then refuses a second one', () => {
    const accounts = createAccountsService(db, { idleLockMinutes: 15 });
    expect(accounts.needsSetup()).toBe(true);
    const session = accounts.createFirstAdministrator(system, { username: 'admin', displayName: 'Quản trị', password: 'rất-bí-mật' });
    expect(session.user.role).toBe('administrator');
    expect(accounts.needsSetup()).toBe(false);
    expect(() => accounts.createFirstAdministrator(system, { username: 'x', displayName: 'X', password: '12345678' })).toThrow(/đã có quản trị viên/);
  });

  it('logs in with the right password only, with one message for unknown user and wrong password', () => {
    const accounts = createAccountsService(db, { idleLockMinutes: 15 });
    accounts.createFirstAdministrator(system, { username: 'admin', displayName: 'Quản trị', password: 'rất-bí-mật' });
    expect(accounts.login('admin', 'rất-bí-mật').user.username).toBe('admin');
    expect(() => accounts.login('admin', 'sai')).toThrow('Sai tên đăng nhập hoặc mật khẩu.');
    expect(() => accounts.login('không-có', 'sai')).toThrow('Sai tên đăng nhập hoặc mật khẩu.');
  });

  it('locks a session after idle time; only the password unlocks it', () => {
    vi.useFakeTimers({ now: new Date('2026-11-24T08:00:00Z') });
    const accounts = createAccountsService(db, { idleLockMinutes: 10 });
    const { token } = accounts.createFirstAdministrator(system, { username: 'admin', displayName: 'Quản trị', password: 'rất-bí-mật' });
    vi.advanceTimersByTime(9 * 60_000);
    expect(accounts.authenticate(token).username).toBe('admin');
    vi.advanceTimersByTime(10 * 60_000 + 1);
    expect(() => accounts.authenticate(token)).toThrow(expect.objectContaining({ code: 'session-locked' }));
    expect(() => accounts.unlock(token, 'sai')).toThrow(expect.objectContaining({ code: 'wrong-password' }));
    expect(() => accounts.authenticate(token)).toThrow(expect.objectContaining({ code: 'session-locked' }));
    accounts.unlock(token, 'rất-bí-mật');
    expect(accounts.authenticate(token).username).toBe('admin');
    accounts.logout(token);
    expect(() => accounts.authenticate(token)).toThrow(expect.objectContaining({ code: 'session-expired' }));
  });
});
