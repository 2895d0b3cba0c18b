import Database from 'better-sqlite3';
import { AppError } from '../errors';
import { applyDataKey, changeDataKey } from './cipher';
import { shred, swapInPlace, tableCounts, verifyCopy } from './file-swap';
import { newKeyEntry, readKeyFile, writeKeyFile } from './key-file';
import { generateDataKey, type ScryptParams } from './keyring';
import { nativeBinding } from './native-binding';
import { dataKeyOf, openDatabase } from './open-database';
import { generateRecoveryPassphrase } from './recovery-passphrase';
import type { UnlockOptions } from './unlock-database';

export interface RekeyOptions {
  migrationsFolder: string;
  installationId?: string;
  /** Only a new recovery passphrase (the data key stays); otherwise a new data key and a new passphrase. */
  passphraseOnly?: boolean;
  unlock?: UnlockOptions;
  scrypt?: ScryptParams;
}

/**
 * A new recovery passphrase (the old one stops working), and unless `passphraseOnly`, a new data key: the
 * database is re-encrypted as a verified copy and swapped in. Until the key file is rewritten at the end it
 * holds both keys (`next`), so a crash in between leaves a database that unlock-database.ts still opens.
 */
export function rekeyDatabase(path: string, options: RekeyOptions): { recoveryPassphrase: string } {
  const file = readKeyFile(path);
  if (!file) {
    throw new AppError('not-encrypted', `Cơ sở dữ liệu ${path} chưa được mã hóa: hãy dùng ansinh db encrypt.`, 'The database is not encrypted: use ansinh db encrypt.');
  }
  const db = openDatabase({ path, migrationsFolder: options.migrationsFolder, installationId: options.installationId, unlock: options.unlock });
  const oldKey = dataKeyOf(db)!;
  const recoveryPassphrase = generateRecoveryPassphrase();
  if (options.passphraseOnly) {
    db.close();
    const entry = newKeyEntry(oldKey, recoveryPassphrase, file.officeId, options.scrypt);
    writeKeyFile(path, { ...file, key: { ...entry, osStore: file.key.osStore } });
    return { recoveryPassphrase };
  }
  const temp = `${path}.rekeying`;
  const newKey = generateDataKey();
  const entry = newKeyEntry(newKey, recoveryPassphrase, file.officeId, options.scrypt);
  try {
    shred(temp);
    const counts = tableCounts(db.sqlite);
    db.sqlite.prepare('VACUUM INTO ?').run(temp);
    const copy = new Database(temp, { nativeBinding });
    try {
      applyDataKey(copy, oldKey);
      changeDataKey(copy, newKey);
    } finally {
      copy.close();
    }
    verifyCopy(temp, newKey, counts);
    writeKeyFile(path, { ...file, next: entry });
  } catch (e) {
    db.close();
    shred(temp);
    throw e;
  }
  db.close();
  swapInPlace(temp, path);
  writeKeyFile(path, { ...file, key: entry, next: undefined });
  return { recoveryPassphrase };
}
