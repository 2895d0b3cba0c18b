// A software Vietnamese chip ID card: the CHIP side of PACE (ECDH-GM, AES), BAC (3DES), secure messaging, chip
// and active authentication, and the eMRTD files. It reuses the product's crypto primitives (checked against the
// ICAO vectors) but frames every protocol message itself, from the card's point of view.
import { constants, createHash, privateEncrypt, randomBytes, sign } from 'node:crypto';
import { aesCipher, tripleDesCipher } from '../../../main/card/protocol/block-cipher';
import { decodePoint, encodePoint, randomScalar, xCoordinate, type EcCurve, type EcPoint } from '../../../main/card/protocol/curves';
import { deriveKey, KDF_ENC, KDF_MAC, type SmCipherKind } from '../../../main/card/protocol/kdf';
import { RetailMac } from '../../../main/card/protocol/mac';
import { mrzInformationBytes, type MrzKey } from '../../../main/card/protocol/mrz-keys';
import { bytesEqual, bytesToBigInt, concatBytes, padIso9797, unpadIso9797, xorBytes } from '../../../main/card/protocol/octets';
import { decodeOid } from '../../../main/card/protocol/oid';
import { pacePasswordKey, paceToken } from '../../../main/card/protocol/pace';
import { createSmCipher, type SmCipher } from '../../../main/card/protocol/sm-cipher';
import { encodeTlv, readSingleTlv, tlvChildren, tlvSequence, tlvValue } from '../../../main/card/protocol/tlv';
import { curveByParameterId } from '../../../main/card/protocol/curves';
import { buildCardFiles, PACE_PROTOCOL, type CardFileOptions, type CardFiles } from './card-files';
import type { SoftCard } from './soft-card';
import { documentNumberOf, yymmdd } from './test-person';

export interface SoftCardBehaviour {
  bac?: boolean;
  /**
   * The chip takes extended-length APDUs and answers up to this many bytes in one response APDU (data and SW),
   * as its EF.ATR/INFO says (DO 7F66). Absent: short APDUs only and no EF.ATR/INFO, as on cards seen so far.
   */
  extendedLength?: number;
  /** False: READ BINARY by short file identifier inside the application is refused (6A86). */
  sfi?: boolean;
  /** Largest response data the chip returns; a larger Le gets 6700. */
  maxLe?: number;
  /** Return at most this many bytes per READ BINARY with 9000, whatever Le asked. */
  shortReads?: number;
  /** After this many protected answers, every MAC the chip sends is wrong. */
  wrongMacAfter?: number;
  /** GENERAL AUTHENTICATE answered with a bare 9000, as if a step was skipped. */
  generalAuthenticateOutOfSequence?: boolean;
  /** Replay the previous protected answer to this READ BINARY (1-based count of reads). */
  replayReadNumber?: number;
  /** The first READ BINARY of this file at this offset fails with a plain 6F00, dropping SM. */
  dropSmAt?: { fid: number; offset: number };
}

export type SoftCardOptions = CardFileOptions & SoftCardBehaviour;

const AID = Uint8Array.of(0xa0, 0x00, 0x00, 0x02, 0x47, 0x10, 0x01);
const SW = (sw: number) => Uint8Array.of(sw >> 8, sw & 0xff);

interface Reply {
  data?: Uint8Array;
  sw: number;
  /** Keys to switch to after this answer went out (chip authentication). */
  switchTo?: SmCipher;
}

class CardSm {
  ssc: Uint8Array;
  constructor(
    readonly cipher: SmCipher,
    ssc: Uint8Array,
  ) {
    this.ssc = ssc.slice();
  }
  increment(): void {
    for (let i = this.ssc.length - 1; i >= 0; i--) {
      this.ssc[i] = (this.ssc[i]! + 1) & 0xff;
      if (this.ssc[i] !== 0) break;
    }
  }
}

