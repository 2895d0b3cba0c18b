// Session keys of one secure-messaging session: encryption with its IV rule, and the MAC.
import { aesCipher, tripleDesCipher, type BlockCipher } from './block-cipher';
import type { SmCipherKind } from './kdf';
import { AesCmac, RetailMac, type Mac } from './mac';

export interface SmCipher {
  readonly kind: SmCipherKind;
  readonly blockSize: 8 | 16;
  encrypt(padded: Uint8Array, ssc: Uint8Array): Uint8Array;
  decrypt(ciphertext: Uint8Array, ssc: Uint8Array): Uint8Array;
  /** 8-byte MAC over already padded input. */
  mac(padded: Uint8Array): Uint8Array;
}

export function createSmCipher(kind: SmCipherKind, kEnc: Uint8Array, kMac: Uint8Array): SmCipher {
  if (kind === '3DES') {
    const enc = tripleDesCipher(kEnc);
    const mac = new RetailMac(kMac);
    const zero = new Uint8Array(8);
    return {
      kind,
      blockSize: 8,
      encrypt: (p) => enc.encryptCbc(p, zero),
      decrypt: (c) => enc.decryptCbc(c, zero),
      mac: (p) => mac.compute(p),
    };
  }
  const enc: BlockCipher = aesCipher(kEnc);
  const mac: Mac = new AesCmac(kMac);
  // AES SM: IV = E(KSenc, SSC) (ICAO 9303-11 9.8.6.1).
  return {
    kind,
    blockSize: 16,
    encrypt: (p, ssc) => enc.encryptCbc(p, enc.encryptBlock(ssc)),
    decrypt: (c, ssc) => enc.decryptCbc(c, enc.encryptBlock(ssc)),
    mac: (p) => mac.compute(p).subarray(0, 8),
  };
}
