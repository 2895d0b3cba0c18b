// SubjectPublicKeyInfo of DG14, DG15 and certificates: EC keys to a known curve and point, RSA keys to a KeyObject.
import { createPublicKey, type KeyObject } from 'node:crypto';
import { CardError } from '../card-channel';
import { curveByOid, curveByParameters, type EcCurve } from '../protocol/curves';
import { bytesToBigInt } from '../protocol/octets';
import { decodeOid, OID } from '../protocol/oid';
import { readSingleTlv, tlvBytes, tlvChildren, tlvValue, type Tlv } from '../protocol/tlv';

export type PublicKeyInfo =
  | { kind: 'ec'; curve: EcCurve; point: Uint8Array; spki: Uint8Array }
  | { kind: 'rsa'; key: KeyObject; modulusBytes: number }
  | { kind: 'unsupported'; algorithm: string };

function explicitCurve(params: Tlv): EcCurve | undefined {
  const [, fieldId, curveSeq, base, order] = tlvChildren(params);
  if (!fieldId || !curveSeq || !base || !order) return undefined;
  const [fieldType, prime] = tlvChildren(fieldId);
  if (!fieldType || !prime || decodeOid(tlvValue(fieldType)) !== OID.primeField) return undefined;
  const [a, b] = tlvChildren(curveSeq);
  const g = tlvValue(base);
  if (!a || !b || g[0] !== 0x04) return undefined;
  const half = (g.length - 1) / 2;
  return curveByParameters(
    bytesToBigInt(tlvValue(prime)),
    bytesToBigInt(tlvValue(a)),
    bytesToBigInt(tlvValue(b)),
    bytesToBigInt(g.subarray(1, 1 + half)),
    bytesToBigInt(g.subarray(1 + half)),
    bytesToBigInt(tlvValue(order)),
  );
}

/** `spki` is the SubjectPublicKeyInfo SEQUENCE element. */
export function parsePublicKeyInfo(spki: Tlv): PublicKeyInfo {
  const [algorithm, bits] = tlvChildren(spki);
  if (!algorithm || !bits || bits.tag !== 0x03) throw new CardError('malformed', 'SubjectPublicKeyInfo');
  const [algOid, params] = tlvChildren(algorithm);
  if (!algOid || algOid.tag !== 0x06) throw new CardError('malformed', 'public key algorithm');
  const oid = decodeOid(tlvValue(algOid));
  const keyBits = tlvValue(bits).subarray(1);
  if (oid === OID.ecPublicKey || oid === OID.pkEcdh) {
    let curve: EcCurve | undefined;
    if (params?.tag === 0x06) curve = curveByOid(decodeOid(tlvValue(params)));
    else if (params?.tag === 0x30) curve = explicitCurve(params);
    if (!curve) return { kind: 'unsupported', algorithm: 'EC with unknown domain parameters' };
    return { kind: 'ec', curve, point: keyBits, spki: tlvBytes(spki) };
  }
  if (oid === OID.rsaEncryption) {
    const key = createPublicKey({ key: Buffer.from(tlvBytes(spki)), format: 'der', type: 'spki' });
    const modulusLength = key.asymmetricKeyDetails?.modulusLength ?? 0;
    return { kind: 'rsa', key, modulusBytes: Math.ceil(modulusLength / 8) };
  }
  return { kind: 'unsupported', algorithm: oid };
}

/** DG15: tag 6F around a SubjectPublicKeyInfo. */
export function parseDg15(bytes: Uint8Array): PublicKeyInfo {
  const outer = readSingleTlv(bytes, 0x6f);
  const [spki] = tlvChildren(outer);
  if (!spki) throw new CardError('malformed', 'DG15 is empty');
  return parsePublicKeyInfo(spki);
}
