// CBC on top of long-lived ECB cipher objects: the key schedule is built once per session key instead of once per
// APDU, and single DES (absent from OpenSSL 3) is 3DES with three equal keys.
import { createCipheriv, createDecipheriv, type Cipher, type Decipher } from 'node:crypto';

export interface BlockCipher {
  readonly blockSize: 8 | 16;
  encryptBlock(block: Uint8Array): Uint8Array;
  /** `data` must be a whole number of blocks. */
  encryptCbc(data: Uint8Array, iv: Uint8Array): Uint8Array;
  decryptCbc(data: Uint8Array, iv: Uint8Array): Uint8Array;
}

class EcbBlockCipher implements BlockCipher {
  private readonly enc: Cipher;
  private readonly dec: Decipher;

  constructor(
    algorithm: string,
    key: Uint8Array,
    readonly blockSize: 8 | 16,
  ) {
    this.enc = createCipheriv(algorithm, key, null);
    this.enc.setAutoPadding(false);
    this.dec = createDecipheriv(algorithm, key, null);
    this.dec.setAutoPadding(false);
  }

  encryptBlock(block: Uint8Array): Uint8Array {
    return this.enc.update(block);
  }

  encryptCbc(data: Uint8Array, iv: Uint8Array): Uint8Array {
    const bs = this.blockSize;
    if (data.length % bs !== 0) throw new RangeError('CBC input is not block aligned');
    const out = new Uint8Array(data.length);
    const x = new Uint8Array(bs);
    let prev: Uint8Array = iv;
    for (let off = 0; off < data.length; off += bs) {
      for (let i = 0; i < bs; i++) x[i] = data[off + i]! ^ prev[i]!;
      const c = this.enc.update(x);
      out.set(c, off);
      prev = out.subarray(off, off + bs);
    }
    return out;
  }

  decryptCbc(data: Uint8Array, iv: Uint8Array): Uint8Array {
    const bs = this.blockSize;
    if (data.length % bs !== 0) throw new RangeError('CBC input is not block aligned');
    const out = new Uint8Array(this.dec.update(data));
    if (out.length !== data.length) throw new Error('ECB decipher held back data');
    for (let i = 0; i < bs; i++) out[i]! ^= iv[i]!;
    for (let i = bs; i < out.length; i++) out[i]! ^= data[i - bs]!;
    return out;
  }
}

export function aesCipher(key: Uint8Array): BlockCipher {
  const bits = key.length * 8;
  if (bits !== 128 && bits !== 192 && bits !== 256) throw new RangeError('AES key must be 16, 24 or 32 bytes');
  return new EcbBlockCipher(`aes-${bits}-ecb`, key, 16);
}

/** Two-key 3DES (K1 K2 K1) from a 16-byte key, or three-key from 24 bytes. */
export function tripleDesCipher(key: Uint8Array): BlockCipher {
  let k = key;
  if (key.length === 16) {
    k = new Uint8Array(24);
    k.set(key, 0);
    k.set(key.subarray(0, 8), 16);
  } else if (key.length !== 24) throw new RangeError('3DES key must be 16 or 24 bytes');
  return new EcbBlockCipher('des-ede3-ecb', k, 8);
}

/** Single DES as EDE with three equal keys. */
export function singleDesCipher(key8: Uint8Array): BlockCipher {
  const k = new Uint8Array(24);
  k.set(key8, 0);
  k.set(key8, 8);
  k.set(key8, 16);
  return new EcbBlockCipher('des-ede3-ecb', k, 8);
}
