// ICAO 9303-11 key derivation: hash(shared secret || 32-bit counter), cut to the cipher's key length.
import { createHash } from 'node:crypto';
import { concatBytes } from './octets';

export type SmCipherKind = '3DES' | 'AES-128' | 'AES-192' | 'AES-256';

export const KDF_ENC = 1;
export const KDF_MAC = 2;
export const KDF_PACE = 3;

export function deriveKey(secret: Uint8Array, counter: number, cipher: SmCipherKind): Uint8Array {
  const c = Uint8Array.of(counter >>> 24, (counter >>> 16) & 0xff, (counter >>> 8) & 0xff, counter & 0xff);
  const input = concatBytes(secret, c);
  if (cipher === '3DES' || cipher === 'AES-128') {
    const digest = new Uint8Array(createHash('sha1').update(input).digest());
    return digest.subarray(0, 16);
  }
  const digest = new Uint8Array(createHash('sha256').update(input).digest());
  return cipher === 'AES-192' ? digest.subarray(0, 24) : digest;
}

/** DES keys carry odd parity in each byte's low bit; the cipher ignores it, the published examples show it. */
export function withDesParity(key: Uint8Array): Uint8Array {
  const out = new Uint8Array(key.length);
  for (let i = 0; i < key.length; i++) {
    const b = key[i]! & 0xfe;
    let ones = 0;
    for (let bit = 1; bit < 0x100; bit <<= 1) if (b & bit) ones++;
    out[i] = b | (ones % 2 === 0 ? 1 : 0);
  }
  return out;
}
