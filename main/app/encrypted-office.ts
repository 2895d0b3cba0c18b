import { migrationsDir } from '../core/app-paths';
import { createEncryptedDatabase, type NewEncryptedDatabase } from '../core/database/create-encrypted-database';
import { encryptOpenDatabase, newRecoveryPassphrase } from '../core/database/encrypt-open-database';
import type { AppDatabase } from '../core/database/open-database';
import { installationId } from '../core/installation';

/**
 * A new office database, encrypted from its first byte (a real office holds real people; only the demo
 * commune stays plain). The caller shows `recoveryPassphrase` once, to be printed and kept in the office safe,
 * and never stores it.
 */
export function createEncryptedOfficeDatabase(path: string): NewEncryptedDatabase {
  return createEncryptedDatabase(path, { migrationsFolder: migrationsDir(), installationId: installationId() });
}

/** The office database the services have open, encrypted where it lies (see setUpEncryptedOffice). */
export function encryptOfficeDatabaseInPlace(db: AppDatabase): { recoveryPassphrase: string } {
  return db.encrypted ? newRecoveryPassphrase(db) : encryptOpenDatabase(db);
}
