import { migrationsDir } from '../core/app-paths';
import { readBackup, restoreBackup, writeBackup, type BackupHeader } from '../core/database/backup-file';
import { encryptInPlace } from '../core/database/encrypt-in-place';
import { openDatabase } from '../core/database/open-database';
import { rekeyDatabase } from '../core/database/rekey';
import { PASSPHRASE_ENV, unlockDatabase } from '../core/database/unlock-database';
import { readMeta } from '../core/database/meta';
import { createAccountsService, type AccountsService } from '../accounts/accounts-service';
import { installationId } from '../core/installation';
import { existsSync, statSync } from 'node:fs';
import { AppError, isAppError } from '../core/errors';
import { createServices, type Services } from './services';
import { recordAudit } from '../core/audit';
import type { AppDatabase } from '../core/database/open-database';
import type { Actor } from '../core/write-path';

// What `ansinh db …` does to the office's database file as a whole (backup, restore, encrypt, rekey), with the
// app's migrations and this installation's identity: the door only parses and prints.

export { PASSPHRASE_ENV };
export type { BackupHeader };

/** Who runs an `ansinh db` command: an administrator of the database, as the CLI's --user / ANSINH_PASSWORD give. */
export interface Administrator {
  username: string;
  password: string;
}

const inUseByApp = () => new AppError('database-in-use', 'Cơ sở dữ liệu đang được ứng dụng mở: hãy đóng ứng dụng rồi chạy lại (sao lưu thì chạy được cả khi ứng dụng đang mở).',
  'The app has the database open: close it first (a backup runs while the app is open).');

/**
 * Signs `who` in on the database (the same sign-in as every door: throttle, attempts log, door "cli") and checks
 * that they are an administrator, then lets the database go: encrypting, rekeying and restoring need the file to
 * themselves. Returns the actor to name in the audit trail.
 */
async function signInAdministrator(dbPath: string, who: Administrator, passphrase?: string): Promise<Actor> {
  const services = openServices(dbPath, passphrase);
  try {
    return administratorOf(services, who);
  } finally {
    await services.close();
  }
}

function openServices(dbPath: string, passphrase?: string): Services {
  try {
    return createServices({ dbPath, create: false, quiet: true, passphrase });
  } catch (e) {
    if (isAppError(e) && e.code === 'database-in-use') throw inUseByApp();
    throw e;
  }
}

function administratorOf(services: Services, who: Administrator): Actor {
  return administratorOfAccounts(services.accounts, who);
}

function administratorOfAccounts(accounts: AccountsService, who: Administrator): Actor {
  const session = accounts.login(who.username, who.password, 'cli');
  accounts.logout(session.token);
  if (session.user.role !== 'administrator') {
    throw new AppError('forbidden', `"${session.user.username}" không phải quản trị viên: chỉ quản trị viên được sao lưu, mã hóa, đổi khóa hoặc khôi phục cơ sở dữ liệu. Không có gì bị thay đổi.`,
      'Only an administrator may back up, encrypt, rekey or restore the database. Nothing was changed.');
  }
  if (session.mustChangePassword) {
    throw new AppError('password-change-required', `Mật khẩu của "${session.user.username}" là mật khẩu tạm thời: hãy đăng nhập vào ứng dụng và đổi mật khẩu trước khi dùng dòng lệnh.`,
      'This is a temporary password: sign in to the app and change it before using the command line.');
  }
  return { userId: session.user.id, origin: 'cli' };
}

/** Records a whole-file operation in the database's own audit trail, once it is done (opened with its new passphrase). */
function recordDatabaseAction(dbPath: string, actor: Actor, action: string, what: string, passphrase?: string): void {
  const db = openDatabase({ path: dbPath, migrationsFolder: migrationsDir(), installationId: installationId(), unlock: { passphrase } });
  try {
    const known = db.sqlite.prepare('SELECT 1 FROM users WHERE id = ?').get(actor.userId);
    // A restore can bring back a database in which this administrator does not exist (yet): named in the detail then.
    recordAudit(db, known ? actor : { ...actor, userId: null }, { action, detail: { what } });
  } finally {
    db.close();
  }
}

