import { safeStorage } from 'electron';
import { needsUnlocking, PASSPHRASE_ENV, rememberInKeyStore, unlockFromKeyStore, unlockWithPassphrase, type KeyProtector } from '../../app/database-unlock';

// The operating system's key store for the database's data key, through Electron's asynchronous safeStorage
// (DPAPI on Windows, Keychain on macOS, the Secret Service on Linux; the synchronous API is gone in Electron 46).
// Thin on purpose: the Electron binary cannot run on the build machine, so everything else is in main/app.

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
 * The data key of an encrypted database for the window's services (hex), or undefined: a plain database, or one
 * this installation has not stored yet — then the services start locked and the window asks for the recovery
 * passphrase (the unlock screen), after which `rememberKey` stores it for the next start.
 */
export async function unlockForWindow(dbPath: string): Promise<string | undefined> {
  if (!needsUnlocking(dbPath)) return undefined;
  const fromStore = await unlockFromKeyStore(dbPath, safeStorageProtector).catch(() => null);
  if (fromStore) return fromStore.toString('hex');
  const passphrase = process.env[PASSPHRASE_ENV];
  return passphrase ? unlockWithPassphrase(dbPath, passphrase).toString('hex') : undefined;
}

/** The key the services announced (unlocked by the passphrase, or encrypted at setup), kept in the OS key store. */
export function rememberKey(dbPath: string, dataKeyHex: string): Promise<void> {
  return rememberInKeyStore(dbPath, Buffer.from(dataKeyHex, 'hex'), safeStorageProtector).catch(() => undefined);
}
