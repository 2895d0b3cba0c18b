import { rmSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';

// One instance of the app per database file. The database itself is no longer opened with
// `locking_mode = EXCLUSIVE` — in WAL mode that shuts out every second connection, also this instance's own
// worker thread that commits a long import while the services go on answering reads. Instead the instance
// holds an exclusive SQLite lock on a small file beside the database for as long as it has it open. The lock
// is the operating system's (fcntl on POSIX, LockFileEx on Windows), so a crash or a SIGKILL releases it:
// there is never a stale lock to clean up. The file is empty, holds nothing personal, and is removed at close
// (a crash leaves it; the next opening takes it over).

const LOCK_WAIT_MS = 250;

export function instanceLockPath(databasePath: string): string {
  return `${databasePath}.lock`;
}

export interface InstanceLock {
  release(): void;
}

/**
 * Takes the instance lock of `databasePath`; throws SQLite's SQLITE_BUSY when another instance (another
 * process, or another opening in this one) holds it.
 */
export function holdInstanceLock(databasePath: string, nativeBinding?: string): InstanceLock {
  const file = instanceLockPath(databasePath);
  let lock: Database.Database;
  for (let attempt = 1; ; attempt++) {
    const before = inode(file);
    lock = new Database(file, { timeout: LOCK_WAIT_MS, nativeBinding });
    try {
      // In exclusive locking mode the lock taken by a write transaction is kept until the connection closes.
      lock.pragma('locking_mode = EXCLUSIVE');
      lock.exec('BEGIN EXCLUSIVE; COMMIT;');
    } catch (e) {
      lock.close();
      throw e;
    }
    // Got while waiting on a file its holder removed as it closed: that lock guards nothing, take the new file's.
    const after = inode(file);
    if (after !== null && (before === null || before === after)) break;
    lock.close();
    if (attempt === 3) throw Object.assign(new Error('instance lock file keeps changing'), { code: 'SQLITE_BUSY' });
  }
  return {
    release() {
      // POSIX: removed while still held, so that no other instance can have locked a new file of that name that
      // this would then remove. Windows refuses to remove an open file: there it goes once closed, unless another
      // instance has opened it meanwhile (then the removal fails, harmlessly).
      const removedHeld = remove(file);
      lock.close();
      if (!removedHeld) remove(file);
    },
  };
}

function inode(file: string): number | null {
  try {
    return statSync(file).ino;
  } catch {
    return null;
  }
}

function remove(file: string): boolean {
  try {
    rmSync(file);
    return true;
  } catch {
    return false;
  }
}
