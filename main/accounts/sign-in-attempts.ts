import type { SqliteConnection } from '../core/database/open-database';

export type AttemptKind = 'login' | 'unlock' | 'change-password' | 'reset';
export type AttemptOutcome = 'success' | 'failure' | 'throttled';

export interface SignInAttempt {
  at: number;
  username: string;
  kind: AttemptKind;
  outcome: AttemptOutcome;
  door: string;
}

// The throttle looks back this far at most: beyond it the delay is at its cap anyway.
const LOOK_BACK = 32;

/** The sign-in attempts table: recorded by the accounts service, read by the throttle and the administrator. */
export function createSignInAttempts(sqlite: SqliteConnection) {
  const insert = sqlite.prepare('INSERT INTO sign_in_attempts (at, username, kind, outcome, door) VALUES (?, ?, ?, ?, ?)');
  const recent = sqlite.prepare(`SELECT outcome, at FROM sign_in_attempts
    WHERE username = ? AND outcome IN ('success', 'failure') ORDER BY id DESC LIMIT ${LOOK_BACK}`);

  return {
    record(a: SignInAttempt): void {
      insert.run(a.at, a.username.slice(0, 100), a.kind, a.outcome, a.door);
    },

    /** Wrong passwords since the last success of this username, and when the latest was. */
    consecutiveFailures(username: string): { failures: number; lastFailureAt: number | null } {
      const rows = recent.all(username) as { outcome: AttemptOutcome; at: number }[];
      let failures = 0;
      for (const r of rows) {
        if (r.outcome === 'success') break;
        failures += 1;
      }
      return { failures, lastFailureAt: failures > 0 ? rows[0].at : null };
    },

    /** Newest first, optionally for one username. */
    list(filter: { username?: string | null; offset: number; limit: number }): { total: number; rows: SignInAttempt[] } {
      const where = filter.username ? 'WHERE username = ?' : '';
      const args = filter.username ? [filter.username] : [];
      const total = sqlite.prepare(`SELECT count(*) FROM sign_in_attempts ${where}`).pluck().get(...args) as number;
      const rows = sqlite.prepare(`SELECT at, username, kind, outcome, door FROM sign_in_attempts ${where} ORDER BY id DESC LIMIT ? OFFSET ?`)
        .all(...args, filter.limit, filter.offset) as SignInAttempt[];
      return { total, rows };
    },
  };
}
