import type { AppDatabase } from '../core/database/open-database';
import { AppError } from '../core/errors';
import { cachedStatement } from '../core/statement-cache';
import { runCommand, type Actor, type Origin } from '../core/write-path';
import type { Role } from '../../shared/contract/roles';
import type { ManagedUser, User } from '../../shared/contract/accounts';
import { DUMMY_HASH, hashPassword, verifyPassword } from './passwords';
import { createSessionStore, type SessionRecord } from './sessions';
import { createSignInAttempts, type AttemptKind } from './sign-in-attempts';
import { delayAfterFailures, remainingWait, waitInWords } from './sign-in-throttle';
import { userTable } from './synced-tables';

export interface NewUser {
  username: string;
  displayName: string;
  password: string;
  role: Role;
  unitIds: string[];
  /** Default true: a password the administrator chose is changed by its owner at first sign-in. */
  mustChangePassword?: boolean;
}

export interface UserChanges {
  id: string;
  displayName: string;
  role: Role;
  unitIds: string[];
}

interface UserRow {
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  role: Role;
  unit_ids: string;
  active: number;
  must_change_password: number;
}

const toUser = (r: UserRow): User => ({ id: r.id, username: r.username, displayName: r.display_name, role: r.role, unitIds: JSON.parse(r.unit_ids) });
const toManagedUser = (r: UserRow): ManagedUser => ({ ...toUser(r), active: r.active === 1, mustChangePassword: r.must_change_password === 1 });

const wrongCredentials = () => new AppError('wrong-credentials', 'Sai tên đăng nhập hoặc mật khẩu.', 'Wrong username or password.');
const noSuchUser = () => new AppError('user-missing', 'Không tìm thấy người dùng này.', 'No such user.');

function throttled(failures: number, waitMs: number, afterWrongPassword: boolean): AppError {
  const wait = waitInWords(waitMs);
  const lead = afterWrongPassword ? 'Sai tên đăng nhập hoặc mật khẩu. ' : '';
  return new AppError('sign-in-throttled',
    `${lead}Đã nhập sai mật khẩu ${failures} lần liên tiếp: hãy chờ ${wait.vi} rồi thử lại.`,
    `${failures} wrong passwords in a row: wait ${wait.en} before trying again.`,
    { retryAfterMs: waitMs });
}

