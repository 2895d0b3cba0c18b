import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { AppError } from '../errors';
import { applyDataKey } from './cipher';
import { nativeBinding } from './native-binding';
import { keyFilePath, readKeyFile, unwrapEntry, writeKeyFile, type KeyEntry, type KeyFile } from './key-file';
import { keyMatchesCheck, type KeyProtector } from './keyring';

// Where the data key of a database comes from, in one place for every door: the key file beside the database,
// unwrapped by the recovery passphrase (ANSINH_DB_PASSPHRASE, or what a door asked for) or by the operating
// system's key store (the Electron door). A plain database (no key file) needs nothing.

export const PASSPHRASE_ENV = 'ANSINH_DB_PASSPHRASE';

export interface UnlockOptions {
  /** The recovery passphrase a door asked for; otherwise ANSINH_DB_PASSPHRASE. */
  passphrase?: string;
  /** A data key a door already unwrapped (the Electron door, from the OS key store). */
  dataKey?: Buffer;
  env?: NodeJS.ProcessEnv;
}

/** Whether opening this database needs a passphrase or a key (it has a key file). */
export function isEncryptedDatabase(dbPath: string): boolean {
  return existsSync(keyFilePath(dbPath));
}

/**
 * The data key of the database at `dbPath`, or undefined for a plain one. A wrong passphrase, or none, is
 * refused with one clear line before the database is touched.
 */
export function unlockDatabase(dbPath: string, options: UnlockOptions = {}): Buffer | undefined {
  const file = readKeyFile(dbPath);
  if (!file) return undefined;
  const entries = [file.key, ...(file.next ? [file.next] : [])];
  let candidates: { entry: KeyEntry; key: Buffer }[];
  if (options.dataKey) {
    candidates = entries.filter((e) => keyMatchesCheck(options.dataKey!, e.check)).map((entry) => ({ entry, key: options.dataKey! }));
    if (candidates.length === 0) {
      throw new AppError('database-wrong-key', `Khóa được cung cấp không phải khóa của cơ sở dữ liệu ${dbPath}.`, `The key given is not the key of ${dbPath}.`);
    }
  } else {
    const passphrase = options.passphrase ?? (options.env ?? process.env)[PASSPHRASE_ENV];
    if (!passphrase) throw passphraseNeeded(dbPath);
    candidates = entries.flatMap((entry) => {
      const key = unwrapEntry(entry, passphrase, file.officeId);
      return key ? [{ entry, key }] : [];
    });
    if (candidates.length === 0) {
      throw new AppError('passphrase-wrong', 'Cụm mật khẩu khôi phục không đúng. Hãy nhập lại đúng như bản đã in (6 nhóm 5 ký tự).',
        'Wrong recovery passphrase.');
    }
  }
  if (!file.next) return candidates[0].key;
  return settleInterruptedRekey(dbPath, file, candidates);
}

/** The data key from this installation's OS key store slot, or null when there is none or it no longer unwraps. */
export async function unlockWithProtector(dbPath: string, protector: KeyProtector, installationId: string): Promise<Buffer | null> {
  const file = readKeyFile(dbPath);
  if (!file) return null;
  for (const entry of [file.key, ...(file.next ? [file.next] : [])]) {
    const slot = entry.osStore.find((s) => s.installationId === installationId && s.protector === protector.name);
    if (!slot) continue;
    try {
      const key = await protector.unwrap(Buffer.from(slot.data, 'base64'));
      if (keyMatchesCheck(key, entry.check)) return key;
    } catch {
      // the OS store changed (another Windows user, a reinstalled keyring): the passphrase still opens it
    }
  }
  return null;
}

/** Adds (or replaces) this installation's OS key store slot for the current data key. */
export async function protectWithProtector(dbPath: string, dataKey: Buffer, protector: KeyProtector, installationId: string): Promise<void> {
  const file = readKeyFile(dbPath);
  if (!file || !keyMatchesCheck(dataKey, file.key.check)) return;
  const data = (await protector.wrap(dataKey)).toString('base64');
  file.key.osStore = [...file.key.osStore.filter((s) => s.installationId !== installationId), { installationId, protector: protector.name, data }];
  writeKeyFile(dbPath, file);
}

/**
 * A rekey that stopped between swapping the database and rewriting the key file leaves two keys in the file:
 * the one that opens the database wins and becomes the only one.
 */
function settleInterruptedRekey(dbPath: string, file: KeyFile, candidates: { entry: KeyEntry; key: Buffer }[]): Buffer {
  for (const candidate of candidates) {
    if (!opensWith(dbPath, candidate.key)) continue;
    writeKeyFile(dbPath, { ...file, key: candidate.entry, next: undefined });
    return candidate.key;
  }
  return candidates[0].key; // neither opens it: openDatabase says why
}

function opensWith(dbPath: string, key: Buffer): boolean {
  let probe: Database.Database | undefined;
  try {
    probe = new Database(dbPath, { readonly: true, fileMustExist: true, nativeBinding });
    applyDataKey(probe, key);
    probe.prepare('SELECT count(*) FROM sqlite_master').get();
    return true;
  } catch {
    return false;
  } finally {
    probe?.close();
  }
}

export function passphraseNeeded(dbPath: string): AppError {
  return new AppError('passphrase-needed', `Cơ sở dữ liệu ${dbPath} được mã hóa: hãy đặt biến ANSINH_DB_PASSPHRASE hoặc chạy trong cửa sổ dòng lệnh để nhập cụm mật khẩu khôi phục.`,
    `The database is encrypted: set ANSINH_DB_PASSPHRASE or run in a terminal to type the recovery passphrase.`);
}
