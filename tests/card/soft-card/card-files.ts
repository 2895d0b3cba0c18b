// Every file of a soft CCCD chip, its keys, and the ways a test may spoil them.
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { curveByName, encodePoint, randomScalar, type EcCurve } from '../../../main/card/protocol/curves';
import { bigIntToBytes } from '../../../main/card/protocol/octets';
import { OID } from '../../../main/card/protocol/oid';
import { der } from './der-writer';
import { buildSod, createTestPki, type TestPki } from './test-pki';
import { buildDg1, buildDg13, buildDg2, buildEfCom, fakeJpeg, SAMPLE_PERSON, type Dg13Layout, type TestPerson } from './test-person';

export interface CardFileOptions {
  person?: TestPerson;
  pki?: TestPki;
  photoBytes?: number;
  dg13Layout?: Dg13Layout;
  /** Announce PACE in EF.CardAccess (a BAC-only card has no EF.CardAccess). */
  pace?: boolean;
  chipAuthentication?: boolean;
  /** DG14 carries the chip key with explicit domain parameters, as many issuers do. */
  explicitDomainParameters?: boolean;
  activeAuthentication?: 'ecdsa' | 'rsa' | false;
  /** Spoilers for hostile-card tests. */
  spoil?: {
    tamperDg13AfterSigning?: boolean;
    corruptSignature?: boolean;
    malformedDg13?: boolean;
    dg1LengthPastEnd?: boolean;
    caKeyMismatch?: boolean;
    aaKeyMismatch?: boolean;
  };
}

export interface CardFiles {
  person: TestPerson;
  pki: TestPki;
  /** Master file. */
  mf: Map<number, Uint8Array>;
  /** eMRTD application. */
  app: Map<number, Uint8Array>;
  caCurve: EcCurve;
  caPrivateKey: bigint;
  aaKey: { kind: 'ecdsa' | 'rsa'; privateKey: KeyObject } | null;
}

const CA_PROTOCOL = `${OID.caEcdh}.2`; // ECDH, AES-128
export const PACE_PROTOCOL = `${OID.paceEcdhGm}.2`; // ECDH-GM, AES-128

function fieldBytes(value: bigint, size: number): Uint8Array {
  return bigIntToBytes(value, size);
}

function ecSpki(curve: EcCurve, point: Uint8Array, explicit: boolean, algorithm = OID.ecPublicKey): Uint8Array {
  let params: Uint8Array;
  if (explicit) {
    const c = curve.Point.CURVE();
    params = der.seq(
      der.int(1),
      der.seq(der.oid(OID.primeField), der.int(c.p)),
      der.seq(der.octets(fieldBytes(c.a, curve.size)), der.octets(fieldBytes(c.b, curve.size))),
      der.octets(encodePoint(curve.Point.BASE)),
      der.int(c.n),
      der.int(c.h ?? 1n),
    );
  } else params = der.oid(curve.oid);
  return der.seq(der.seq(der.oid(algorithm), params), der.bits(point));
}

let sharedPki: TestPki | undefined;
/** Generating RSA keys is slow: tests share one PKI unless they ask for their own. */
export function defaultPki(): TestPki {
  sharedPki ??= createTestPki();
  return sharedPki;
}

export function buildCardFiles(options: CardFileOptions = {}): CardFiles {
  const person = options.person ?? SAMPLE_PERSON;
  const pki = options.pki ?? defaultPki();
  const spoil = options.spoil ?? {};
  const caCurve = curveByName('brainpoolP256r1');
  const caPrivateKey = randomScalar(caCurve);
  const caPublished = spoil.caKeyMismatch ? randomScalar(caCurve) : caPrivateKey;

  const app = new Map<number, Uint8Array>();
  const mf = new Map<number, Uint8Array>();
  const tags = [0x61, 0x75, 0x63, 0x6d];

  let dg1 = buildDg1(person);
  if (spoil.dg1LengthPastEnd) {
    // Outer length says 0x1F0 bytes; the file holds far fewer.
    const inner = dg1.subarray(2);
    dg1 = Uint8Array.from([0x61, 0x82, 0x01, 0xf0, ...inner]);
  }
  app.set(0x0101, dg1);
  app.set(0x0102, buildDg2(fakeJpeg(options.photoBytes ?? 20_000)));
  app.set(0x0103, der.tlv(0x63, Uint8Array.of(0x02, 0x01, 0x00)));
  let dg13 = buildDg13(person, options.dg13Layout);
  if (spoil.malformedDg13) {
    // The field-2 name claims 0x7F bytes inside a sequence that is far shorter.
    const copy = dg13.slice();
    const at = copy.findIndex((b, i) => b === 0x0c && copy[i - 3] === 0x02 && copy[i - 1] === 0x02);
    copy[at + 1] = 0x7f;
    dg13 = copy;
  }
  app.set(0x010d, dg13);

  let aaKey: CardFiles['aaKey'] = null;
  const securityInfos: Uint8Array[] = [];
  if (options.chipAuthentication !== false) {
    const point = encodePoint(caCurve.Point.BASE.multiply(caPublished));
    securityInfos.push(der.seq(der.oid(CA_PROTOCOL), der.int(1)));
    securityInfos.push(der.seq(der.oid(OID.pkEcdh), ecSpki(caCurve, point, options.explicitDomainParameters ?? false)));
  }
  const aa = options.activeAuthentication ?? 'ecdsa';
  if (aa) {
    const pair =
      aa === 'ecdsa'
        ? generateKeyPairSync('ec', { namedCurve: 'brainpoolP256r1' })
        : generateKeyPairSync('rsa', { modulusLength: 1024 });
    const published = spoil.aaKeyMismatch
      ? aa === 'ecdsa'
        ? generateKeyPairSync('ec', { namedCurve: 'brainpoolP256r1' }).publicKey
        : generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey
      : pair.publicKey;
    aaKey = { kind: aa, privateKey: pair.privateKey };
    app.set(0x010f, der.tlv(0x6f, new Uint8Array(published.export({ type: 'spki', format: 'der' }))));
    tags.push(0x6f);
    if (aa === 'ecdsa') securityInfos.push(der.seq(der.oid(OID.activeAuthentication), der.int(1), der.oid(`${OID.ecdsaPlain}.3`)));
  }
  if (securityInfos.length > 0) {
    app.set(0x010e, der.tlv(0x6e, der.set(...securityInfos)));
    tags.push(0x6e);
  }
  app.set(0x011e, buildEfCom(tags));

  const hashed = new Map<number, Uint8Array>();
  for (const [fid, bytes] of app) if (fid >= 0x0101 && fid <= 0x0110) hashed.set(fid - 0x0100, bytes);
  app.set(0x011d, buildSod(pki, hashed, { corruptSignature: spoil.corruptSignature }));
  if (spoil.tamperDg13AfterSigning) {
    app.set(0x010d, buildDg13({ ...person, permanentAddress: person.permanentAddress.replace('18', '81') }, options.dg13Layout));
  }

  if (options.pace !== false) {
    const infos = [
      der.seq(der.oid(PACE_PROTOCOL), der.int(2), der.int(13)),
      der.seq(der.oid(OID.taProtocol), der.int(1)),
    ];
    if (options.chipAuthentication !== false) infos.push(der.seq(der.oid(CA_PROTOCOL), der.int(1)));
    mf.set(0x011c, der.set(...infos));
  }
  return { person, pki, mf, app, caCurve, caPrivateKey, aaKey };
}
