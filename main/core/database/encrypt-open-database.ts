import { AppError } from '../errors';
import { changeDataKey } from './cipher';
import { commitPendingKeyFile, newKeyEntry, newKeyFile, readKeyFile, removePendingKeyFile, writeKeyFile, writePendingKeyFile } from './key-file';
import { generateDataKey, type ScryptParams } from './keyring';
import { readMeta } from './meta';
import { adoptDataKey, dataKeyOf, type AppDatabase } from './open-database';
import { generateRecoveryPassphrase } from './recovery-passphrase';

/**
 * Encrypts the database an instance has open, in place and without closing it (the setup screen: the services
 * opened the new, still empty database before anyone chose the office): a new data key, its key file written
 * whole as a pending file, the pages rewritten under the key (SQLite3 Multiple Ciphers' rekey, which needs the
 * rollback journal for the time it runs), then the key file put in place. A crash in between is settled at the
 * next opening (interrupted-encryption.ts). Returns the recovery passphrase, to show once.
 */
export function encryptOpenDatabase(db: AppDatabase, options: { scrypt?: ScryptParams } = {}): { recoveryPassphrase: string } {
  if (db.encrypted || readKeyFile(db.path)) {
    throw new AppError('already-encrypted', `Cơ sở dữ liệu ${db.path} đã được mã hóa.`, 'The database is already encrypted.');
  }
  const officeId = readMeta(db, 'office.id')!;
  const dataKey = generateDataKey();
  const recoveryPassphrase = generateRecoveryPassphrase();
  writePendingKeyFile(db.path, newKeyFile(officeId, newKeyEntry(dataKey, recoveryPassphrase, officeId, options.scrypt)));
  const mode = db.sqlite.pragma('journal_mode = DELETE', { simple: true });
  if (mode !== 'delete') {
    removePendingKeyFile(db.path);
    throw new AppError('database-busy', 'Cơ sở dữ liệu đang được dùng ở một việc khác nên chưa mã hóa được; hãy thử lại sau giây lát.',
      'The database is in use by another task; try again in a moment.');
  }
  try {
    changeDataKey(db.sqlite, dataKey);
    db.sqlite.pragma('temp_store = MEMORY');
  } catch (e) {
    db.sqlite.pragma('journal_mode = WAL');
    removePendingKeyFile(db.path);
    throw new AppError('encryption-failed', 'Không mã hóa được cơ sở dữ liệu; dữ liệu không bị thay đổi.', 'Could not encrypt the database; nothing was changed.', String(e));
  }
  db.sqlite.pragma('journal_mode = WAL');
  commitPendingKeyFile(db.path);
  adoptDataKey(db, dataKey);
  return { recoveryPassphrase };
}

/**
 * A new recovery passphrase for the data key of an open encrypted database (the old passphrase stops working;
 * the OS key store slots stay). For a database that was encrypted but whose passphrase nobody has seen.
 */
export function newRecoveryPassphrase(db: AppDatabase, options: { scrypt?: ScryptParams } = {}): { recoveryPassphrase: string } {
  const file = readKeyFile(db.path);
  const key = dataKeyOf(db);
  if (!file || !key) throw new AppError('not-encrypted', `Cơ sở dữ liệu ${db.path} chưa được mã hóa.`, 'The database is not encrypted.');
  const recoveryPassphrase = generateRecoveryPassphrase();
  const entry = newKeyEntry(key, recoveryPassphrase, file.officeId, options.scrypt);
  writeKeyFile(db.path, { ...file, key: { ...entry, osStore: file.key.osStore }, next: undefined });
  return { recoveryPassphrase };
}
