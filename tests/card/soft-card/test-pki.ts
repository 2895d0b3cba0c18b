// A country signing certificate and a document signer, generated at test time with Node's crypto.
import { createHash, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { der } from './der-writer';

export interface TestCertificate {
  der: Uint8Array;
  privateKey: KeyObject;
  name: Uint8Array;
  serial: number;
}

export type SignerKind = 'rsa' | 'ecdsa-brainpool' | 'rsa-pss';

const SHA256 = '2.16.840.1.101.3.4.2.1';

function name(cn: string): Uint8Array {
  return der.seq(der.set(der.seq(der.oid('2.5.4.6'), der.printable('VN'))), der.set(der.seq(der.oid('2.5.4.3'), der.utf8(cn))));
}

function algorithmOf(kind: SignerKind): Uint8Array {
  if (kind === 'rsa') return der.seq(der.oid('1.2.840.113549.1.1.11'), der.null());
  if (kind === 'ecdsa-brainpool') return der.seq(der.oid('1.2.840.10045.4.3.2'));
  return der.seq(
    der.oid('1.2.840.113549.1.1.10'),
    der.seq(
      der.ctx(0, der.seq(der.oid(SHA256))),
      der.ctx(1, der.seq(der.oid('1.2.840.113549.1.1.8'), der.seq(der.oid(SHA256)))),
      der.ctx(2, der.int(32)),
    ),
  );
}

export function signWith(kind: SignerKind, key: KeyObject, data: Uint8Array): Uint8Array {
  if (kind === 'rsa-pss') {
    return new Uint8Array(sign('sha256', data, { key, padding: 6 /* RSA_PKCS1_PSS_PADDING */, saltLength: 32 }));
  }
  return new Uint8Array(sign('sha256', data, key));
}

function keyPair(kind: SignerKind): { publicKey: KeyObject; privateKey: KeyObject } {
  return kind === 'ecdsa-brainpool'
    ? generateKeyPairSync('ec', { namedCurve: 'brainpoolP256r1' })
    : generateKeyPairSync('rsa', { modulusLength: 2048 });
}

function certificate(
  subject: string,
  serial: number,
  subjectKey: KeyObject,
  issuer: { name: Uint8Array; key: KeyObject; kind: SignerKind },
  isCa = false,
): Uint8Array {
  const now = Date.now();
  // basicConstraints cA=TRUE (critical), as ICAO 9303-12 requires of a CSCA.
  const caExtension = der.ctx(3, der.seq(der.seq(der.oid('2.5.29.19'), der.tlv(0x01, Uint8Array.of(0xff)), der.octets(der.seq(der.tlv(0x01, Uint8Array.of(0xff)))))));
  const tbs = der.seq(
    der.ctx(0, der.int(2)),
    der.int(serial),
    algorithmOf(issuer.kind),
    issuer.name,
    der.seq(der.utcTime(new Date(now - 86_400_000)), der.utcTime(new Date(now + 5 * 365 * 86_400_000))),
    name(subject),
    new Uint8Array(subjectKey.export({ type: 'spki', format: 'der' })),
    ...(isCa ? [caExtension] : []),
  );
  return der.seq(tbs, algorithmOf(issuer.kind), der.bits(signWith(issuer.kind, issuer.key, tbs)));
}

export interface TestPki {
  csca: TestCertificate & { kind: SignerKind };
  signer: TestCertificate & { kind: SignerKind };
}

export function createTestPki(signerKind: SignerKind = 'ecdsa-brainpool', cscaKind: SignerKind = 'rsa'): TestPki {
  const cscaKeys = keyPair(cscaKind);
  const cscaName = name('CSCA thử nghiệm');
  const cscaDer = certificate('CSCA thử nghiệm', 1, cscaKeys.publicKey, { name: cscaName, key: cscaKeys.privateKey, kind: cscaKind }, true);
  const dsKeys = keyPair(signerKind === 'rsa-pss' ? 'rsa' : signerKind);
  const dsDer = certificate('Document Signer thử nghiệm', 4242, dsKeys.publicKey, {
    name: cscaName,
    key: cscaKeys.privateKey,
    kind: cscaKind,
  });
  return {
    csca: { der: cscaDer, privateKey: cscaKeys.privateKey, name: cscaName, serial: 1, kind: cscaKind },
    signer: { der: dsDer, privateKey: dsKeys.privateKey, name: name('Document Signer thử nghiệm'), serial: 4242, kind: signerKind },
  };
}

/** EF.SOD: tag 77 around CMS SignedData over an LDSSecurityObject of SHA-256 data-group hashes. */
export function buildSod(pki: TestPki, dataGroups: Map<number, Uint8Array>, options: { corruptSignature?: boolean } = {}): Uint8Array {
  const hashes = [...dataGroups.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([dg, bytes]) => der.seq(der.int(dg), der.octets(new Uint8Array(createHash('sha256').update(bytes).digest()))));
  const lso = der.seq(der.int(0), der.seq(der.oid(SHA256), der.null()), der.seq(...hashes));
  const attrs = [
    der.seq(der.oid('1.2.840.113549.1.9.3'), der.set(der.oid('2.23.136.1.1.1'))),
    der.seq(der.oid('1.2.840.113549.1.9.4'), der.set(der.octets(new Uint8Array(createHash('sha256').update(lso).digest())))),
  ];
  const signedAttrs = der.ctx(0, ...attrs);
  const toSign = der.set(...attrs);
  const signature = signWith(pki.signer.kind, pki.signer.privateKey, toSign);
  if (options.corruptSignature) signature[10]! ^= 0x01;
  const signerInfo = der.seq(
    der.int(1),
    der.seq(pki.csca.name, der.int(pki.signer.serial)),
    der.seq(der.oid(SHA256), der.null()),
    signedAttrs,
    algorithmOf(pki.signer.kind),
    der.octets(signature),
  );
  const signedData = der.seq(
    der.int(3),
    der.set(der.seq(der.oid(SHA256), der.null())),
    der.seq(der.oid('2.23.136.1.1.1'), der.ctx(0, der.octets(lso))),
    der.ctx(0, pki.signer.der),
    der.set(signerInfo),
  );
  return der.tlv(0x77, der.seq(der.oid('1.2.840.113549.1.7.2'), der.ctx(0, signedData)));
}
