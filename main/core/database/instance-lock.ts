import Database from 'better-sqlite3';
import type { SqliteConnection } from './open-database';

// One instance of the app per database file. The database itself is no longer opened with
// `locking_mode = EXCLUSIVE` — in WAL mode that shuts out every second connection, also this instance's own
// worker thread that commits a long import while the services go on answering reads. Instead the instance
// holds an exclusive SQLite lock on a small file beside the database for as long as it has it open. The lock
// is the operating system's (fcntl on POSIX, LockFileEx on Windows), so a crash or a SIGKILL releases it:
// there is never a stale lock to clean up. The file stays empty and holds nothing personal.

const LOCK_WAIT_MS = 250;

export function instanceLockPath(databasePath: string): string {
  return `${databasePath}.lock`;
}

/**
 * Takes the instance lock of `databasePath`; throws SQLite's SQLITE_BUSY when another instance (another
 * process, or another opening in this one) holds it. Closing the returned connection releases it.
 */
export function holdInstanceLock(databasePath: string, nativeBinding?: string): SqliteConnection {
  const lock = new Database(instanceLockPath(databasePath), { timeout: LOCK_WAIT_MS, nativeBinding });
  try {
    // In exclusive locking mode the lock taken by a write transaction is kept until the connection closes.
    lock.pragma('locking_mode = EXCLUSIVE');
    lock.exec('BEGIN EXCLUSIVE; COMMIT;');
    return lock;
  } catch (e) {
    lock.close();
    throw e;
  }
}
