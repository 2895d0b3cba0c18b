import { safeStorage } from 'electron';
import type { KeyProtector } from '../../core/database/keyring';
import { isEncryptedDatabase, passphraseNeeded, protectWithProtector, unlockDatabase, unlockWithProtector } from '../../core/database/unlock-database';
import { installationId } from '../../core/installation';

// The operating system's key store for the database's data key, through Electron's asynchronous safeStorage
// (DPAPI on Windows, Keychain on macOS, the Secret Service on Linux; the synchronous API is gone in Electron 46).
// Thin on purpose: the Electron binary cannot run on the build machine, so everything else is in the services.

const safeStorageProtector: KeyProtector = {
  name: 'electron-safeStorage',
  async wrap(bytes) {
    if (!(await safeStorage.isAsyncEncryptionAvailable())) throw new Error('safeStorage unavailable');
    // Linux without a keyring falls back to a hard-coded password: that protects nothing, the passphrase must do.
    if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') throw new Error('no OS key store');
    return safeStorage.encryptStringAsync(bytes.toString('hex'));
  },
  async unwrap(bytes) {
    const { result } = await safeStorage.decryptStringAsync(bytes);
    return Buffer.from(result, 'hex');
  },
};

/**
 * The data key of an encrypted database for the window's services (hex), or undefined for a plain one: from the
 * OS key store when this installation stored it there, else from ANSINH_DB_PASSPHRASE (and then stored there,
 * so that the next start needs no passphrase). The passphrase screen in the window is still to come.
 */
export async function unlockForWindow(dbPath: string): Promise<string | undefined> {
  if (!isEncryptedDatabase(dbPath)) return undefined;
  const installation = installationId();
  const fromStore = await unlockWithProtector(dbPath, safeStorageProtector, installation);
  if (fromStore) return fromStore.toString('hex');
  if (!process.env.ANSINH_DB_PASSPHRASE) throw passphraseNeeded(dbPath);
  const key = unlockDatabase(dbPath)!;
  await protectWithProtector(dbPath, key, safeStorageProtector, installation).catch(() => undefined);
  return key.toString('hex');
}
