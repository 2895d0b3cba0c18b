import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { AppError } from '../errors';
import { shred, swapInPlace, tableCounts, verifyCopy, type TableCounts } from './file-swap';
import { keyFilePath, parseKeyFile, readKeyFile, removeKeyFile, unwrapEntry, writeKeyFile, type KeyFile } from './key-file';
import { readMeta } from './meta';
import { nativeBinding } from './native-binding';
import { dataKeyOf, openDatabase, type AppDatabase, type DeviceChange } from './open-database';
import { APP_ID } from './schema-info';
import { passphraseNeeded, PASSPHRASE_ENV } from './unlock-database';

// A backup is one file: a first line naming the format, one line of JSON (the office, the database's key file
// without this PC's OS key store slots, the size and SHA-256 of the image), then the database image itself,
// still encrypted under its data key. A truncated or altered file, or one of another office, is refused
// before anything is written.

const MAGIC = 'ANSINH-DESK-BACKUP\n';
const FORMAT = 'ansinh-desk-backup';
const VERSION = 1;
const HEADER_LIMIT = 64 * 1024;

export interface BackupHeader {
  format: typeof FORMAT;
  version: number;
  appId: string;
  officeId: string;
  createdAt: string;
  schemaVersion: number;
  encrypted: boolean;
  keyFile: KeyFile | null;
  size: number;
  sha256: string;
  counts: TableCounts;
}

