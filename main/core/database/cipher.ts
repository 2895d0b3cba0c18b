import type Database from 'better-sqlite3';
import { DATA_KEY_BYTES } from './keyring';

/**
 * Keys a fresh connection with the database's data key. Everything is set explicitly, never left to the
 * driver's defaults (which have changed between releases of SQLite3 Multiple Ciphers):
 * - cipher 'sqlcipher' with legacy=4: SQLCipher 4's format (AES-256-CBC, HMAC-SHA512 per page), the format the
 *   issue asks for and the one other tools (DB Browser for SQLite, sqlcipher's shell) can open for an audit.
 *   bench:crypto measures it against a plain database (see the README's figures); ChaCha20 was not needed.
 * - the key as raw bytes (x'…'): the 256-bit data key is already random, so SQLCipher's own PBKDF2 (256,000
 *   rounds at every open) would add nothing but a delay; the recovery passphrase goes through scrypt elsewhere.
 * - temporary files (sorts, indexes, VACUUM) in memory, so that no plaintext page spills to a temp file.
 */
export function applyDataKey(sqlite: Database.Database, dataKey: Buffer): void {
  if (dataKey.length !== DATA_KEY_BYTES) throw new Error('data key must be 32 bytes');
  sqlite.pragma("cipher = 'sqlcipher'");
  sqlite.pragma('legacy = 4');
  sqlite.pragma(`key = "x'${dataKey.toString('hex')}'"`);
  sqlite.pragma('temp_store = MEMORY');
}

/** Re-encrypts the connection's database under a new data key (the connection must already hold the old one). */
export function changeDataKey(sqlite: Database.Database, newKey: Buffer): void {
  if (newKey.length !== DATA_KEY_BYTES) throw new Error('data key must be 32 bytes');
  sqlite.pragma("cipher = 'sqlcipher'");
  sqlite.pragma('legacy = 4');
  sqlite.pragma(`rekey = "x'${newKey.toString('hex')}'"`);
}
