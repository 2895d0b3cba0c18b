import { dataKeyOf, type AppDatabase } from '../core/database/open-database';
import type { KeyProtector } from '../core/database/keyring';
import {
  isEncryptedDatabase, passphraseNeeded, PASSPHRASE_ENV, protectWithProtector, unlockDatabase, unlockWithProtector,
} from '../core/database/unlock-database';
import { installationId } from '../core/installation';

// The app's unlock service: what a door needs to know or do about an encrypted database before (or while) the
// services open it — whether it needs a passphrase, the OS key store slot of this installation — without
// reaching into main/core itself (house rule: doors never import core).

export { PASSPHRASE_ENV };
export type { KeyProtector };

/** Whether the database at `dbPath` is encrypted (its key file lies beside it). */
export function needsUnlocking(dbPath: string): boolean {
  return isEncryptedDatabase(dbPath);
}

/** The one line a door says when an encrypted database was given neither a passphrase nor a terminal. */
export function passphraseNeededError(dbPath: string) {
  return passphraseNeeded(dbPath);
}

/** The data key from this installation's OS key store slot, or null (none yet, or the store changed). */
export function unlockFromKeyStore(dbPath: string, protector: KeyProtector): Promise<Buffer | null> {
  return unlockWithProtector(dbPath, protector, installationId());
}

/** The data key unwrapped by the recovery passphrase (refused with one line when it is wrong). */
export function unlockWithPassphrase(dbPath: string, passphrase: string): Buffer {
  return unlockDatabase(dbPath, { passphrase })!;
}

/** Keeps the data key in this installation's OS key store slot, so the next start needs no passphrase. */
export function rememberInKeyStore(dbPath: string, dataKey: Buffer, protector: KeyProtector): Promise<void> {
  return protectWithProtector(dbPath, dataKey, protector, installationId());
}

/** The data key of an open encrypted database (hex), for the door that must keep it (OS key store, restarts). */
export function dataKeyHexOf(db: AppDatabase): string | undefined {
  return dataKeyOf(db)?.toString('hex');
}
