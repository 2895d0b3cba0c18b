// The two MACs of ICAO secure messaging: ISO 9797-1 algorithm 3 (retail MAC, DES) and AES-CMAC (SP 800-38B).
// Written here because OpenSSL 3 has neither single DES nor a CMAC exposed through Node's crypto.
import { aesCipher, singleDesCipher, tripleDesCipher, type BlockCipher } from './block-cipher';

export interface Mac {
  /** Full-length MAC over `data` (callers truncate to 8 bytes where the protocol says). */
  compute(data: Uint8Array): Uint8Array;
}

/** Retail MAC over data already padded to 8 bytes. */
export class RetailMac implements Mac {
  private readonly first: BlockCipher;
  private readonly final: BlockCipher;

  constructor(key16: Uint8Array) {
    this.first = singleDesCipher(key16.subarray(0, 8));
    this.final = tripleDesCipher(key16);
  }

  compute(data: Uint8Array): Uint8Array {
    if (data.length === 0 || data.length % 8 !== 0) throw new RangeError('retail MAC input must be padded');
    const h = new Uint8Array(8);
    const last = data.length - 8;
    for (let off = 0; off < last; off += 8) {
      for (let i = 0; i < 8; i++) h[i]! ^= data[off + i]!;
      h.set(this.first.encryptBlock(h));
    }
    for (let i = 0; i < 8; i++) h[i]! ^= data[last + i]!;
    // E_K1(D_K2(E_K1(x))) is exactly one block of two-key 3DES.
    return this.final.encryptBlock(h);
  }
}

function shiftLeftXor(input: Uint8Array): Uint8Array {
  const out = new Uint8Array(16);
  for (let i = 0; i < 16; i++) out[i] = ((input[i]! << 1) | (i < 15 ? input[i + 1]! >> 7 : 0)) & 0xff;
  if (input[0]! & 0x80) out[15]! ^= 0x87;
  return out;
}

export class AesCmac implements Mac {
  private readonly cipher: BlockCipher;
  private readonly k1: Uint8Array;
  private readonly k2: Uint8Array;

  constructor(key: Uint8Array) {
    this.cipher = aesCipher(key);
    const l = new Uint8Array(this.cipher.encryptBlock(new Uint8Array(16)));
    this.k1 = shiftLeftXor(l);
    this.k2 = shiftLeftXor(this.k1);
  }

  compute(data: Uint8Array): Uint8Array {
    const blocks = Math.max(1, Math.ceil(data.length / 16));
    const complete = data.length > 0 && data.length % 16 === 0;
    const x = new Uint8Array(16);
    for (let b = 0; b < blocks - 1; b++) {
      for (let i = 0; i < 16; i++) x[i]! ^= data[b * 16 + i]!;
      x.set(this.cipher.encryptBlock(x));
    }
    const lastOff = (blocks - 1) * 16;
    const sub = complete ? this.k1 : this.k2;
    for (let i = 0; i < 16; i++) {
      const pos = lastOff + i;
      let byte: number;
      if (pos < data.length) byte = data[pos]!;
      else byte = pos === data.length ? 0x80 : 0x00;
      x[i]! ^= byte ^ sub[i]!;
    }
    return new Uint8Array(this.cipher.encryptBlock(x));
  }
}