export function createAccountsService(db: AppDatabase, options: { idleLockMinutes: number; now?: () => number }) {
  const sqlite = db.sqlite;
  const now = options.now ?? Date.now;
  const sessions = createSessionStore(options.idleLockMinutes * 60_000, now);
  const attempts = createSignInAttempts(sqlite);
  const userByName = sqlite.prepare('SELECT * FROM users WHERE username = ? AND deleted = 0');
  const userById = sqlite.prepare('SELECT * FROM users WHERE id = ? AND deleted = 0');
  const otherActiveAdministrators = sqlite.prepare("SELECT count(*) FROM users WHERE role = 'administrator' AND active = 1 AND deleted = 0 AND id != ?").pluck();

  function userCount(): number {
    return sqlite.prepare('SELECT count(*) FROM users WHERE deleted = 0').pluck().get() as number;
  }

  function rowById(id: string): UserRow {
    const row = userById.get(id) as UserRow | undefined;
    if (!row) throw noSuchUser();
    return row;
  }

  /** Units a user may see: the ones listed and everything under them (a district covers its communes). */
  function unitScope(user: User): string[] | null {
    if (user.role === 'administrator' && user.unitIds.length === 0) return null;
    // Each step looks the children up by parent (the planner would otherwise scan the 14,000 official units per call).
    return cachedStatement(sqlite, `WITH RECURSIVE scope(id) AS (
        SELECT value FROM json_each(?) UNION SELECT u.id FROM scope s CROSS JOIN admin_units u INDEXED BY admin_units_parent ON u.parent_id = s.id)
      SELECT id FROM scope`).pluck().all(JSON.stringify(user.unitIds)) as string[];
  }

  /** A user's units must exist and lie within the area of the administrator who gives them. */
  function checkUnits(actor: Actor, unitIds: readonly string[]): string[] {
    const unique = [...new Set(unitIds)];
    const known = sqlite.prepare('SELECT count(*) FROM admin_units WHERE deleted = 0 AND id IN (SELECT value FROM json_each(?))').pluck().get(JSON.stringify(unique)) as number;
    const byRow = actor.userId ? userById.get(actor.userId) as UserRow | undefined : undefined;
    const scope = byRow ? unitScope(toUser(byRow)) : null;
    if (known !== unique.length || (scope && unique.some((u) => !scope.includes(u)))) {
      throw new AppError('unit-unknown', 'Có xã/phường không có trong danh mục hoặc ngoài địa bàn của bạn.', 'A unit is unknown or outside your area.');
    }
    return unique;
  }

  /** Refuses to leave the office without an active administrator (run inside the command's transaction). */
  function keepAnAdministrator(row: UserRow, refusalVi: string): void {
    if (row.role !== 'administrator' || row.active !== 1) return;
    if ((otherActiveAdministrators.get(row.id) as number) === 0) {
      throw new AppError('last-administrator', `${refusalVi}: đây là quản trị viên duy nhất còn hoạt động. Hãy tạo hoặc mở lại một tài khoản quản trị viên khác trước.`,
        'This is the last active administrator.');
    }
  }

  function insertUser(actor: Actor, input: NewUser, commandName: string): User {
    if (userByName.get(input.username)) {
      throw new AppError('username-taken', `Tên đăng nhập "${input.username}" đã có người dùng.`, 'Username already exists.');
    }
    const { result: id } = runCommand(db, actor, commandName, (w) => w.insert(userTable, {
      username: input.username,
      displayName: input.displayName,
      passwordHash: hashPassword(input.password),
      role: input.role,
      unitIds: JSON.stringify(input.unitIds),
      mustChangePassword: input.mustChangePassword === false ? 0 : 1,
    }));
    return toUser(userById.get(id) as UserRow);
  }

  function session(record: SessionRecord) {
    const user = userById.get(record.userId) as UserRow | undefined;
    if (!user || !user.active) throw wrongCredentials();
    return { token: record.token, user: toUser(user), idleLockMinutes: options.idleLockMinutes, mustChangePassword: user.must_change_password === 1 };
  }

  /**
   * Checks a password for `username` under the throttle: after 5 wrong passwords in a row, each further attempt
   * waits a doubling, capped delay, whatever the door. Every attempt is recorded.
   */
  function checkPassword(username: string, password: string, kind: AttemptKind, door: Origin): UserRow | undefined {
    const at = now();
    const before = attempts.consecutiveFailures(username);
    const wait = remainingWait(before.failures, before.lastFailureAt, at);
    if (wait > 0) {
      attempts.record({ at, username, kind, outcome: 'throttled', door });
      throw throttled(before.failures, wait, false);
    }
    const row = userByName.get(username) as UserRow | undefined;
    const ok = verifyPassword(password, row?.password_hash ?? DUMMY_HASH);
    attempts.record({ at, username, kind, outcome: ok && row?.active === 1 ? 'success' : 'failure', door });
    if (ok && row) return row;
    const failures = before.failures + 1;
    const delay = delayAfterFailures(failures);
    if (delay > 0) throw throttled(failures, delay, true);
    return undefined;
  }

  return {
    needsSetup: () => userCount() === 0,

    /** First start only: there is no administrator yet. */
    createFirstAdministrator(actor: Actor, input: Omit<NewUser, 'role' | 'unitIds' | 'mustChangePassword'>) {
      if (userCount() > 0) throw new AppError('already-set-up', 'Ứng dụng đã có quản trị viên.', 'An administrator already exists.');
      const user = insertUser(actor, { ...input, role: 'administrator', unitIds: [], mustChangePassword: false }, 'create-administrator');
      return session(sessions.open(user.id));
    },

    createUser(actor: Actor, input: NewUser): User {
      return insertUser(actor, { ...input, unitIds: checkUnits(actor, input.unitIds) }, 'create-user');
    },

    listUsers(): ManagedUser[] {
      return (sqlite.prepare('SELECT * FROM users WHERE deleted = 0 ORDER BY username').all() as UserRow[]).map(toManagedUser);
    },

    /** Name, role and units; the last active administrator keeps the role. */
    updateUser(actor: Actor, changes: UserChanges): ManagedUser {
      const unitIds = checkUnits(actor, changes.unitIds);
      runCommand(db, actor, 'update-user', (w) => {
        const row = rowById(changes.id);
        if (changes.role !== 'administrator') keepAnAdministrator(row, 'Không thể đổi vai trò');
        w.update(userTable, row.id, { displayName: changes.displayName, role: changes.role, unitIds: JSON.stringify(unitIds) });
      });
      return toManagedUser(rowById(changes.id));
    },

    /** Disabling ends the user's sessions at once; the last active administrator cannot be disabled. */
    setUserActive(actor: Actor, id: string, active: boolean): ManagedUser {
      runCommand(db, actor, active ? 'enable-user' : 'disable-user', (w) => {
        const row = rowById(id);
        if (!active) keepAnAdministrator(row, 'Không thể khóa tài khoản này');
        w.update(userTable, row.id, { active: active ? 1 : 0 });
      });
      if (!active) sessions.closeAllFor(id);
      return toManagedUser(rowById(id));
    },

    /**
     * A temporary password from the administrator: the user's sessions end, and the next sign-in must choose a new
     * password. Also lifts the sign-in throttle of that username (recorded as an attempt of kind "reset").
     */
    resetPassword(actor: Actor, id: string, temporaryPassword: string, door: Origin): ManagedUser {
      const row = rowById(id);
      runCommand(db, actor, 'reset-password', (w) => {
        w.update(userTable, row.id, { passwordHash: hashPassword(temporaryPassword), mustChangePassword: 1 });
      });
      sessions.closeAllFor(id);
      attempts.record({ at: now(), username: row.username, kind: 'reset', outcome: 'success', door });
      return toManagedUser(rowById(id));
    },

    login(username: string, password: string, door: Origin = 'system') {
      const name = username.trim().toLowerCase();
      const row = checkPassword(name, password, 'login', door);
      if (!row) throw wrongCredentials();
      if (!row.active) throw new AppError('user-disabled', 'Tài khoản này đã bị khóa. Hãy liên hệ quản trị viên.', 'This account is disabled.');
      return session(sessions.open(row.id));
    },

    unlock(token: string | null | undefined, password: string, door: Origin = 'system') {
      const record = sessions.touch(token, true);
      const row = rowById(record.userId);
      if (!checkPassword(row.username, password, 'unlock', door)) {
        throw new AppError('wrong-password', 'Mật khẩu không đúng.', 'Wrong password.');
      }
      sessions.unlock(record);
      return session(record);
    },

    /** The user's own new password (required after a reset); the current one proves it is them. */
    changePassword(actor: Actor, token: string | null | undefined, currentPassword: string, newPassword: string, door: Origin = 'system') {
      const record = sessions.touch(token);
      const row = rowById(record.userId);
      if (!checkPassword(row.username, currentPassword, 'change-password', door)) {
        throw new AppError('wrong-password', 'Mật khẩu hiện tại không đúng.', 'Wrong current password.');
      }
      if (newPassword === currentPassword) {
        throw new AppError('password-unchanged', 'Mật khẩu mới phải khác mật khẩu hiện tại.', 'The new password must differ from the current one.');
      }
      if (newPassword.toLowerCase().includes(row.username)) {
        throw new AppError('password-weak', 'Mật khẩu mới không được chứa tên đăng nhập.', 'The new password must not contain the username.');
      }
      runCommand(db, actor, 'change-password', (w) => {
        w.update(userTable, row.id, { passwordHash: hashPassword(newPassword), mustChangePassword: 0 });
      });
      return session(record);
    },

    logout(token: string | null | undefined) {
      const record = sessions.touch(token, true);
      sessions.close(record.token);
    },

    /**
     * The signed-in user behind a request token (throws session-expired / session-locked). A user who must change
     * their password gets nothing else until they do (`passwordChange`: the request is that change, or asks who is signed in).
     */
    authenticate(token: string | null | undefined, options: { passwordChange?: boolean } = {}): User {
      const record = sessions.touch(token);
      const row = userById.get(record.userId) as UserRow | undefined;
      if (!row || !row.active) throw wrongCredentials();
      if (row.must_change_password === 1 && !options.passwordChange) {
        throw new AppError('password-change-required', 'Bạn cần đổi mật khẩu trước khi làm việc khác.', 'Change your password first.');
      }
      return toUser(row);
    },

    /** Sign-in attempts, newest first, for the administrator. */
    signInAttempts: attempts.list,

    unitScope,
  };
}

export type AccountsService = ReturnType<typeof createAccountsService>;
