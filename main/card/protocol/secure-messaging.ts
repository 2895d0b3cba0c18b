// Terminal side of ICAO 9303-11 secure messaging (section 9.8): DO'87'/'85' cryptogram, DO'97' Le, DO'99' status,
// DO'8E' MAC, send sequence counter incremented before every command and every response.
import { CardError } from '../card-channel';
import { SHORT_LE_MAX, splitResponse, swHex, type ResponseApdu } from './apdu';
import { bytesEqual, concatBytes, padIso9797, unpadIso9797 } from './octets';
import type { SmCipher } from './sm-cipher';
import { encodeLength, tlvSequence, tlvValue, type Tlv } from './tlv';

export class SecureMessaging {
  private readonly ssc: Uint8Array;
  /** Set once the card leaves SM (unprotected answer, bad MAC, lost APDU): every later command would fail. */
  broken = false;

  constructor(
    readonly cipher: SmCipher,
    initialSsc: Uint8Array,
  ) {
    if (initialSsc.length !== cipher.blockSize) throw new RangeError('SSC length must equal the block size');
    this.ssc = new Uint8Array(initialSsc);
  }

  get sendSequenceCounter(): Uint8Array {
    return this.ssc.slice();
  }

  private incrementSsc(): void {
    for (let i = this.ssc.length - 1; i >= 0; i--) {
      this.ssc[i] = (this.ssc[i]! + 1) & 0xff;
      if (this.ssc[i] !== 0) break;
    }
  }

  /** Protects a command; `le` 1..65536 or undefined. Le over 256 (a chip that takes extended length) makes DO'97'
   *  two bytes and the protected APDU extended, as ICAO 9303-11 asks. */
  wrap(cla: number, ins: number, p1: number, p2: number, data?: Uint8Array, le?: number): Uint8Array {
    const bs = this.cipher.blockSize;
    this.incrementSsc();
    const maskedCla = cla | 0x0c;
    const header = padIso9797(Uint8Array.of(maskedCla, ins, p1, p2), bs);
    let do87: Uint8Array = new Uint8Array(0);
    if (data && data.length > 0) {
      const cryptogram = this.cipher.encrypt(padIso9797(data, bs), this.ssc);
      do87 =
        ins % 2 === 1
          ? concatBytes(Uint8Array.of(0x85), encodeLength(cryptogram.length), cryptogram)
          : concatBytes(Uint8Array.of(0x87), encodeLength(cryptogram.length + 1), Uint8Array.of(0x01), cryptogram);
    }
    const extendedLe = le !== undefined && le > SHORT_LE_MAX;
    const do97 = le === undefined ? new Uint8Array(0) : extendedLe ? Uint8Array.of(0x97, 0x02, (le >> 8) & 0xff, le & 0xff) : Uint8Array.of(0x97, 0x01, le & 0xff);
    const mac = this.cipher.mac(padIso9797(concatBytes(this.ssc, header.subarray(0, bs), do87, do97), bs));
    const bodyLength = do87.length + do97.length + 10;
    const extended = extendedLe || bodyLength > 255;
    const out = new Uint8Array(4 + (extended ? 3 : 1) + bodyLength + (extended ? 2 : 1));
    out.set([maskedCla, ins, p1, p2], 0);
    let p = 4;
    if (extended) {
      out.set([0x00, bodyLength >> 8, bodyLength & 0xff], p);
      p += 3;
    } else out[p++] = bodyLength;
    out.set(do87, p);
    out.set(do97, p + do87.length);
    out.set([0x8e, 0x08], p + do87.length + do97.length);
    out.set(mac, p + 2 + do87.length + do97.length);
    // Le 00 (or 0000): as much as the protected answer needs.
    return out;
  }

  /** Checks and opens a protected response. Throws CardError and marks the session broken when it cannot. */
  unwrap(raw: Uint8Array): ResponseApdu {
    this.incrementSsc();
    const { data, sw } = splitResponse(raw);
    if (data.length === 0) {
      // The card answered without SM: by ISO 7816-4 it has dropped the session.
      this.broken = true;
      return { data, sw };
    }
    let objects: Tlv[];
    try {
      objects = tlvSequence(data);
    } catch (error) {
      this.broken = true;
      throw new CardError('protocol', 'SM response is not TLV', { cause: error });
    }
    let cryptogram: Tlv | undefined;
    let status: Tlv | undefined;
    let macObject: Tlv | undefined;
    let macEnd = 0;
    for (const o of objects) {
      if (o.tag === 0x87 || o.tag === 0x85) cryptogram = o;
      else if (o.tag === 0x99) status = o;
      else if (o.tag === 0x8e) {
        macObject = o;
        continue;
      }
      if (macObject) break;
      macEnd = o.end;
    }
    if (!macObject || macObject.end - macObject.valueStart !== 8) {
      this.broken = true;
      throw new CardError('protocol', `SM response without MAC (SW ${swHex(sw)})`);
    }
    const bs = this.cipher.blockSize;
    const expected = this.cipher.mac(padIso9797(concatBytes(this.ssc, data.subarray(0, macEnd)), bs));
    if (!bytesEqual(expected, tlvValue(macObject))) {
      this.broken = true;
      throw new CardError('protocol', 'SM response MAC mismatch');
    }
    let innerSw = sw;
    if (status) {
      const v = tlvValue(status);
      if (v.length !== 2) {
        this.broken = true;
        throw new CardError('protocol', 'SM DO99 is not 2 bytes');
      }
      innerSw = (v[0]! << 8) | v[1]!;
    }
    if (!cryptogram) return { data: new Uint8Array(0), sw: innerSw };
    let ct = tlvValue(cryptogram);
    if (cryptogram.tag === 0x87) {
      if (ct[0] !== 0x01) {
        this.broken = true;
        throw new CardError('protocol', 'SM DO87 without padding indicator 01');
      }
      ct = ct.subarray(1);
    }
    if (ct.length === 0 || ct.length % bs !== 0) {
      this.broken = true;
      throw new CardError('protocol', 'SM cryptogram not block aligned');
    }
    const plain = unpadIso9797(this.cipher.decrypt(ct, this.ssc));
    if (!plain) {
      this.broken = true;
      throw new CardError('protocol', 'SM cryptogram padding is wrong');
    }
    return { data: plain, sw: innerSw };
  }
}