/** Writes a verified backup of an open database to `out` (through a temporary file, renamed when complete). */
export function writeBackup(db: AppDatabase, out: string): BackupHeader {
  const image = `${out}.image.tmp`;
  const partial = `${out}.tmp`;
  rmSync(image, { force: true });
  try {
    const counts = consistentImage(db, image); // verified
    const keyFile = readKeyFile(db.path);
    const header: BackupHeader = {
      format: FORMAT, version: VERSION, appId: APP_ID, officeId: readMeta(db, 'office.id')!, createdAt: new Date().toISOString(),
      schemaVersion: db.schemaVersion, encrypted: db.encrypted,
      keyFile: keyFile ? { ...keyFile, key: { ...keyFile.key, osStore: [] }, next: undefined } : null,
      size: statSync(image).size, sha256: sha256Of(image), counts,
    };
    const fd = openSync(partial, 'w', 0o600);
    try {
      writeSync(fd, MAGIC + JSON.stringify(header) + '\n');
      copyInto(image, fd);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(partial, out);
    return header;
  } finally {
    if (db.encrypted) rmSync(image, { force: true });
    else shred(image);
    rmSync(partial, { force: true });
  }
}

const IMAGE_ATTEMPTS = 5;

/**
 * VACUUM INTO writes one consistent snapshot (under the same data key as the database) while other connections
 * go on writing: the app's import worker, or the app itself when the command line backs up beside it. The copy is
 * then checked whole (integrity_check) and its row counts against the database's, taken just before and just
 * after it: the same when nothing was written meanwhile, else each table's between the two (a snapshot from the
 * middle). A copy outside them is taken again, a few times, then refused.
 */
function consistentImage(db: AppDatabase, image: string): TableCounts {
  for (let attempt = 1; attempt <= IMAGE_ATTEMPTS; attempt++) {
    const before = tableCounts(db.sqlite);
    rmSync(image, { force: true });
    db.sqlite.prepare('VACUUM INTO ?').run(image);
    const after = tableCounts(db.sqlite);
    const copied = verifyCopy(image, dataKeyOf(db));
    if (countsBetween(copied, before, after)) return copied;
    if (db.encrypted) rmSync(image, { force: true });
    else shred(image);
  }
  throw new AppError('backup-busy', 'Cơ sở dữ liệu đang được ghi liên tục nên chưa chụp được một bản sao lưu nhất quán. Hãy thử lại sau ít phút; không có gì bị thay đổi.',
    'The database kept being written during the backup; try again in a few minutes. Nothing was changed.');
}

/** Every table of the copy, and only those, with a row count between the database's before and after the copy. */
function countsBetween(copied: TableCounts, before: TableCounts, after: TableCounts): boolean {
  const names = Object.keys(copied);
  if (names.join() !== Object.keys(before).join() || names.join() !== Object.keys(after).join()) return false;
  return names.every((n) => copied[n] >= Math.min(before[n], after[n]) && copied[n] <= Math.max(before[n], after[n]));
}

/** The backup's header, after checking the whole file against it (length and SHA-256). */
export function readBackup(from: string): { header: BackupHeader; imageOffset: number } {
  if (!existsSync(from)) throw new AppError('backup-missing', `Không tìm thấy tệp sao lưu: ${from}`, `Backup file not found: ${from}`);
  const fd = openSync(from, 'r');
  let header: BackupHeader;
  let imageOffset: number;
  try {
    const head = Buffer.alloc(HEADER_LIMIT);
    const n = readSync(fd, head, 0, HEADER_LIMIT, 0);
    const text = head.subarray(0, n).toString('utf8');
    const end = text.indexOf('\n', MAGIC.length);
    if (!text.startsWith(MAGIC) || end < 0) throw notBackup(from);
    try {
      header = JSON.parse(text.slice(MAGIC.length, end)) as BackupHeader;
    } catch {
      throw notBackup(from);
    }
    if (header.format !== FORMAT || header.appId !== APP_ID || typeof header.size !== 'number' || typeof header.sha256 !== 'string') throw notBackup(from);
    if (header.version > VERSION) {
      throw new AppError('backup-newer', 'Tệp sao lưu do phiên bản mới hơn của ứng dụng tạo ra. Hãy cập nhật ứng dụng.', 'The backup comes from a newer app version.');
    }
    if (header.keyFile) header.keyFile = parseKeyFile(JSON.stringify(header.keyFile), from);
    imageOffset = Buffer.byteLength(text.slice(0, end + 1), 'utf8');
  } finally {
    closeSync(fd);
  }
  const size = statSync(from).size - imageOffset;
  if (size !== header.size || sha256Of(from, imageOffset) !== header.sha256) {
    throw new AppError('backup-truncated', `Tệp sao lưu ${from} bị cắt cụt hoặc đã bị sửa (thiếu ${Math.max(0, header.size - size)} byte hoặc sai mã kiểm tra). Không khôi phục.`,
      `The backup ${from} is truncated or altered. Not restoring.`);
  }
  return { header, imageOffset };
}

export interface RestoreOptions {
  migrationsFolder: string;
  installationId?: string;
  /** The recovery passphrase of the backup (else ANSINH_DB_PASSPHRASE). */
  passphrase?: string;
}

/**
 * Restores a backup to `dbPath`: checked whole, refused if `dbPath` holds another office's database or is in use,
 * written beside it, verified with the backup's own key, swapped in with its key file, then opened once as a
 * new device (the backup's device has sent changes since; the same sequence numbers must never be sent twice).
 */
export function restoreBackup(from: string, dbPath: string, options: RestoreOptions): { header: BackupHeader; deviceChange?: DeviceChange } {
  const { header, imageOffset } = readBackup(from);
  const targetOffice = existingOffice(dbPath);
  if (targetOffice && targetOffice !== header.officeId) {
    throw new AppError('backup-other-office', `Tệp sao lưu là của một văn phòng khác, không phải của cơ sở dữ liệu ${dbPath}. Không khôi phục.`,
      `The backup belongs to another office's database. Not restoring.`);
  }
  let key: Buffer | undefined;
  if (header.keyFile) {
    const passphrase = options.passphrase ?? process.env[PASSPHRASE_ENV];
    if (!passphrase) throw passphraseNeeded(from);
    key = unwrapEntry(header.keyFile.key, passphrase, header.keyFile.officeId) ?? undefined;
    if (!key) throw new AppError('passphrase-wrong', 'Cụm mật khẩu khôi phục không đúng với tệp sao lưu này. Không khôi phục.', 'Wrong recovery passphrase for this backup.');
  }
  const temp = `${dbPath}.restoring`;
  mkdirSync(dirname(dbPath), { recursive: true });
  shred(temp);
  try {
    extractImage(from, imageOffset, temp);
    verifyCopy(temp, key, header.counts);
  } catch (e) {
    shred(temp);
    throw e;
  }
  const previousKeyFile = readKeyFile(dbPath);
  if (header.keyFile) writeKeyFile(dbPath, header.keyFile);
  try {
    swapInPlace(temp, dbPath);
  } catch (e) {
    if (previousKeyFile) writeKeyFile(dbPath, previousKeyFile);
    else removeKeyFile(dbPath);
    shred(temp);
    throw e;
  }
  if (!header.keyFile) removeKeyFile(dbPath);
  const db = openDatabase({ path: dbPath, migrationsFolder: options.migrationsFolder, key, installationId: options.installationId, newDevice: true });
  const deviceChange = db.deviceChange;
  db.close();
  return { header, deviceChange };
}

/** The office of the database already at `path` (null when there is none), refusing one that is open elsewhere. */
function existingOffice(path: string): string | null {
  if (!existsSync(path) || statSync(path).size === 0) return null;
  let probe: Database.Database | undefined;
  try {
    probe = new Database(path, { timeout: 250, nativeBinding });
    probe.exec('BEGIN EXCLUSIVE; COMMIT;');
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
      throw new AppError('database-in-use', 'Cơ sở dữ liệu đang được ứng dụng mở. Hãy đóng ứng dụng rồi khôi phục.', 'The database is open in the app. Close it, then restore.');
    }
  } finally {
    probe?.close();
  }
  const keyFile = existsSync(keyFilePath(path)) ? readKeyFile(path) : null;
  if (keyFile) return keyFile.officeId;
  try {
    probe = new Database(path, { readonly: true, fileMustExist: true, nativeBinding });
    return (probe.prepare("SELECT value FROM meta WHERE key = 'office.id'").pluck().get() as string | undefined) ?? null;
  } catch {
    return null; // not ours or unreadable: the restore replaces it only after the backup verified
  } finally {
    probe?.close();
  }
}

