// Minimal DER writer for building test card files and certificates (the product only reads DER).
import { encodeOid } from '../../../main/card/protocol/oid';
import { encodeTlv } from '../../../main/card/protocol/tlv';

export const der = {
  tlv: (tag: number, ...values: Uint8Array[]) => encodeTlv(tag, ...values),
  seq: (...values: Uint8Array[]) => encodeTlv(0x30, ...values),
  set: (...values: Uint8Array[]) => encodeTlv(0x31, ...values),
  ctx: (n: number, ...values: Uint8Array[]) => encodeTlv(0xa0 + n, ...values),
  oid: (dotted: string) => encodeTlv(0x06, encodeOid(dotted)),
  null: () => Uint8Array.of(0x05, 0x00),
  octets: (bytes: Uint8Array) => encodeTlv(0x04, bytes),
  bits: (bytes: Uint8Array) => encodeTlv(0x03, Uint8Array.of(0), bytes),
  utf8: (text: string) => encodeTlv(0x0c, new TextEncoder().encode(text)),
  printable: (text: string) => encodeTlv(0x13, new TextEncoder().encode(text)),
  utcTime: (date: Date) => {
    const p = (n: number) => String(n).padStart(2, '0');
    const s = `${p(date.getUTCFullYear() % 100)}${p(date.getUTCMonth() + 1)}${p(date.getUTCDate())}${p(date.getUTCHours())}${p(date.getUTCMinutes())}${p(date.getUTCSeconds())}Z`;
    return encodeTlv(0x17, new TextEncoder().encode(s));
  },
  int: (value: number | bigint | Uint8Array) => {
    let bytes: Uint8Array;
    if (value instanceof Uint8Array) bytes = value;
    else {
      let hex = BigInt(value).toString(16);
      if (hex.length % 2) hex = '0' + hex;
      bytes = Uint8Array.from(hex.match(/../g)!.map((h) => parseInt(h, 16)));
    }
    let start = 0;
    while (start < bytes.length - 1 && bytes[start] === 0 && (bytes[start + 1]! & 0x80) === 0) start++;
    bytes = bytes.subarray(start);
    if (bytes[0]! & 0x80) bytes = Uint8Array.from([0, ...bytes]);
    return encodeTlv(0x02, bytes);
  },
};
