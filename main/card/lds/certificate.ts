// The parts of an X.509 certificate passive authentication needs, read with our TLV reader so that the same
// signature code (portable to Electron's BoringSSL, which lacks Brainpool) checks SOD and chain.
import { CardError } from '../card-channel';
import { readSingleTlv, tlvBytes, tlvChildren, tlvValue, type Tlv } from '../protocol/tlv';
import { parsePublicKeyInfo, type PublicKeyInfo } from './public-key';

export interface AlgorithmIdentifier {
  oid: string;
  params: Tlv | undefined;
}

export interface Certificate {
  der: Uint8Array;
  tbs: Uint8Array;
  serial: Uint8Array;
  issuer: Uint8Array;
  subject: Uint8Array;
  publicKey: PublicKeyInfo;
  signatureAlgorithm: AlgorithmIdentifier;
  signature: Uint8Array;
}

export function parseAlgorithmIdentifier(t: Tlv, decodeOid: (b: Uint8Array) => string): AlgorithmIdentifier {
  const [oid, params] = tlvChildren(t);
  if (!oid || oid.tag !== 0x06) throw new CardError('malformed', 'AlgorithmIdentifier');
  return { oid: decodeOid(tlvValue(oid)), params: params && params.tag !== 0x05 ? params : undefined };
}

export function parseCertificate(der: Uint8Array, decodeOid: (b: Uint8Array) => string): Certificate {
  const cert = readSingleTlv(der, 0x30);
  const [tbs, sigAlg, sig] = tlvChildren(cert);
  if (!tbs || !sigAlg || !sig || sig.tag !== 0x03) throw new CardError('malformed', 'certificate');
  const parts = tlvChildren(tbs);
  const offset = parts[0]?.tag === 0xa0 ? 1 : 0;
  const [serial, , issuer, , subject, spki] = parts.slice(offset);
  if (!serial || !issuer || !subject || !spki) throw new CardError('malformed', 'certificate body');
  return {
    der: tlvBytes(cert),
    tbs: tlvBytes(tbs),
    serial: tlvValue(serial),
    issuer: tlvBytes(issuer),
    subject: tlvBytes(subject),
    publicKey: parsePublicKeyInfo(spki),
    signatureAlgorithm: parseAlgorithmIdentifier(sigAlg, decodeOid),
    signature: tlvValue(sig).subarray(1),
  };
}
