import type { AppDatabase } from '../core/database/open-database';
import { AppError } from '../core/errors';
import { runCommand, type Actor } from '../core/write-path';
import type { Role } from '../../shared/contract/roles';
import type { User } from '../../shared/contract/accounts';
import { DUMMY_HASH, hashPassword, verifyPassword } from './passwords';
import { createSessionStore, type SessionRecord } from './sessions';
import { userTable } from './synced-tables';

export interface NewUser {
  username: string;
  displayName: string;
  password: string;
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
}

const toUser = (r: UserRow): User => ({ id: r.id, username: r.username, displayName: r.display_name, role: r.role, unitIds: JSON.parse(r.unit_ids) });

const wrongCredentials = () => new AppError('wrong-credentials', 'Sai tên đăng nhập hoặc mật khẩu.', 'Wrong username or password.');

export function createAccountsService(db: AppDatabase, options: { idleLockMinutes: number }) {
  const sqlite = db.sqlite;
  const sessions = createSessionStore(options.idleLockMinutes * 60_000);
  const userByName = sqlite.prepare('SELECT * FROM users WHERE username = ? AND deleted = 0');
  const userById = sqlite.prepare('SELECT * FROM users WHERE id = ? AND deleted = 0');

  function userCount(): number {
    return sqlite.prepare('SELECT count(*) FROM users WHERE deleted = 0').pluck().get() as number;
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
    }));
    return toUser(userById.get(id) as UserRow);
  }

  function session(record: SessionRecord) {
    const user = userById.get(record.userId) as UserRow | undefined;
    if (!user || !user.active) throw wrongCredentials();
    return { token: record.token, user: toUser(user), idleLockMinutes: options.idleLockMinutes };
  }

  /** Units a user may see: the ones listed and everything under them (a district covers its communes). */
  function unitScope(user: User): string[] | null {
    if (user.role === 'administrator' && user.unitIds.length === 0) return null;
    return sqlite.prepare(`WITH RECURSIVE scope(id) AS (
        SELECT value FROM json_each(?) UNION SELECT u.id FROM admin_units u JOIN scope s ON u.parent_id = s.id)
      SELECT id FROM scope`).pluck().all(JSON.stringify(user.unitIds)) as string[];
  }

  return {
    needsSetup: () => userCount() === 0,

    /** First start only: there is no administrator yet. */
    createFirstAdministrator(actor: Actor, input: Omit<NewUser, 'role' | 'unitIds'>) {
      if (userCount() > 0) throw new AppError('already-set-up', 'Ứng dụng đã có quản trị viên.', 'An administrator already exists.');
      const user = insertUser(actor, { ...input, role: 'administrator', unitIds: [] }, 'create-administrator');
      return session(sessions.open(user.id));
    },

    createUser(actor: Actor, input: NewUser): User {
      return insertUser(actor, input, 'create-user');
    },

    listUsers(): User[] {
      return (sqlite.prepare('SELECT * FROM users WHERE deleted = 0 ORDER BY username').all() as UserRow[]).map(toUser);
    },

    login(username: string, password: string) {
      const row = userByName.get(username.trim().toLowerCase()) as UserRow | undefined;
      const ok = verifyPassword(password, row?.password_hash ?? DUMMY_HASH);
      if (!row || !ok || !row.active) throw wrongCredentials();
      return session(sessions.open(row.id));
    },

    unlock(token: string | null | undefined, password: string) {
      const record = sessions.touch(token, true);
      const row = userById.get(record.userId) as UserRow | undefined;
      if (!row || !verifyPassword(password, row.password_hash)) {
        throw new AppError('wrong-password', 'Mật khẩu không đúng.', 'Wrong password.');
      }
      sessions.unlock(record);
      return session(record);
    },

    logout(token: string | null | undefined) {
      const record = sessions.touch(token, true);
      sessions.close(record.token);
    },

    /** The signed-in user behind a request token (throws session-expired / session-locked). */
    authenticate(token: string | null | undefined): User {
      const record = sessions.touch(token);
      const row = userById.get(record.userId) as UserRow | undefined;
      if (!row || !row.active) throw wrongCredentials();
      return toUser(row);
    },

    unitScope,
  };
}

export type AccountsService = ReturnType<typeof createAccountsService>;
