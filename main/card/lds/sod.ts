// EF.SOD: CMS SignedData holding the data-group hashes (LDSSecurityObject) and the document signer certificate.
import { createHash } from 'node:crypto';
import { CardError } from '../card-channel';
import { bytesEqual } from '../protocol/octets';
import { decodeOid, hashNameOfOid, OID } from '../protocol/oid';
import { readSingleTlv, tlvBytes, tlvChildren, tlvValue, type Tlv } from '../protocol/tlv';
import { parseAlgorithmIdentifier, parseCertificate, type AlgorithmIdentifier, type Certificate } from './certificate';
import { verifySignature } from './signature';

export interface Sod {
  hashAlgorithm: string;
  dataGroupHashes: Map<number, Uint8Array>;
  certificates: Certificate[];
  signer: Certificate | undefined;
  /** 'absent' when the SOD carries no signer certificate to check against. */
  signature: 'valid' | 'invalid' | 'absent';
}

function child(t: Tlv, index: number, tag?: number): Tlv {
  const c = tlvChildren(t)[index];
  if (!c || (tag !== undefined && c.tag !== tag)) throw new CardError('malformed', `EF.SOD element ${index} of ${t.tag.toString(16)}`);
  return c;
}

function parseLdsSecurityObject(bytes: Uint8Array): { hashAlgorithm: string; hashes: Map<number, Uint8Array> } {
  const lso = readSingleTlv(bytes, 0x30);
  const alg = parseAlgorithmIdentifier(child(lso, 1, 0x30), decodeOid);
  const hashAlgorithm = hashNameOfOid(alg.oid);
  if (!hashAlgorithm) throw new CardError('malformed', `EF.SOD hash algorithm ${alg.oid}`);
  const hashes = new Map<number, Uint8Array>();
  for (const entry of tlvChildren(child(lso, 2, 0x30))) {
    const [n, h] = tlvChildren(entry);
    if (!n || n.tag !== 0x02 || !h || h.tag !== 0x04 || tlvValue(n).length !== 1) {
      throw new CardError('malformed', 'EF.SOD data group hash entry');
    }
    hashes.set(tlvValue(n)[0]!, tlvValue(h));
  }
  return { hashAlgorithm, hashes };
}

function matchesSigner(sid: Tlv, cert: Certificate): boolean {
  if (sid.tag === 0x30) {
    const [issuer, serial] = tlvChildren(sid);
    return !!issuer && !!serial && bytesEqual(tlvBytes(issuer), cert.issuer) && bytesEqual(tlvValue(serial), cert.serial);
  }
  return false;
}

export function parseSod(bytes: Uint8Array): Sod {
  const outer = readSingleTlv(bytes, 0x77);
  const contentInfo = child(outer, 0, 0x30);
  if (decodeOid(tlvValue(child(contentInfo, 0, 0x06))) !== OID.signedData) throw new CardError('malformed', 'EF.SOD is not SignedData');
  const signedData = child(child(contentInfo, 1, 0xa0), 0, 0x30);
  const parts = tlvChildren(signedData);
  const encap = parts[2];
  if (!encap || encap.tag !== 0x30) throw new CardError('malformed', 'EF.SOD encapsulated content');
  const eContentType = decodeOid(tlvValue(child(encap, 0, 0x06)));
  const eContent = tlvValue(child(child(encap, 1, 0xa0), 0, 0x04));
  const { hashAlgorithm, hashes } = parseLdsSecurityObject(eContent);

  const certificates: Certificate[] = [];
  const certSet = parts.find((p) => p.tag === 0xa0);
  if (certSet) for (const c of tlvChildren(certSet)) if (c.tag === 0x30) certificates.push(parseCertificate(tlvBytes(c), decodeOid));
  const signerInfos = parts.at(-1);
  if (!signerInfos || signerInfos.tag !== 0x31) throw new CardError('malformed', 'EF.SOD signer infos');
  const signerInfo = child(signerInfos, 0, 0x30);
  const si = tlvChildren(signerInfo);
  const sid = si[1]!;
  const digestAlg = parseAlgorithmIdentifier(child(signerInfo, 2, 0x30), decodeOid);
  const digestName = hashNameOfOid(digestAlg.oid);
  const signedAttrs = si[3]?.tag === 0xa0 ? si[3] : undefined;
  const sigAlgTlv = si[signedAttrs ? 4 : 3];
  const sigTlv = si[signedAttrs ? 5 : 4];
  if (!sigAlgTlv || !sigTlv || sigTlv.tag !== 0x04) throw new CardError('malformed', 'EF.SOD signer info');
  const signatureAlgorithm: AlgorithmIdentifier = parseAlgorithmIdentifier(sigAlgTlv, decodeOid);
  const signer = certificates.find((c) => matchesSigner(sid, c)) ?? (certificates.length === 1 ? certificates[0] : undefined);

  let signature: Sod['signature'] = 'absent';
  if (signer) {
    signature = 'invalid';
    let signedBytes: Uint8Array = eContent;
    let attrsOk = true;
    if (signedAttrs) {
      attrsOk = false;
      if (digestName) {
        const expected = new Uint8Array(createHash(digestName).update(eContent).digest());
        for (const attr of tlvChildren(signedAttrs)) {
          const [type, values] = tlvChildren(attr);
          if (!type || !values) continue;
          const typeOid = decodeOid(tlvValue(type));
          const [value] = tlvChildren(values);
          if (typeOid === OID.messageDigest && value?.tag === 0x04 && bytesEqual(tlvValue(value), expected)) attrsOk = true;
          if (typeOid === OID.contentType && value?.tag === 0x06 && decodeOid(tlvValue(value)) !== eContentType) {
            attrsOk = false;
            break;
          }
        }
      }
      // The signature covers the attributes re-tagged as a SET (RFC 5652 5.4).
      signedBytes = tlvBytes(signedAttrs).slice();
      signedBytes[0] = 0x31;
    }
    if (attrsOk && verifySignature(signer.publicKey, signatureAlgorithm, signedBytes, tlvValue(sigTlv), digestName)) {
      signature = 'valid';
    }
  }
  return { hashAlgorithm, dataGroupHashes: hashes, certificates, signer, signature };
}

export function dataGroupHashMatches(sod: Sod, dg: number, content: Uint8Array): boolean {
  const expected = sod.dataGroupHashes.get(dg);
  if (!expected) return false;
  return bytesEqual(new Uint8Array(createHash(sod.hashAlgorithm).update(content).digest()), expected);
}

/** Document signer to an imported country signing certificate: 'unknown' when none was imported. */
export function checkChain(signer: Certificate | undefined, cscaCertificates: readonly Uint8Array[]): 'valid' | 'invalid' | 'unknown' {
  if (cscaCertificates.length === 0) return 'unknown';
  if (!signer) return 'invalid';
  for (const der of cscaCertificates) {
    let csca: Certificate;
    try {
      csca = parseCertificate(der, decodeOid);
    } catch {
      continue;
    }
    if (!bytesEqual(csca.subject, signer.issuer)) continue;
    if (verifySignature(csca.publicKey, signer.signatureAlgorithm, signer.tbs, signer.signature)) return 'valid';
  }
  return 'invalid';
}
