import { randomUUID } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { AppError } from '../errors';
import { flushFolder } from './file-swap';
import { APP_ID } from './schema-info';
import { keyCheckValue, unwrapWithPassphrase, validScryptParams, wrapWithPassphrase, type OsStoreSlot, type PassphraseSlot, type ScryptParams } from './keyring';

// The wrapped keys of an encrypted database live beside it, in `<database>.keys.json`: small, versioned, and
// carried by backups. Without it (or the recovery passphrase) the database cannot be opened; with it alone,
// nothing can be read either.

export const KEY_FILE_FORMAT = 'ansinh-desk-keys';
export const KEY_FILE_VERSION = 1;
/** The cipher the database pages are encrypted with (see cipher.ts). */
export const CIPHER_NAME = 'sqlcipher-4';

export interface KeyEntry {
  id: string;
  check: string;
  createdAt: string;
  passphrase: PassphraseSlot;
  osStore: OsStoreSlot[];
}

export interface KeyFile {
  format: typeof KEY_FILE_FORMAT;
  version: number;
  appId: string;
  /** Stays the same across rekeys, backups and restores: "the same office's data". */
  officeId: string;
  cipher: string;
  key: KeyEntry;
  /** A rekey in progress: the database may already be under this key (see rekey.ts). */
  next?: KeyEntry;
}

export function keyFilePath(dbPath: string): string {
  return `${dbPath}.keys.json`;
}

export function newKeyEntry(dataKey: Buffer, passphrase: string, officeId: string, scrypt?: ScryptParams): KeyEntry {
  const id = randomUUID();
  return {
    id,
    check: keyCheckValue(dataKey),
    createdAt: new Date().toISOString(),
    passphrase: wrapWithPassphrase(dataKey, passphrase, slotContext(officeId, id), scrypt),
    osStore: [],
  };
}

export function newKeyFile(officeId: string, entry: KeyEntry): KeyFile {
  return { format: KEY_FILE_FORMAT, version: KEY_FILE_VERSION, appId: APP_ID, officeId, cipher: CIPHER_NAME, key: entry };
}

/** The entry's data key, or null when the passphrase is wrong. */
export function unwrapEntry(entry: KeyEntry, passphrase: string, officeId: string): Buffer | null {
  return unwrapWithPassphrase(entry.passphrase, passphrase, slotContext(officeId, entry.id));
}

/** What binds a wrapped key to its office and entry (additional data of the AES-GCM wrapping). */
export function slotContext(officeId: string, entryId: string): string {
  return `${APP_ID}|keys-v${KEY_FILE_VERSION}|${officeId}|${entryId}`;
}

/** The database's key file, or null when there is none (a plain database). A file we cannot understand is refused. */
export function readKeyFile(dbPath: string): KeyFile | null {
  const path = keyFilePath(dbPath);
  if (!existsSync(path)) return null;
  return parseKeyFile(readFileSync(path, 'utf8'), path);
}

export function parseKeyFile(text: string, where: string): KeyFile {
  let file: KeyFile;
  try {
    file = JSON.parse(text) as KeyFile;
  } catch {
    throw invalid(where);
  }
  if (file?.format !== KEY_FILE_FORMAT || file.appId !== APP_ID || typeof file.officeId !== 'string') throw invalid(where);
  if (typeof file.version !== 'number' || file.version > KEY_FILE_VERSION) {
    throw new AppError('key-file-newer', `Tệp khóa ${where} do phiên bản mới hơn của ứng dụng tạo ra. Hãy cập nhật ứng dụng.`,
      `The key file ${where} comes from a newer app version. Update the app.`);
  }
  if (file.cipher !== CIPHER_NAME) throw invalid(where);
  if (!validEntry(file.key) || (file.next !== undefined && !validEntry(file.next))) throw invalid(where);
  return file;
}

/** Written whole and atomically (a temporary file, flushed, then renamed over), readable by the owner only. */
export function writeKeyFile(dbPath: string, file: KeyFile): void {
  writeAtomically(keyFilePath(dbPath), file);
}

/**
 * The key file of an encryption under way (db encrypt, the setup screen): written whole beside the database under
 * another name, and only renamed into place once the database is encrypted (`commitPendingKeyFile`). A crash in
 * between leaves either a plain database and a pending file (dropped at the next opening) or an encrypted
 * database and a pending file (put in place at the next opening): never a key file beside a plain database.
 */
export function pendingKeyFilePath(dbPath: string): string {
  return `${keyFilePath(dbPath)}.pending`;
}

export function writePendingKeyFile(dbPath: string, file: KeyFile): void {
  writeAtomically(pendingKeyFilePath(dbPath), file);
}

export function commitPendingKeyFile(dbPath: string): void {
  renameSync(pendingKeyFilePath(dbPath), keyFilePath(dbPath));
  flushFolder(dirname(dbPath));
}

export function removePendingKeyFile(dbPath: string): void {
  rmSync(pendingKeyFilePath(dbPath), { force: true });
}

function writeAtomically(path: string, file: KeyFile): void {
  const temp = `${path}.tmp`;
  const fd = openSync(temp, 'w', 0o600);
  try {
    writeSync(fd, JSON.stringify(file, null, 2) + '\n');
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, path);
  flushFolder(dirname(path));
}

export function removeKeyFile(dbPath: string): void {
  rmSync(keyFilePath(dbPath), { force: true });
}

function validEntry(entry: KeyEntry | undefined): boolean {
  return !!entry && typeof entry.id === 'string' && typeof entry.check === 'string' && entry.passphrase?.kdf === 'scrypt' &&
    validScryptParams(entry.passphrase) && Array.isArray(entry.osStore);
}

function invalid(where: string): AppError {
  return new AppError('key-file-invalid', `Tệp khóa ${where} không đúng định dạng hoặc không phải của An Sinh Desk.`,
    `The key file ${where} is malformed or not An Sinh Desk's.`);
}
