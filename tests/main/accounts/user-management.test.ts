import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppDatabase } from '../../../main/core/database/open-database';
import { createAccountsService, type AccountsService } from '../../../main/accounts/accounts-service';
import { openTempDatabase, tempDir } from '../../support/temp-database';

let cleanup: () => void;
let db: AppDatabase;
let accounts: AccountsService;
let admin: { userId: string; origin: 'host' };
const system = { userId: null, origin: 'host' as const };

function addUnit(id: string, level: 'province' | 'commune', parentId: string | null) {
  db.sqlite.prepare("INSERT INTO admin_units (id, code, effective_from, name, level, parent_id) VALUES (?, ?, '2025-07-01', ?, ?, ?)").run(id, id, `Đơn vị ${id}`, level, parentId);
}

beforeEach(() => {
  const t = tempDir();
  cleanup = t.cleanup;
  db = openTempDatabase(t.dir);
  addUnit('tinh', 'province', null);
  addUnit('xa-a', 'commune', 'tinh');
  addUnit('xa-b', 'commune', 'tinh');
  accounts = createAccountsService(db, { idleLockMinutes: 15 });
  const first = accounts.createFirstAdministrator(system, { username: 'admin', displayName: 'Quản trị', password: 'rất-bí-mật' });
  admin = { userId: first.user.id, origin: 'host' };
});
afterEach(() => {
  db.close();
  cleanup();
});

const clerk = (overrides: Partial<Parameters<AccountsService['createUser']>[1]> = {}) =>
  accounts.createUser(admin, { username: 'canbo', displayName: 'Cán bộ xã', password: 'tam-thoi-1', role: 'commune-clerk', unitIds: ['xa-a'], ...overrides });

describe('user management', () => {
  it('creates a user with several units, listed with their state; the change log never holds the password', () => {
    const created = clerk({ role: 'district-staff', unitIds: ['xa-a', 'xa-b'] });
    expect(created).toMatchObject({ username: 'canbo', role: 'district-staff', unitIds: ['xa-a', 'xa-b'] });
    expect(accounts.listUsers().find((u) => u.username === 'canbo')).toMatchObject({ active: true, mustChangePassword: true });
    const logged = db.sqlite.prepare("SELECT new_value FROM change_log WHERE entity = 'users' AND entity_id = ?").pluck().get(created.id) as string;
    expect(JSON.parse(logged)).toMatchObject({ passwordHash: '***', username: 'canbo' });
    expect(db.sqlite.prepare("SELECT count(*) FROM change_log WHERE new_value LIKE '%scrypt%' OR old_value LIKE '%scrypt%'").pluck().get()).toBe(0);
  });

  it('refuses units that do not exist', () => {
    expect(() => clerk({ unitIds: ['xa-khong-co'] })).toThrow(expect.objectContaining({ code: 'unit-unknown' }));
    expect(accounts.listUsers().map((u) => u.username)).toEqual(['admin']);
  });

  it('changes name, role and units through one command', () => {
    const created = clerk();
    const changed = accounts.updateUser(admin, { id: created.id, displayName: 'Cán bộ huyện', role: 'district-staff', unitIds: ['xa-a', 'xa-b'] });
    expect(changed).toMatchObject({ displayName: 'Cán bộ huyện', role: 'district-staff', unitIds: ['xa-a', 'xa-b'] });
    expect(db.sqlite.prepare("SELECT count(*) FROM commands WHERE name = 'update-user' AND user_id = ?").pluck().get(admin.userId)).toBe(1);
  });

  it('disables a user: their session ends and they cannot sign in; enabling lets them back', () => {
    const created = clerk({ mustChangePassword: false });
    const { token } = accounts.login('canbo', 'tam-thoi-1');
    accounts.setUserActive(admin, created.id, false);
    expect(() => accounts.authenticate(token)).toThrow(expect.objectContaining({ code: 'session-expired' }));
    expect(() => accounts.login('canbo', 'tam-thoi-1')).toThrow('Tài khoản này đã bị khóa');
    accounts.setUserActive(admin, created.id, true);
    expect(accounts.login('canbo', 'tam-thoi-1').user.username).toBe('canbo');
  });

  it('never disables, demotes the last active administrator; a second one makes it possible', () => {
    expect(() => accounts.setUserActive(admin, admin.userId, false)).toThrow('Không thể khóa tài khoản này: đây là quản trị viên duy nhất còn hoạt động');
    expect(() => accounts.updateUser(admin, { id: admin.userId, displayName: 'Quản trị', role: 'commune-clerk', unitIds: ['xa-a'] }))
      .toThrow(expect.objectContaining({ code: 'last-administrator' }));
    expect(accounts.listUsers()[0]).toMatchObject({ role: 'administrator', active: true });

    const second = clerk({ username: 'quantri2', role: 'administrator', unitIds: [] });
    accounts.setUserActive(admin, second.id, false);
    // A disabled administrator does not count: the first is still the last active one.
    expect(() => accounts.setUserActive(admin, admin.userId, false)).toThrow(expect.objectContaining({ code: 'last-administrator' }));
    accounts.setUserActive(admin, second.id, true);
    expect(accounts.setUserActive(admin, admin.userId, false).active).toBe(false);
    expect(() => accounts.updateUser(admin, { id: second.id, displayName: 'x', role: 'commune-clerk', unitIds: [] })).toThrow(expect.objectContaining({ code: 'last-administrator' }));
  });
});

describe('must change password', () => {
  it('a reset password signs in only to a change-password state; after the change everything works', () => {
    const created = clerk({ mustChangePassword: false });
    const before = accounts.login('canbo', 'tam-thoi-1');
    expect(before.mustChangePassword).toBe(false);

    accounts.resetPassword(admin, created.id, 'mat-khau-tam', 'host');
    expect(() => accounts.authenticate(before.token)).toThrow(expect.objectContaining({ code: 'session-expired' }));
    expect(() => accounts.login('canbo', 'tam-thoi-1')).toThrow('Sai tên đăng nhập hoặc mật khẩu.');

    const forced = accounts.login('canbo', 'mat-khau-tam');
    expect(forced.mustChangePassword).toBe(true);
    expect(() => accounts.authenticate(forced.token)).toThrow(expect.objectContaining({ code: 'password-change-required' }));
    expect(accounts.authenticate(forced.token, { passwordChange: true }).username).toBe('canbo');

    const actor = { userId: created.id, origin: 'host' as const };
    expect(() => accounts.changePassword(actor, forced.token, 'sai-roi-nhe', 'mat-khau-moi-1')).toThrow('Mật khẩu hiện tại không đúng.');
    expect(() => accounts.changePassword(actor, forced.token, 'mat-khau-tam', 'mat-khau-tam')).toThrow(expect.objectContaining({ code: 'password-unchanged' }));
    const after = accounts.changePassword(actor, forced.token, 'mat-khau-tam', 'mat-khau-moi-1');
    expect(after).toMatchObject({ token: forced.token, mustChangePassword: false });
    expect(accounts.authenticate(forced.token).username).toBe('canbo');
    expect(accounts.login('canbo', 'mat-khau-moi-1').mustChangePassword).toBe(false);
    expect(accounts.listUsers().find((u) => u.id === created.id)?.mustChangePassword).toBe(false);
  });

  it('a new account must change the password the administrator chose', () => {
    clerk();
    expect(accounts.login('canbo', 'tam-thoi-1').mustChangePassword).toBe(true);
  });
});
