// DG2: the face. We only need the image bytes out of the ISO 19794-5 record; the rest of the header is ignored.
import { CardError } from '../card-channel';
import { readSingleTlv, tlvChildren, tlvValue, type Tlv } from '../protocol/tlv';

export interface FaceImage {
  mime: 'image/jpeg' | 'image/jp2';
  bytes: Uint8Array;
}

function findBiometricData(node: Tlv): Uint8Array | undefined {
  if (node.tag === 0x5f2e || node.tag === 0x7f2e) return tlvValue(node);
  if (!node.constructed) return undefined;
  for (const child of tlvChildren(node)) {
    const hit = findBiometricData(child);
    if (hit) return hit;
  }
  return undefined;
}

function indexOf(haystack: Uint8Array, needle: number[]): number {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

export function parseDg2(bytes: Uint8Array): FaceImage {
  const root = readSingleTlv(bytes, 0x75);
  const block = findBiometricData(root);
  if (!block) throw new CardError('malformed', 'DG2 has no biometric data block');
  const jpeg = indexOf(block, [0xff, 0xd8, 0xff]);
  if (jpeg >= 0) return { mime: 'image/jpeg', bytes: block.subarray(jpeg) };
  const jp2 = indexOf(block, [0x00, 0x00, 0x00, 0x0c, 0x6a, 0x50, 0x20, 0x20]);
  if (jp2 >= 0) return { mime: 'image/jp2', bytes: block.subarray(jp2) };
  const j2k = indexOf(block, [0xff, 0x4f, 0xff, 0x51]);
  if (j2k >= 0) return { mime: 'image/jp2', bytes: block.subarray(j2k) };
  throw new CardError('malformed', 'DG2 image is neither JPEG nor JPEG 2000');
}
