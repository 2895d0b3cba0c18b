import { migrationsDir } from '../core/app-paths';
import { readBackup, restoreBackup, writeBackup, type BackupHeader } from '../core/database/backup-file';
import { encryptInPlace } from '../core/database/encrypt-in-place';
import { openDatabase } from '../core/database/open-database';
import { rekeyDatabase } from '../core/database/rekey';
import { PASSPHRASE_ENV } from '../core/database/unlock-database';
import { installationId } from '../core/installation';
import { AppError, isAppError } from '../core/errors';
import { recordAudit } from '../core/audit';
import type { AppDatabase } from '../core/database/open-database';
import type { Actor } from '../core/write-path';

// What `ansinh db …` does to the office's database file as a whole (backup, restore, encrypt, rekey), with the
// app's migrations and this installation's identity: the door only parses and prints.

export { PASSPHRASE_ENV };
export type { BackupHeader };

export function backupDatabase(dbPath: string, out: string): BackupHeader {
  let db;
  try {
    db = openDatabase({ path: dbPath, migrationsFolder: migrationsDir(), installationId: installationId() });
  } catch (e) {
    if (isAppError(e) && e.code === 'database-in-use') {
      throw new AppError('database-in-use', 'Cơ sở dữ liệu đang được ứng dụng mở: hãy sao lưu trong ứng dụng (Quản trị → Sao lưu) hoặc đóng ứng dụng rồi chạy lại.',
        'The app has the database open: back up from the app (Administration → Backup) or close it first.');
    }
    throw e;
  }
  try {
    return writeBackup(db, out);
  } finally {
    db.close();
  }
}

export function readBackupHeader(from: string): BackupHeader {
  return readBackup(from).header;
}

export function restoreDatabase(from: string, dbPath: string, passphrase: string | undefined) {
  return restoreBackup(from, dbPath, { migrationsFolder: migrationsDir(), installationId: installationId(), passphrase });
}

export function encryptDatabase(dbPath: string) {
  return encryptInPlace(dbPath, { migrationsFolder: migrationsDir(), installationId: installationId() });
}

export function rekeyOfficeDatabase(dbPath: string, passphraseOnly: boolean) {
  return rekeyDatabase(dbPath, { migrationsFolder: migrationsDir(), installationId: installationId(), passphraseOnly });
}

/**
 * The app's own backup (Quản trị → Sao lưu): a consistent copy of the database the services hold open, taken on
 * their connection (VACUUM INTO reads one snapshot while the rest of the app goes on; under the same data key),
 * verified, written as one backup file at `out`, and recorded in the audit trail.
 */
export function backupOpenDatabase(db: AppDatabase, actor: Actor, out: string): BackupHeader {
  const header = writeBackup(db, out);
  recordAudit(db, actor, {
    action: 'database-backup',
    detail: { people: header.counts.beneficiaries ?? 0, encrypted: header.encrypted, sizeBytes: header.size, sha256: header.sha256 },
  });
  return header;
}
