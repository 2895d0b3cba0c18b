import Database from 'better-sqlite3';
import { AppError } from '../errors';
import { changeDataKey } from './cipher';
import { shred, swapInPlace, tableCounts, verifyCopy, type TableCounts } from './file-swap';
import { newKeyEntry, newKeyFile, readKeyFile, removeKeyFile, writeKeyFile } from './key-file';
import { generateDataKey, type ScryptParams } from './keyring';
import { readMeta } from './meta';
import { nativeBinding } from './native-binding';
import { openDatabase } from './open-database';
import { generateRecoveryPassphrase } from './recovery-passphrase';

export interface EncryptOptions {
  migrationsFolder: string;
  installationId?: string;
  scrypt?: ScryptParams;
}

/**
 * Turns a plain database into an encrypted one in place: a copy (VACUUM INTO, taken while we hold the database
 * exclusively), encrypted under a new data key, verified (integrity_check and every table's row count), its key
 * file written, then swapped in with one rename; the plain file is overwritten with zeros. Returns the new
 * recovery passphrase, to show once.
 */
export function encryptInPlace(path: string, options: EncryptOptions): { recoveryPassphrase: string; counts: TableCounts } {
  if (readKeyFile(path)) {
    throw new AppError('already-encrypted', `Cơ sở dữ liệu ${path} đã được mã hóa (có tệp khóa bên cạnh). Muốn đổi khóa: ansinh db rekey.`,
      `The database is already encrypted. To change its key: ansinh db rekey.`);
  }
  const db = openDatabase({ path, migrationsFolder: options.migrationsFolder, installationId: options.installationId });
  const temp = `${path}.encrypting`;
  const dataKey = generateDataKey();
  const recoveryPassphrase = generateRecoveryPassphrase();
  let keyFileWritten = false;
  try {
    shred(temp);
    const counts = tableCounts(db.sqlite);
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
    writeKeyFile(path, newKeyFile(officeId, newKeyEntry(dataKey, recoveryPassphrase, officeId, options.scrypt)));
    keyFileWritten = true;
    db.close();
    swapInPlace(temp, path);
    return { recoveryPassphrase, counts };
  } catch (e) {
    db.close();
    shred(temp);
    if (keyFileWritten) removeKeyFile(path);
    throw e;
  }
}