interface PaceState {
  step: number;
  protocol: string;
  curve: EcCurve;
  kPi: Uint8Array;
  cipher: SmCipherKind;
  nonce?: bigint;
  mapped?: EcPoint;
  pkIfd?: Uint8Array;
  pkIc?: Uint8Array;
  kEnc?: Uint8Array;
  kMac?: Uint8Array;
}

export class CccdSoftCard implements SoftCard {
  readonly atr = Uint8Array.of(0x3b, 0x88, 0x80, 0x01, 0x00, 0x00, 0x00, 0x00, 0x77, 0x81, 0x81, 0x00, 0x7e);
  readonly files: CardFiles;
  /** Every APDU seen, for tests counting commands. */
  readonly log: Uint8Array[] = [];
  private readonly behaviour: SoftCardBehaviour;
  private powered = false;
  private inApp = false;
  private currentEf: number | null = null;
  private sm: CardSm | null = null;
  private pace: PaceState | null = null;
  private bacChallenge: Uint8Array | null = null;
  private caPending: { protocol: string } | null = null;
  private protectedAnswers = 0;
  private reads = 0;
  private lastProtected: Uint8Array | null = null;
  private dropped = false;
  private pendingSm: CardSm | null = null;

  constructor(options: SoftCardOptions = {}) {
    this.files = buildCardFiles(options);
    this.behaviour = options;
    if (options.extendedLength !== undefined) {
      const max = options.extendedLength;
      // EF.ATR/INFO (2F01, SFI 01): extended length information, the largest command and response APDUs.
      const int = (n: number) => encodeTlv(0x02, Uint8Array.of(n >> 8, n & 0xff));
      this.files.mf.set(0x2f01, encodeTlv(0x7f66, concatBytes(int(Math.min(max, 0xffff)), int(Math.min(max, 0xffff)))));
    }
  }

  get can(): string {
    return this.files.person.idNumber.slice(-6);
  }

  get mrzKey(): MrzKey {
    return { documentNumber: documentNumberOf(this.files.person), birth: yymmdd(this.files.person.birth), expiry: yymmdd(this.files.person.expiry) };
  }

  powerOn(): void {
    this.powered = true;
    this.reset();
  }

  powerOff(): void {
    this.powered = false;
    this.reset();
  }

  private reset(): void {
    this.inApp = false;
    this.currentEf = null;
    this.sm = null;
    this.pace = null;
    this.bacChallenge = null;
    this.caPending = null;
    this.pendingSm = null;
  }

  process(apdu: Uint8Array): Uint8Array {
    if (!this.powered) this.powerOn();
    this.log.push(apdu.slice());
    if (apdu.length < 4) return SW(0x6700);
    if (this.behaviour.extendedLength === undefined && apdu.length > 5 && apdu[4] === 0) return SW(0x6700);
    const cla = apdu[0]!;
    if (this.sm) {
      if ((cla & 0x0c) !== 0x0c) {
        this.sm = null;
        return SW(0x6987);
      }
      return this.processProtected(apdu);
    }
    const { data, le } = parseBody(apdu);
    const reply = this.execute(cla, apdu[1]!, apdu[2]!, apdu[3]!, data, le, false);
    if (this.pendingSm) {
      // SM keys agreed by BAC or PACE take effect after the answer that completed the handshake.
      this.sm = this.pendingSm;
      this.pendingSm = null;
    }
    return concatBytes(reply.data ?? new Uint8Array(0), SW(reply.sw));
  }