export async function backupDatabase(dbPath: string, out: string, who: Administrator): Promise<BackupHeader> {
  let services: Services;
  try {
    services = createServices({ dbPath, create: false, quiet: true });
  } catch (e) {
    if (isAppError(e) && e.code === 'database-in-use') return backupBesideTheApp(dbPath, out, who);
    throw e;
  }
  try {
    return backupOpenDatabase(services.db, administratorOf(services, who), out);
  } finally {
    await services.close();
  }
}

/**
 * The app (the window or the headless host) holds the database: the backup is taken online, on a second
 * connection beside it as the app's own import worker has one (WAL: the app goes on reading and writing), after
 * the same sign-in of an administrator, with the same verified, still-encrypted file and audit entry.
 */
function backupBesideTheApp(dbPath: string, out: string, who: Administrator): BackupHeader {
  const key = unlockDatabase(dbPath); // the recovery passphrase (ANSINH_DB_PASSPHRASE or the terminal), as any opening
  const db = openDatabase({ path: dbPath, migrationsFolder: migrationsDir(), key, sameInstance: true });
  try {
    const version = Number(readMeta(db, 'schema.version') ?? 0);
    if (version !== db.schemaVersion) {
      throw new AppError('database-other-version', `Ứng dụng đang mở cơ sở dữ liệu ở phiên bản lược đồ ${version}, dòng lệnh này ở phiên bản ${db.schemaVersion}: hãy sao lưu trong ứng dụng (Quản trị → Sao lưu). Không có gì bị thay đổi.`,
        `The app holds the database at schema ${version}, this command line is at ${db.schemaVersion}: back up from the app. Nothing was changed.`);
    }
    const accounts = createAccountsService(db, { idleLockMinutes: 15 });
    return backupOpenDatabase(db, administratorOfAccounts(accounts, who), out);
  } finally {
    db.close();
  }
}

export function readBackupHeader(from: string): BackupHeader {
  return readBackup(from).header;
}

/**
 * Restores a backup over the database at `dbPath`. When a database is there, `who` must be one of its
 * administrators (its passphrase from ANSINH_DB_PASSPHRASE when it is encrypted); on a PC with none yet, holding
 * the backup and its recovery passphrase is what counts (they open everything anyway). Recorded in the restored
 * database's audit trail.
 */
/** Whether a restore to `dbPath` replaces a database (then an administrator of it must sign in). */
export function replacesDatabase(dbPath: string): boolean {
  return existsSync(dbPath) && statSync(dbPath).size > 0;
}

export async function restoreDatabase(from: string, dbPath: string, passphrase: string | undefined, who: Administrator | null) {
  let actor: Actor = { userId: null, origin: 'cli' };
  if (replacesDatabase(dbPath)) {
    if (!who) throw new AppError('cli-no-user', 'Cần tên người dùng: --user TÊN hoặc biến môi trường ANSINH_USER.', 'Give a user: --user NAME or ANSINH_USER.');
    actor = await signInAdministrator(dbPath, who);
  }
  const result = restoreBackup(from, dbPath, { migrationsFolder: migrationsDir(), installationId: installationId(), passphrase });
  recordDatabaseAction(dbPath, actor, 'database-restore', `từ bản sao lưu lúc ${result.header.createdAt}${who ? ` (${who.username})` : ''}`, passphrase ?? process.env[PASSPHRASE_ENV]);
  return result;
}

export async function encryptDatabase(dbPath: string, who: Administrator) {
  const actor = await signInAdministrator(dbPath, who);
  const result = encryptInPlace(dbPath, { migrationsFolder: migrationsDir(), installationId: installationId() });
  recordDatabaseAction(dbPath, actor, 'database-encrypt', 'mã hóa tại chỗ', result.recoveryPassphrase);
  return result;
}

export async function rekeyOfficeDatabase(dbPath: string, passphraseOnly: boolean, who: Administrator) {
  const actor = await signInAdministrator(dbPath, who);
  const result = rekeyDatabase(dbPath, { migrationsFolder: migrationsDir(), installationId: installationId(), passphraseOnly });
  recordDatabaseAction(dbPath, actor, 'database-rekey', passphraseOnly ? 'chỉ đổi cụm mật khẩu khôi phục' : 'khóa dữ liệu mới và cụm mật khẩu mới', result.recoveryPassphrase);
  return result;
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
