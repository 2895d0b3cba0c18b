import { randomBytes } from 'node:crypto';
import { AppError } from '../core/errors';

export interface SessionRecord {
  token: string;
  userId: string;
  lastActivity: number;
  locked: boolean;
}

/**
 * Sessions live in memory only: restarting the app logs everyone out. After `idleLockMs` without a request
 * the session locks; only the same user's password (auth.unlock) opens it again.
 */
export function createSessionStore(idleLockMs: number, now: () => number = Date.now) {
  const sessions = new Map<string, SessionRecord>();

  return {
    open(userId: string): SessionRecord {
      const record = { token: randomBytes(24).toString('base64url'), userId, lastActivity: now(), locked: false };
      sessions.set(record.token, record);
      return record;
    },
    /** The session for a request; throws when missing or locked. `allowLocked` is for auth.unlock and auth.logout. */
    touch(token: string | null | undefined, allowLocked = false): SessionRecord {
      const record = token ? sessions.get(token) : undefined;
      if (!record) throw new AppError('session-expired', 'Phiên làm việc đã hết. Vui lòng đăng nhập lại.', 'Session expired. Please log in again.');
      if (!record.locked && now() - record.lastActivity > idleLockMs) record.locked = true;
      if (record.locked && !allowLocked) {
        throw new AppError('session-locked', 'Màn hình đã khóa do không sử dụng. Nhập mật khẩu để mở khóa.', 'Locked after inactivity. Enter your password to unlock.');
      }
      if (!record.locked) record.lastActivity = now();
      return record;
    },
    unlock(record: SessionRecord): void {
      record.locked = false;
      record.lastActivity = now();
    },
    close(token: string): void {
      sessions.delete(token);
    },
    closeAllFor(userId: string): void {
      for (const [token, r] of sessions) if (r.userId === userId) sessions.delete(token);
    },
  };
}

export type SessionStore = ReturnType<typeof createSessionStore>;