  private processProtected(apdu: Uint8Array): Uint8Array {
    const sm = this.sm!;
    const body = parseBody(apdu).data ?? new Uint8Array(0);
    sm.increment();
    let objects;
    try {
      objects = tlvSequence(body);
    } catch {
      this.sm = null;
      return SW(0x6988);
    }
    const bs = sm.cipher.blockSize;
    let macInputEnd = 0;
    let mac: Uint8Array | undefined;
    let cryptogram: Uint8Array | undefined;
    let le: number | undefined;
    for (const o of objects) {
      if (o.tag === 0x8e) {
        mac = tlvValue(o);
        break;
      }
      if (o.tag === 0x87) cryptogram = tlvValue(o).subarray(1);
      if (o.tag === 0x85) cryptogram = tlvValue(o);
      if (o.tag === 0x97) {
        const v = tlvValue(o);
        le = v.length === 2 ? ((v[0]! << 8) | v[1]!) || 65536 : v[0] === 0 ? 256 : v[0];
      }
      macInputEnd = o.end;
    }
    const header = padIso9797(apdu.subarray(0, 4), bs);
    const expected = sm.cipher.mac(padIso9797(concatBytes(sm.ssc, header, body.subarray(0, macInputEnd)), bs));
    if (!mac || !bytesEqual(mac, expected)) {
      this.sm = null;
      return SW(0x6988);
    }
    let data: Uint8Array | undefined;
    if (cryptogram) {
      const plain = unpadIso9797(sm.cipher.decrypt(cryptogram, sm.ssc));
      if (!plain) {
        this.sm = null;
        return SW(0x6988);
      }
      data = plain;
    }
    const reply = this.execute(apdu[0]! & ~0x0c, apdu[1]!, apdu[2]!, apdu[3]!, data, le, true);
    if (reply.sw === -1) {
      // A plain failure that ends secure messaging.
      this.sm = null;
      return SW(0x6f00);
    }
    if (this.behaviour.replayReadNumber !== undefined && apdu[1] === 0xb0 && this.reads === this.behaviour.replayReadNumber && this.lastProtected) {
      // Answer with yesterday's news: the SSC does not match.
      return this.lastProtected;
    }
    const out = this.protect(sm, reply);
    if (reply.switchTo) this.sm = new CardSm(reply.switchTo, new Uint8Array(reply.switchTo.blockSize));
    this.lastProtected = out;
    return out;
  }

  private protect(sm: CardSm, reply: Reply): Uint8Array {
    const bs = sm.cipher.blockSize;
    sm.increment();
    let do87: Uint8Array = new Uint8Array(0);
    if (reply.data && reply.data.length > 0) {
      do87 = encodeTlv(0x87, concatBytes(Uint8Array.of(0x01), sm.cipher.encrypt(padIso9797(reply.data, bs), sm.ssc)));
    }
    const do99 = encodeTlv(0x99, SW(reply.sw));
    const mac = sm.cipher.mac(padIso9797(concatBytes(sm.ssc, do87, do99), bs)).slice();
    this.protectedAnswers++;
    if (this.behaviour.wrongMacAfter !== undefined && this.protectedAnswers > this.behaviour.wrongMacAfter) mac[0]! ^= 0xff;
    return concatBytes(do87, do99, encodeTlv(0x8e, mac), SW(reply.sw));
  }

  private execute(cla: number, ins: number, p1: number, p2: number, data: Uint8Array | undefined, le: number | undefined, secured: boolean): Reply {
    switch (ins) {
      case 0xa4:
        return this.select(p1, data);
      case 0xb0:
        return this.readBinary(p1, p2, le ?? 256, secured);
      case 0x84:
        return this.getChallenge(secured);
      case 0x82:
        return this.externalAuthenticate(data, secured);
      case 0x22:
        return this.manageSecurityEnvironment(p1, p2, data, secured);
      case 0x86:
        return this.generalAuthenticate(cla, data, secured);
      case 0x88:
        return this.internalAuthenticate(data, secured);
      default:
        return { sw: 0x6d00 };
    }
  }

  private select(p1: number, data: Uint8Array | undefined): Reply {
    if (!data) return { sw: 0x6700 };
    if (p1 === 0x04) {
      if (!bytesEqual(data, AID)) return { sw: 0x6a82 };
      this.inApp = true;
      this.currentEf = null;
      return { sw: 0x9000 };
    }
    const fid = data.length === 2 ? (data[0]! << 8) | data[1]! : -1;
    if (fid === 0x3f00) {
      this.inApp = false;
      this.currentEf = null;
      return { sw: 0x9000 };
    }
    const dir = this.inApp ? this.files.app : this.files.mf;
    if (!dir.has(fid)) return { sw: 0x6a82 };
    this.currentEf = fid;
    return { sw: 0x9000 };
  }

