import { randomUUID } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import { AppError } from '../errors';
import { keyFilePath, newKeyEntry, newKeyFile, removeKeyFile, writeKeyFile } from './key-file';
import { generateDataKey, type ScryptParams } from './keyring';
import { openDatabase, type AppDatabase } from './open-database';
import { generateRecoveryPassphrase } from './recovery-passphrase';

export interface NewEncryptedDatabase {
  db: AppDatabase;
  /** Shown once to be printed and kept in the office safe; never stored anywhere in clear. */
  recoveryPassphrase: string;
}

/** A new, empty, encrypted database with its key file: a random data key wrapped by a new recovery passphrase. */
export function createEncryptedDatabase(path: string, options: { migrationsFolder: string; installationId?: string; scrypt?: ScryptParams }): NewEncryptedDatabase {
  if (existsSync(path) || existsSync(keyFilePath(path))) {
    throw new AppError('file-exists', `Tệp đã tồn tại, không ghi đè: ${path}`, `File exists, not overwriting: ${path}`);
  }
  const dataKey = generateDataKey();
  const recoveryPassphrase = generateRecoveryPassphrase();
  const officeId = randomUUID();
  writeKeyFile(path, newKeyFile(officeId, newKeyEntry(dataKey, recoveryPassphrase, officeId, options.scrypt)));
  try {
    const db = openDatabase({ path, migrationsFolder: options.migrationsFolder, create: true, key: dataKey, officeId, installationId: options.installationId });
    return { db, recoveryPassphrase };
  } catch (e) {
    removeKeyFile(path);
    for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
    throw e;
  }
}
