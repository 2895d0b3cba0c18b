// Object identifiers as dotted strings, and the ones the eMRTD protocols name.
import { CardError } from '../card-channel';

export function decodeOid(bytes: Uint8Array): string {
  if (bytes.length === 0) throw new CardError('malformed', 'empty OID');
  const parts: number[] = [];
  let value = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    value = value * 128 + (b & 0x7f);
    if (value > Number.MAX_SAFE_INTEGER / 256) throw new CardError('malformed', 'OID arc too large');
    if ((b & 0x80) === 0) {
      if (parts.length === 0) {
        const first = value < 80 ? Math.floor(value / 40) : 2;
        parts.push(first, value - first * 40);
      } else parts.push(value);
      value = 0;
    } else if (i === bytes.length - 1) throw new CardError('malformed', 'OID cut short');
  }
  return parts.join('.');
}

export function encodeOid(dotted: string): Uint8Array {
  const arcs = dotted.split('.').map((s) => Number(s));
  const out: number[] = [];
  const push = (v: number) => {
    const stack = [v & 0x7f];
    v = Math.floor(v / 128);
    while (v > 0) {
      stack.unshift((v & 0x7f) | 0x80);
      v = Math.floor(v / 128);
    }
    out.push(...stack);
  };
  push(arcs[0]! * 40 + arcs[1]!);
  for (const a of arcs.slice(2)) push(a);
  return Uint8Array.from(out);
}

const BSI = '0.4.0.127.0.7';
export const OID = {
  paceEcdhGm: `${BSI}.2.2.4.2`,
  paceEcdhIm: `${BSI}.2.2.4.4`,
  paceDhGm: `${BSI}.2.2.4.1`,
  paceEcdhCam: `${BSI}.2.2.4.6`,
  caEcdh: `${BSI}.2.2.3.2`,
  caDh: `${BSI}.2.2.3.1`,
  pkEcdh: `${BSI}.2.2.1.2`,
  pkDh: `${BSI}.2.2.1.1`,
  taProtocol: `${BSI}.2.2.2`,
  ecdsaPlain: `${BSI}.1.1.4.1`,
  activeAuthentication: '2.23.136.1.1.5',
  ldsSecurityObject: '2.23.136.1.1.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  rsaEncryption: '1.2.840.113549.1.1.1',
  rsaPss: '1.2.840.113549.1.1.10',
  ecPublicKey: '1.2.840.10045.2.1',
  primeField: '1.2.840.10045.1.1',
} as const;

/** Cipher of a PACE or CA protocol OID (its last arc). */
export function cipherOfProtocol(oid: string): '3DES' | 'AES-128' | 'AES-192' | 'AES-256' | undefined {
  const last = oid.split('.').at(-1);
  return ({ '1': '3DES', '2': 'AES-128', '3': 'AES-192', '4': 'AES-256' } as const)[last ?? ''];
}

const HASHES: Record<string, string> = {
  '1.3.14.3.2.26': 'sha1',
  '2.16.840.1.101.3.4.2.4': 'sha224',
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
};

export function hashNameOfOid(oid: string): string | undefined {
  return HASHES[oid];
}

export function oidOfHashName(name: string): string {
  const hit = Object.entries(HASHES).find(([, n]) => n === name);
  if (!hit) throw new RangeError(`unknown hash ${name}`);
  return hit[0];
}