  private readBinary(p1: number, p2: number, le: number, secured: boolean): Reply {
    let offset: number;
    if (p1 & 0x80) {
      if (this.inApp && this.behaviour.sfi === false) return { sw: 0x6a86 };
      const sfi = p1 & 0x1f;
      const fid = !this.inApp && sfi === 0x01 ? 0x2f01 : 0x0100 | sfi;
      const dir = this.inApp ? this.files.app : this.files.mf;
      if (!dir.has(fid)) return { sw: 0x6a82 };
      this.currentEf = fid;
      offset = p2;
    } else offset = ((p1 & 0x7f) << 8) | p2;
    if (this.currentEf === null) return { sw: 0x6986 };
    if (this.inApp && !secured) return { sw: 0x6982 };
    if (this.currentEf === 0x0103) return { sw: 0x6982 };
    const file = (this.inApp ? this.files.app : this.files.mf).get(this.currentEf)!;
    this.reads++;
    const drop = this.behaviour.dropSmAt;
    if (drop && !this.dropped && drop.fid === this.currentEf && drop.offset === offset && secured) {
      this.dropped = true;
      return { sw: -1 };
    }
    // A protected answer of n bytes takes at most n + 38 bytes with its SW (DO'87' header, padding, DO'99', DO'8E').
    const ext = this.behaviour.extendedLength;
    if (secured && le > (this.behaviour.maxLe ?? (ext !== undefined ? Math.max(231, ext - 40) : 231))) return { sw: 0x6700 };
    if (offset >= file.length) return { sw: 0x6b00 };
    const n = Math.min(le, file.length - offset, this.behaviour.shortReads ?? Infinity);
    const short = n < le && offset + n >= file.length;
    return { data: file.subarray(offset, offset + n), sw: short ? 0x6282 : 0x9000 };
  }

  private getChallenge(secured: boolean): Reply {
    if (secured || this.behaviour.bac === false) return { sw: 0x6d00 };
    this.bacChallenge = new Uint8Array(randomBytes(8));
    return { data: this.bacChallenge, sw: 0x9000 };
  }

  private externalAuthenticate(data: Uint8Array | undefined, secured: boolean): Reply {
    if (secured || this.behaviour.bac === false) return { sw: 0x6d00 };
    const challenge = this.bacChallenge;
    this.bacChallenge = null;
    if (!challenge || !this.inApp) return { sw: 0x6985 };
    if (!data || data.length !== 40) return { sw: 0x6700 };
    const seed = new Uint8Array(createHash('sha1').update(mrzInformationBytes(this.mrzKey)).digest()).subarray(0, 16);
    const enc = tripleDesCipher(deriveKey(seed, KDF_ENC, '3DES'));
    const mac = new RetailMac(deriveKey(seed, KDF_MAC, '3DES'));
    if (!bytesEqual(mac.compute(padIso9797(data.subarray(0, 32), 8)), data.subarray(32))) return { sw: 0x6300 };
    const s = enc.decryptCbc(data.subarray(0, 32), new Uint8Array(8));
    if (!bytesEqual(s.subarray(8, 16), challenge)) return { sw: 0x6300 };
    const rndIfd = s.subarray(0, 8);
    const kIc = new Uint8Array(randomBytes(16));
    const eIc = enc.encryptCbc(concatBytes(challenge, rndIfd, kIc), new Uint8Array(8));
    const reply = concatBytes(eIc, mac.compute(padIso9797(eIc, 8)));
    const ks = xorBytes(s.subarray(16, 32), kIc);
    const cipher = createSmCipher('3DES', deriveKey(ks, KDF_ENC, '3DES'), deriveKey(ks, KDF_MAC, '3DES'));
    // The answer goes out in plain; SM starts with the next command.
    this.pendingSm = new CardSm(cipher, concatBytes(challenge.subarray(4), rndIfd.subarray(4)));
    return { data: reply, sw: 0x9000 };
  }

