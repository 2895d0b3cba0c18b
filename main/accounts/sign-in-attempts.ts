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

  // Attempts made while another connection (a long import commit) holds the write lock: written at the next
  // chance, and counted by the throttle meanwhile, so that signing in never waits for an import.
  const waiting: SignInAttempt[] = [];

  function flush(): void {
    try {
      sqlite.transaction(() => { for (const a of waiting) insert.run(a.at, a.username, a.kind, a.outcome, a.door); }).immediate();
      waiting.length = 0;
    } catch (e) {
      const code = (e as { code?: unknown })?.code;
      if (typeof code !== 'string' || !code.startsWith('SQLITE_BUSY')) throw e;
    }
  }

  return {
    record(a: SignInAttempt): void {
      waiting.push({ ...a, username: a.username.slice(0, 100) });
      flush();
    },

    /** Wrong passwords since the last success of this username, and when the latest was. */
    consecutiveFailures(username: string): { failures: number; lastFailureAt: number | null } {
      const unwritten = waiting.filter((a) => a.username === username && a.outcome !== 'throttled').reverse();
      const rows = [...unwritten, ...(recent.all(username) as { outcome: AttemptOutcome; at: number }[])];
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