function extractImage(from: string, offset: number, to: string): void {
  const input = openSync(from, 'r');
  const output = openSync(to, 'w', 0o600);
  try {
    const buf = Buffer.alloc(1024 * 1024);
    for (let at = offset; ; ) {
      const n = readSync(input, buf, 0, buf.length, at);
      if (n === 0) break;
      writeSync(output, buf, 0, n);
      at += n;
    }
    fsyncSync(output);
  } finally {
    closeSync(input);
    closeSync(output);
  }
}

function copyInto(from: string, fd: number): void {
  const input = openSync(from, 'r');
  try {
    const buf = Buffer.alloc(1024 * 1024);
    for (let at = 0; ; ) {
      const n = readSync(input, buf, 0, buf.length, at);
      if (n === 0) break;
      writeSync(fd, buf, 0, n);
      at += n;
    }
  } finally {
    closeSync(input);
  }
}

function sha256Of(path: string, offset = 0): string {
  const hash = createHash('sha256');
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(1024 * 1024);
    for (let at = offset; ; ) {
      const n = readSync(fd, buf, 0, buf.length, at);
      if (n === 0) break;
      hash.update(buf.subarray(0, n));
      at += n;
    }
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
}

function notBackup(from: string): AppError {
  return new AppError('backup-invalid', `Tệp ${from} không phải bản sao lưu của An Sinh Desk (hoặc phần đầu đã hỏng). Không khôi phục.`,
    `${from} is not an An Sinh Desk backup (or its header is damaged).`);
}