  private manageSecurityEnvironment(p1: number, p2: number, data: Uint8Array | undefined, secured: boolean): Reply {
    if (!data) return { sw: 0x6700 };
    const items = tlvSequence(data);
    const get = (tag: number) => items.find((i) => i.tag === tag);
    if (p1 === 0xc1 && p2 === 0xa4) {
      const oid = get(0x80);
      const ref = get(0x83);
      if (!oid || !ref || !this.files.mf.has(0x011c)) return { sw: 0x6a80 };
      const protocol = decodeOid(tlvValue(oid));
      if (protocol !== PACE_PROTOCOL) return { sw: 0x6a80 };
      const paramId = get(0x84) ? tlvValue(get(0x84)!)[0]! : 13;
      const kind = tlvValue(ref)[0];
      const password = kind === 0x02 ? { kind: 'can' as const, can: this.can } : kind === 0x01 ? { kind: 'mrz' as const, key: this.mrzKey } : null;
      if (!password) return { sw: 0x6a80 };
      this.pace = { step: 1, protocol, curve: curveByParameterId(paramId), kPi: pacePasswordKey(password, 'AES-128'), cipher: 'AES-128' };
      return { sw: 0x9000 };
    }
    if (p1 === 0x41 && p2 === 0xa4 && secured) {
      const oid = get(0x80);
      if (!oid) return { sw: 0x6a80 };
      this.caPending = { protocol: decodeOid(tlvValue(oid)) };
      return { sw: 0x9000 };
    }
    return { sw: 0x6a86 };
  }

  private generalAuthenticate(cla: number, data: Uint8Array | undefined, secured: boolean): Reply {
    if (this.behaviour.generalAuthenticateOutOfSequence) return { sw: 0x9000 };
    if (!data) return { sw: 0x6700 };
    let inner: Map<number, Uint8Array>;
    try {
      inner = new Map(tlvChildren(readSingleTlv(data, 0x7c)).map((t) => [t.tag, tlvValue(t)]));
    } catch {
      return { sw: 0x6a80 };
    }
    if (secured && this.caPending) return this.chipAuthenticate(inner);
    const pace = this.pace;
    if (!pace || secured) return { sw: 0x6985 };
    const chained = (cla & 0x10) !== 0;
    const fail = (sw: number): Reply => {
      this.pace = null;
      return { sw };
    };
    const c = pace.curve;
    try {
      if (pace.step === 1 && chained) {
        const s = new Uint8Array(randomBytes(16));
        pace.nonce = bytesToBigInt(s);
        pace.step = 2;
        return { data: encodeTlv(0x7c, encodeTlv(0x80, aesCipher(pace.kPi).encryptCbc(s, new Uint8Array(16)))), sw: 0x9000 };
      }
      if (pace.step === 2 && chained && inner.has(0x81)) {
        const sk = randomScalar(c);
        const pkIfd = decodePoint(c, inner.get(0x81)!);
        pace.mapped = c.Point.BASE.multiply(pace.nonce! % c.order).add(pkIfd.multiply(sk));
        pace.step = 3;
        return { data: encodeTlv(0x7c, encodeTlv(0x82, encodePoint(c.Point.BASE.multiply(sk)))), sw: 0x9000 };
      }
      if (pace.step === 3 && chained && inner.has(0x83)) {
        const sk = randomScalar(c);
        pace.pkIfd = inner.get(0x83)!;
        pace.pkIc = encodePoint(pace.mapped!.multiply(sk));
        const shared = xCoordinate(c, decodePoint(c, pace.pkIfd).multiply(sk));
        pace.kEnc = deriveKey(shared, KDF_ENC, pace.cipher);
        pace.kMac = deriveKey(shared, KDF_MAC, pace.cipher);
        pace.step = 4;
        return { data: encodeTlv(0x7c, encodeTlv(0x84, pace.pkIc)), sw: 0x9000 };
      }
      if (pace.step === 4 && !chained && inner.has(0x85)) {
        const expected = paceToken(pace.cipher, pace.kMac!, pace.protocol, pace.pkIc!);
        if (!bytesEqual(expected, inner.get(0x85)!)) return fail(0x6300);
        const token = paceToken(pace.cipher, pace.kMac!, pace.protocol, pace.pkIfd!);
        this.pendingSm = new CardSm(createSmCipher(pace.cipher, pace.kEnc!, pace.kMac!), new Uint8Array(16));
        this.pace = null;
        return { data: encodeTlv(0x7c, encodeTlv(0x86, token)), sw: 0x9000 };
      }
    } catch {
      return fail(0x6a80);
    }
    return fail(0x6985);
  }

