import { createCipheriv, createDecipheriv, createHmac, randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import { normalizeRecoveryPassphrase } from './recovery-passphrase';

// The database's data key (32 random bytes, the raw SQLCipher key) never lies on disk in clear: it is wrapped
// (AES-256-GCM) by a key derived from the office recovery passphrase (scrypt), and optionally by the operating
// system's key store. Pure crypto over node:crypto; the key file's I/O is in key-file.ts.

export const DATA_KEY_BYTES = 32;

/**
 * scrypt N=2^15, r=8 (32 MiB, about 0.3 s on an office PC). The passphrase is random (≈147 bits), so the KDF
 * only has to make each guess cost memory; the parameters are stored with each wrapped key, so they can be
 * raised later without breaking old files.
 */
export const DEFAULT_SCRYPT = { N: 2 ** 15, r: 8, p: 1 } as const;
export type ScryptParams = { N: number; r: number; p: number };

export interface PassphraseSlot {
  kdf: 'scrypt';
  N: number;
  r: number;
  p: number;
  salt: string;
  iv: string;
  data: string;
  tag: string;
}

/** A data key wrapped by something only this installation can unwrap (Electron's safeStorage: DPAPI, Keychain, Secret Service). */
export interface OsStoreSlot {
  installationId: string;
  protector: string;
  data: string;
}

/** The operating system's key store, as a door provides it (the Electron door: safeStorage). */
export interface KeyProtector {
  /** A short name recorded with the wrapped key (e.g. "electron-safeStorage"). */
  readonly name: string;
  wrap(bytes: Buffer): Promise<Buffer>;
  unwrap(bytes: Buffer): Promise<Buffer>;
}

export function generateDataKey(): Buffer {
  return randomBytes(DATA_KEY_BYTES);
}

/** A short value that says whether a key is this database's key, without revealing it. */
export function keyCheckValue(dataKey: Buffer): string {
  return createHmac('sha256', dataKey).update('ansinh-desk key check v1').digest().subarray(0, 16).toString('base64');
}

export function keyMatchesCheck(dataKey: Buffer, check: string): boolean {
  const expected = Buffer.from(keyCheckValue(dataKey), 'base64');
  const given = Buffer.from(check, 'base64');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** `context` binds the wrapped key to its file and slot (the office id and the key id), so slots cannot be swapped. */
export function wrapWithPassphrase(dataKey: Buffer, passphrase: string, context: string, params: ScryptParams = DEFAULT_SCRYPT): PassphraseSlot {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const kek = derive(passphrase, salt, params);
  const cipher = createCipheriv('aes-256-gcm', kek, iv);
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const data = Buffer.concat([cipher.update(dataKey), cipher.final()]);
  return { kdf: 'scrypt', ...params, salt: b64(salt), iv: b64(iv), data: b64(data), tag: b64(cipher.getAuthTag()) };
}

/** The data key, or null when the passphrase is not the one that wrapped it. */
export function unwrapWithPassphrase(slot: PassphraseSlot, passphrase: string, context: string): Buffer | null {
  const kek = derive(passphrase, Buffer.from(slot.salt, 'base64'), slot);
  const decipher = createDecipheriv('aes-256-gcm', kek, Buffer.from(slot.iv, 'base64'));
  decipher.setAAD(Buffer.from(context, 'utf8'));
  decipher.setAuthTag(Buffer.from(slot.tag, 'base64'));
  try {
    return Buffer.concat([decipher.update(Buffer.from(slot.data, 'base64')), decipher.final()]);
  } catch {
    return null;
  }
}

/** Bounds on stored parameters, so that a crafted key file cannot make the app allocate gigabytes. */
export function validScryptParams(p: { N: unknown; r: unknown; p: unknown }): boolean {
  const { N, r } = p;
  return typeof N === 'number' && Number.isInteger(Math.log2(N)) && N >= 2 ** 14 && N <= 2 ** 20 &&
    typeof r === 'number' && r >= 1 && r <= 32 && typeof p.p === 'number' && p.p >= 1 && p.p <= 4;
}

function derive(passphrase: string, salt: Buffer, params: ScryptParams): Buffer {
  const { N, r, p } = params;
  return scryptSync(normalizeRecoveryPassphrase(passphrase), salt, 32, { N, r, p, maxmem: 256 * N * r + 16 * 1024 * 1024 });
}

function b64(bytes: Buffer): string {
  return bytes.toString('base64');
}
