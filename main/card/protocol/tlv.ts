// BER-TLV / DER reader with strict bounds. Written here rather than taken from an ASN.1 library because every
// length on the chip is hostile input: a length past the end must be a clean 'malformed' error, never a read past it.
import { CardError } from '../card-channel';

export interface Tlv {
  /** Tag bytes as one number: 0x30, 0x5F1F, 0x7F61… */
  readonly tag: number;
  readonly constructed: boolean;
  /** The buffer the element lives in, and where its header starts, value starts and value ends. */
  readonly source: Uint8Array;
  readonly start: number;
  readonly valueStart: number;
  readonly end: number;
}

function malformed(detail: string): CardError {
  return new CardError('malformed', detail);
}

/** Reads the tag and length at `offset`; the value must end at or before `limit`. */
export function readTlv(source: Uint8Array, offset = 0, limit = source.length): Tlv {
  let p = offset;
  if (p >= limit) throw malformed('TLV: no tag');
  const first = source[p++]!;
  let tag = first;
  if ((first & 0x1f) === 0x1f) {
    let more = true;
    let count = 0;
    while (more) {
      if (p >= limit) throw malformed('TLV: tag cut short');
      const b = source[p++]!;
      tag = tag * 256 + b;
      more = (b & 0x80) !== 0;
      if (++count > 3) throw malformed('TLV: tag too long');
    }
  }
  if (p >= limit) throw malformed('TLV: no length');
  const lengthByte = source[p++]!;
  let length: number;
  if (lengthByte < 0x80) {
    length = lengthByte;
  } else {
    const n = lengthByte & 0x7f;
    if (n === 0) throw malformed('TLV: indefinite length');
    if (n > 3) throw malformed('TLV: length field too long');
    if (p + n > limit) throw malformed('TLV: length cut short');
    length = 0;
    for (let i = 0; i < n; i++) length = length * 256 + source[p++]!;
  }
  if (p + length > limit) throw malformed(`TLV: tag ${tag.toString(16)} length ${length} past the end`);
  return { tag, constructed: (first & 0x20) !== 0, source, start: offset, valueStart: p, end: p + length };
}

/** The header alone, for deciding how many bytes a file holds from its first chunk. */
export function readTlvHeader(source: Uint8Array): { tag: number; headerLength: number; valueLength: number } {
  const cut = Math.min(source.length, 8);
  let p = 0;
  const first = source[p++];
  if (first === undefined) throw malformed('TLV: empty');
  let tag = first;
  if ((first & 0x1f) === 0x1f) {
    do {
      if (p >= cut) throw malformed('TLV: tag cut short');
      tag = tag * 256 + source[p]!;
    } while ((source[p++]! & 0x80) !== 0 && p < 4);
  }
  if (p >= cut) throw malformed('TLV: no length');
  const lengthByte = source[p++]!;
  if (lengthByte < 0x80) return { tag, headerLength: p, valueLength: lengthByte };
  const n = lengthByte & 0x7f;
  if (n === 0 || n > 3 || p + n > cut) throw malformed('TLV: bad length field');
  let length = 0;
  for (let i = 0; i < n; i++) length = length * 256 + source[p++]!;
  return { tag, headerLength: p, valueLength: length };
}

export function tlvValue(tlv: Tlv): Uint8Array {
  return tlv.source.subarray(tlv.valueStart, tlv.end);
}

/** The whole element (header and value), e.g. for hashing signed attributes or keeping a certificate. */
export function tlvBytes(tlv: Tlv): Uint8Array {
  return tlv.source.subarray(tlv.start, tlv.end);
}

/** Reads one element that must fill the buffer exactly. */
export function readSingleTlv(source: Uint8Array, expectedTag?: number): Tlv {
  const tlv = readTlv(source, 0, source.length);
  if (expectedTag !== undefined && tlv.tag !== expectedTag) {
    throw malformed(`TLV: expected tag ${expectedTag.toString(16)}, found ${tlv.tag.toString(16)}`);
  }
  return tlv;
}

export function tlvChildren(parent: Tlv): Tlv[] {
  const children: Tlv[] = [];
  let p = parent.valueStart;
  while (p < parent.end) {
    // Some encoders pad constructed values with zero bytes; a 00 tag is never a real element here.
    if (parent.source[p] === 0x00 || parent.source[p] === 0xff) {
      p++;
      continue;
    }
    const child = readTlv(parent.source, p, parent.end);
    children.push(child);
    p = child.end;
  }
  return children;
}

/** Elements laid one after another in a flat buffer (e.g. the data objects of a secure-messaging response). */
export function tlvSequence(source: Uint8Array): Tlv[] {
  const out: Tlv[] = [];
  let p = 0;
  while (p < source.length) {
    const tlv = readTlv(source, p, source.length);
    out.push(tlv);
    p = tlv.end;
  }
  return out;
}

export function findChild(parent: Tlv, tag: number): Tlv | undefined {
  return tlvChildren(parent).find((c) => c.tag === tag);
}

export function requireChild(parent: Tlv, tag: number): Tlv {
  const child = findChild(parent, tag);
  if (!child) throw malformed(`TLV: missing tag ${tag.toString(16)} in ${parent.tag.toString(16)}`);
  return child;
}

export function encodeLength(length: number): Uint8Array {
  if (length < 0x80) return Uint8Array.of(length);
  if (length < 0x100) return Uint8Array.of(0x81, length);
  if (length < 0x10000) return Uint8Array.of(0x82, length >> 8, length & 0xff);
  return Uint8Array.of(0x83, length >> 16, (length >> 8) & 0xff, length & 0xff);
}

function tagBytes(tag: number): number[] {
  const out: number[] = [];
  let t = tag;
  do {
    out.unshift(t & 0xff);
    t = Math.floor(t / 256);
  } while (t > 0);
  return out;
}

export function encodeTlv(tag: number, ...values: Uint8Array[]): Uint8Array {
  let length = 0;
  for (const v of values) length += v.length;
  const tb = tagBytes(tag);
  const lb = encodeLength(length);
  const out = new Uint8Array(tb.length + lb.length + length);
  out.set(tb, 0);
  out.set(lb, tb.length);
  let p = tb.length + lb.length;
  for (const v of values) {
    out.set(v, p);
    p += v.length;
  }
  return out;
}
