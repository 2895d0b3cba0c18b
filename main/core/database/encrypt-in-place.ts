import Database from 'better-sqlite3';
import { AppError } from '../errors';
import { changeDataKey } from './cipher';
import { shred, swapInPlace, tableCounts, verifyCopy, type TableCounts } from './file-swap';
import { commitPendingKeyFile, newKeyEntry, newKeyFile, readKeyFile, removePendingKeyFile, writePendingKeyFile } from './key-file';
import { holdInstanceLock, type InstanceLock } from './instance-lock';
import { encryptingCopyPath } from './interrupted-encryption';
import { generateDataKey, type ScryptParams } from './keyring';
import { readMeta } from './meta';
import { nativeBinding } from './native-binding';
import { openDatabase } from './open-database';
import { generateRecoveryPassphrase } from './recovery-passphrase';

export interface EncryptOptions {
  migrationsFolder: string;
  installationId?: string;
  scrypt?: ScryptParams;
  /** The recovery passphrase to wrap the key with; otherwise a new one (the crash tests must know it before the end). */
  recoveryPassphrase?: string;
}

/**
 * Turns a plain database into an encrypted one in place: a copy (VACUUM INTO, taken while we hold the database),
 * encrypted under a new data key, verified (integrity_check and every table's row count), its key file written
 * whole as a pending file, then, under the instance lock, the copy swapped in with one rename and the key file put
 * in place; the plain file is overwritten with zeros. A crash at any point leaves either the plain database (the
 * pending key file and the copy are dropped at the next opening) or the encrypted one (its key file put in place
 * then): never a key file beside a plain database (interrupted-encryption.ts). Returns the new recovery
 * passphrase, to show once.
 */
export function encryptInPlace(path: string, options: EncryptOptions): { recoveryPassphrase: string; counts: TableCounts } {
  if (readKeyFile(path)) {
    throw new AppError('already-encrypted', `Cơ sở dữ liệu ${path} đã được mã hóa (có tệp khóa bên cạnh). Muốn đổi khóa: ansinh db rekey.`,
      `The database is already encrypted. To change its key: ansinh db rekey.`);
  }
  const db = openDatabase({ path, migrationsFolder: options.migrationsFolder, installationId: options.installationId });
  const temp = encryptingCopyPath(path);
  const dataKey = generateDataKey();
  const recoveryPassphrase = options.recoveryPassphrase ?? generateRecoveryPassphrase();
  let counts: TableCounts;
  try {
    for (const suffix of ['', '-journal']) shred(temp + suffix);
    counts = tableCounts(db.sqlite);
    const officeId = readMeta(db, 'office.id')!;
    db.sqlite.prepare('VACUUM INTO ?').run(temp);
    const copy = new Database(temp, { nativeBinding });
    try {
      copy.pragma('temp_store = MEMORY');
      changeDataKey(copy, dataKey);
    } finally {
      copy.close();
    }
    verifyCopy(temp, dataKey, counts);
    writePendingKeyFile(path, newKeyFile(officeId, newKeyEntry(dataKey, recoveryPassphrase, officeId, options.scrypt)));
  } catch (e) {
    db.close();
    for (const suffix of ['', '-journal']) shred(temp + suffix);
    removePendingKeyFile(path);
    throw e;
  }
  db.close();
  // Held from here to the end, so that no other instance opens (and settles) the database half-way.
  let lock: InstanceLock;
  try {
    lock = holdInstanceLock(path, nativeBinding);
  } catch {
    shred(temp);
    removePendingKeyFile(path);
    throw new AppError('database-in-use', 'Cơ sở dữ liệu vừa được mở ở nơi khác nên chưa mã hóa; không có gì bị thay đổi. Hãy đóng nó rồi chạy lại.',
      'The database was opened elsewhere meanwhile; nothing was changed. Close it and try again.');
  }
  try {
    swapInPlace(temp, path);
    commitPendingKeyFile(path);
    return { recoveryPassphrase, counts };
  } finally {
    lock.release();
  }
}