  private chipAuthenticate(inner: Map<number, Uint8Array>): Reply {
    const pk = inner.get(0x80);
    this.caPending = null;
    if (!pk) return { sw: 0x6a80 };
    const c = this.files.caCurve;
    let point: EcPoint;
    try {
      point = decodePoint(c, pk);
    } catch {
      return { sw: 0x6a80 };
    }
    const shared = xCoordinate(c, point.multiply(this.files.caPrivateKey));
    const cipher = createSmCipher('AES-128', deriveKey(shared, KDF_ENC, 'AES-128'), deriveKey(shared, KDF_MAC, 'AES-128'));
    return { data: Uint8Array.of(0x7c, 0x00), sw: 0x9000, switchTo: cipher };
  }

  private internalAuthenticate(data: Uint8Array | undefined, secured: boolean): Reply {
    const key = this.files.aaKey;
    if (!secured || !this.inApp) return { sw: 0x6982 };
    if (!key) return { sw: 0x6d00 };
    if (!data || data.length !== 8) return { sw: 0x6700 };
    if (key.kind === 'ecdsa') {
      return { data: new Uint8Array(sign('sha256', data, { key: key.privateKey, dsaEncoding: 'ieee-p1363' })), sw: 0x9000 };
    }
    // ISO 9796-2 scheme 1, partial recovery, SHA-1: 6A || M1 || SHA1(M1 || challenge) || BC.
    const k = (key.privateKey.asymmetricKeyDetails!.modulusLength! + 7) >> 3;
    const m1 = new Uint8Array(randomBytes(k - 22));
    const h = new Uint8Array(createHash('sha1').update(concatBytes(m1, data)).digest());
    const f = concatBytes(Uint8Array.of(0x6a), m1, h, Uint8Array.of(0xbc));
    return { data: new Uint8Array(privateEncrypt({ key: key.privateKey, padding: constants.RSA_NO_PADDING }, f)), sw: 0x9000 };
  }
}

/** Lc data and Le of a command APDU, short or extended (Lc 00 xx xx, Le xx xx; 0000 = 65536). */
function parseBody(apdu: Uint8Array): { data: Uint8Array | undefined; le: number | undefined } {
  if (apdu.length === 4) return { data: undefined, le: undefined };
  if (apdu.length >= 7 && apdu[4] === 0) {
    const two = (i: number) => ((apdu[i]! << 8) | apdu[i + 1]!) || 65536;
    if (apdu.length === 7) return { data: undefined, le: two(5) };
    const lc = (apdu[5]! << 8) | apdu[6]!;
    const data = apdu.subarray(7, 7 + lc);
    return { data, le: apdu.length >= 9 + lc ? two(7 + lc) : undefined };
  }
  if (apdu.length === 5) return { data: undefined, le: apdu[4] === 0 ? 256 : apdu[4] };
  const lc = apdu[4]!;
  const data = apdu.subarray(5, 5 + lc);
  const rest = apdu.length - 5 - lc;
  const le = rest >= 1 ? (apdu[5 + lc] === 0 ? 256 : apdu[5 + lc]) : undefined;
  return { data, le };
}
