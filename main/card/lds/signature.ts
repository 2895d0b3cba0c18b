// Signature checks for passive authentication: RSA PKCS#1 v1.5 and PSS through Node's crypto, ECDSA through
// @noble/curves (so Brainpool keys verify under Electron's BoringSSL too).
import { constants, createHash, createPublicKey, verify, type KeyObject } from 'node:crypto';
import { bytesToBigInt } from '../protocol/octets';
import { decodeOid, hashNameOfOid } from '../protocol/oid';
import { tlvChildren, tlvValue } from '../protocol/tlv';
import type { AlgorithmIdentifier } from './certificate';
import type { PublicKeyInfo } from './public-key';

const RSA_HASH: Record<string, string> = {
  '1.2.840.113549.1.1.5': 'sha1',
  '1.2.840.113549.1.1.14': 'sha224',
  '1.2.840.113549.1.1.11': 'sha256',
  '1.2.840.113549.1.1.12': 'sha384',
  '1.2.840.113549.1.1.13': 'sha512',
};
const ECDSA_HASH: Record<string, string> = {
  '1.2.840.10045.4.1': 'sha1',
  '1.2.840.10045.4.3.1': 'sha224',
  '1.2.840.10045.4.3.2': 'sha256',
  '1.2.840.10045.4.3.3': 'sha384',
  '1.2.840.10045.4.3.4': 'sha512',
};
const RSA_PSS = '1.2.840.113549.1.1.10';
const RSA_PLAIN = '1.2.840.113549.1.1.1';
const EC_PLAIN = '1.2.840.10045.2.1';

function pssParams(params: AlgorithmIdentifier['params']): { hash: string; saltLength: number } {
  let hash = 'sha1';
  let saltLength = 20;
  if (params?.tag === 0x30) {
    for (const p of tlvChildren(params)) {
      if (p.tag === 0xa0) {
        const [alg] = tlvChildren(p);
        const [oid] = alg ? tlvChildren(alg) : [];
        if (oid) hash = hashNameOfOid(decodeOid(tlvValue(oid))) ?? hash;
      } else if (p.tag === 0xa2) {
        const [n] = tlvChildren(p);
        if (n) saltLength = Number(bytesToBigInt(tlvValue(n)));
      }
    }
  }
  return { hash, saltLength };
}

const nativeKeys = new WeakMap<object, KeyObject | null>();

function nativeKey(key: Extract<PublicKeyInfo, { kind: 'ec' }>): KeyObject | null {
  let k = nativeKeys.get(key);
  if (k === undefined) {
    try {
      k = createPublicKey({ key: Buffer.from(key.spki), format: 'der', type: 'spki' });
    } catch {
      k = null;
    }
    nativeKeys.set(key, k);
  }
  return k;
}

/** ECDSA over `data` hashed with `hash`: natively where the runtime knows the curve, else with noble. */
export function verifyEcdsa(
  key: Extract<PublicKeyInfo, { kind: 'ec' }>,
  hash: string,
  data: Uint8Array,
  signature: Uint8Array,
  encoding: 'der' | 'ieee-p1363',
): boolean {
  try {
    const native = nativeKey(key);
    if (native) return verify(hash, data, { key: native, dsaEncoding: encoding }, signature);
    const digest = new Uint8Array(createHash(hash).update(data).digest());
    return key.curve.ecdsa.verify(signature, digest, key.point, { prehash: false, lowS: false, format: encoding === 'der' ? 'der' : 'compact' });
  } catch {
    return false;
  }
}

/**
 * True when `signature` over `data` verifies. `fallbackHash` is the CMS digest algorithm, for signers that name
 * only the key type (rsaEncryption, ecPublicKey) as their signature algorithm.
 */
export function verifySignature(
  key: PublicKeyInfo,
  algorithm: AlgorithmIdentifier,
  data: Uint8Array,
  signature: Uint8Array,
  fallbackHash?: string,
): boolean {
  try {
    if (key.kind === 'rsa') {
      if (algorithm.oid === RSA_PSS) {
        const { hash, saltLength } = pssParams(algorithm.params);
        return verify(hash, data, { key: key.key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength }, signature);
      }
      const hash = RSA_HASH[algorithm.oid] ?? (algorithm.oid === RSA_PLAIN ? fallbackHash : undefined);
      if (!hash) return false;
      return verify(hash, data, { key: key.key, padding: constants.RSA_PKCS1_PADDING }, signature);
    }
    if (key.kind === 'ec') {
      const hash = ECDSA_HASH[algorithm.oid] ?? (algorithm.oid === EC_PLAIN ? fallbackHash : undefined);
      if (!hash) return false;
      return verifyEcdsa(key, hash, data, signature, 'der');
    }
    return false;
  } catch {
    return false;
  }
}
