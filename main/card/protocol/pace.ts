// PACE (ICAO 9303-11 section 4.4) with ECDH generic mapping: the terminal side. The CAN or MRZ password only
// encrypts the nonce, so a wrong password shows up as the chip refusing the terminal's token (SW 6300).
import { createHash } from 'node:crypto';
import { CardError, type CardChannel } from '../card-channel';
import { commandApdu, errorForStatus, splitResponse, SW_OK } from './apdu';
import { aesCipher, tripleDesCipher } from './block-cipher';
import { curveByParameterId, decodePoint, encodePoint, randomScalar, sharedSecretX, type EcCurve } from './curves';
import { deriveKey, KDF_ENC, KDF_MAC, KDF_PACE, type SmCipherKind } from './kdf';
import { AesCmac, RetailMac } from './mac';
import { mrzInformationBytes, type MrzKey } from './mrz-keys';
import { asciiBytes, bytesEqual, bytesToBigInt, padIso9797 } from './octets';
import { cipherOfProtocol, encodeOid, OID } from './oid';
import { SecureMessaging } from './secure-messaging';
import { createSmCipher } from './sm-cipher';
import { encodeTlv, findChild, readSingleTlv, tlvValue } from './tlv';

export interface PaceInfo {
  readonly protocol: string;
  readonly version: number;
  readonly parameterId: number | undefined;
}

export type PacePassword = { kind: 'can'; can: string } | { kind: 'mrz'; key: MrzKey };

export interface PaceOptions {
  /** Fixed ephemeral private keys (mapping, then agreement): only for the published worked examples. */
  ephemeralKeys?: readonly [bigint, bigint];
}

export function pacePasswordKey(password: PacePassword, cipher: SmCipherKind): Uint8Array {
  const secret =
    password.kind === 'can'
      ? asciiBytes(password.can)
      : new Uint8Array(createHash('sha1').update(mrzInformationBytes(password.key)).digest());
  return deriveKey(secret, KDF_PACE, cipher);
}

export function isSupportedPace(info: PaceInfo): boolean {
  return (
    info.protocol.startsWith(OID.paceEcdhGm + '.') &&
    cipherOfProtocol(info.protocol) !== undefined &&
    (info.parameterId === undefined || [12, 13, 15, 16, 17, 18].includes(info.parameterId))
  );
}

/** The authentication token input: 7F49 { 06 protocol OID, 86 public point }. */
export function paceTokenInput(protocol: string, point: Uint8Array): Uint8Array {
  return encodeTlv(0x7f49, encodeTlv(0x06, encodeOid(protocol)), encodeTlv(0x86, point));
}

export function paceToken(cipher: SmCipherKind, kMac: Uint8Array, protocol: string, point: Uint8Array): Uint8Array {
  const input = paceTokenInput(protocol, point);
  return cipher === '3DES'
    ? new RetailMac(kMac).compute(padIso9797(input, 8))
    : new AesCmac(kMac).compute(input).subarray(0, 8);
}

async function generalAuthenticate(
  channel: CardChannel,
  last: boolean,
  tag: number,
  value: Uint8Array | undefined,
  expectTag: number,
  step: string,
): Promise<Uint8Array | undefined> {
  const body = encodeTlv(0x7c, ...(value ? [encodeTlv(tag, value)] : []));
  const r = splitResponse(await channel.transmit(commandApdu(last ? 0x00 : 0x10, 0x86, 0x00, 0x00, body, 256)));
  if (r.sw !== SW_OK) throw errorForStatus(r.sw, `PACE ${step}`);
  const outer = readSingleTlv(r.data, 0x7c);
  const inner = findChild(outer, expectTag);
  return inner ? tlvValue(inner) : undefined;
}

export interface PaceResult {
  sm: SecureMessaging;
  cipher: SmCipherKind;
  /** The chip's ephemeral public key (its x-coordinate identifies the session for Chip Authentication v2/CAM). */
  chipEphemeralKey: Uint8Array;
}

export async function performPace(
  channel: CardChannel,
  info: PaceInfo,
  password: PacePassword,
  options: PaceOptions = {},
): Promise<PaceResult> {
  const cipher = cipherOfProtocol(info.protocol);
  if (!isSupportedPace(info) || !cipher) throw new CardError('protocol', `unsupported PACE ${info.protocol}`);
  const curve: EcCurve = curveByParameterId(info.parameterId ?? 13);

  const setAt = [
    encodeTlv(0x80, encodeOid(info.protocol)),
    encodeTlv(0x83, Uint8Array.of(password.kind === 'can' ? 0x02 : 0x01)),
  ];
  if (info.parameterId !== undefined) setAt.push(encodeTlv(0x84, Uint8Array.of(info.parameterId)));
  const mse = splitResponse(
    await channel.transmit(commandApdu(0x00, 0x22, 0xc1, 0xa4, Uint8Array.from(setAt.flatMap((x) => [...x])))),
  );
  if (mse.sw !== SW_OK && (mse.sw & 0xff00) !== 0x6300) throw errorForStatus(mse.sw, 'PACE MSE:Set AT');

  // 1. Encrypted nonce.
  const z = await generalAuthenticate(channel, false, 0, undefined, 0x80, 'nonce');
  const kPi = pacePasswordKey(password, cipher);
  const blockSize = cipher === '3DES' ? 8 : 16;
  if (!z || z.length === 0 || z.length % blockSize !== 0) throw new CardError('protocol', 'PACE nonce has a wrong length');
  const nonceCipher = cipher === '3DES' ? tripleDesCipher(kPi) : aesCipher(kPi);
  const s = bytesToBigInt(nonceCipher.decryptCbc(z, new Uint8Array(blockSize)));

  // 2. Mapping: G^ = s·G + H, H = SK_map,IFD · PK_map,IC.
  const skMap = options.ephemeralKeys?.[0] ?? randomScalar(curve);
  const pkMap = curve.Point.BASE.multiply(skMap);
  const pkMapIcBytes = await generalAuthenticate(channel, false, 0x81, encodePoint(pkMap), 0x82, 'mapping');
  if (!pkMapIcBytes) throw new CardError('protocol', 'PACE mapping answer is empty');
  const pkMapIc = decodePoint(curve, pkMapIcBytes);

  // 3. Key agreement on G^. PK_DH,IFD = SK_DH·G^ = (SK_DH·s)·G + (SK_DH·SK_map)·PK_map,IC: one multiplication of an
  // arbitrary point instead of two, as G^ itself is never needed.
  const n = curve.order;
  const skDh = options.ephemeralKeys?.[1] ?? randomScalar(curve);
  const a = (skDh * (s % n)) % n;
  const b = (skDh * skMap) % n;
  const viaMap = pkMapIc.multiply(b);
  const pkDhPoint = a === 0n ? viaMap : curve.Point.BASE.multiply(a).add(viaMap);
  if (pkDhPoint.is0()) throw new CardError('protocol', 'PACE mapped generator is the identity');
  const pkDh = encodePoint(pkDhPoint);
  const pkDhIcBytes = await generalAuthenticate(channel, false, 0x83, pkDh, 0x84, 'key agreement');
  if (!pkDhIcBytes) throw new CardError('protocol', 'PACE key agreement answer is empty');
  const pkDhIc = decodePoint(curve, pkDhIcBytes);
  if (bytesEqual(encodePoint(pkDhIc), pkDh)) throw new CardError('protocol', 'PACE chip echoed the terminal key');
  const shared = sharedSecretX(curve, skDh, pkDhIc);
  const kEnc = deriveKey(shared, KDF_ENC, cipher);
  const kMac = deriveKey(shared, KDF_MAC, cipher);

  // 4. Mutual authentication tokens over each other's ephemeral key.
  const tIfd = paceToken(cipher, kMac, info.protocol, encodePoint(pkDhIc));
  let tIc: Uint8Array | undefined;
  try {
    tIc = await generalAuthenticate(channel, true, 0x85, tIfd, 0x86, 'mutual authentication');
  } catch (error) {
    if (error instanceof CardError && (error.code === 'auth-failed' || error.code === 'access-denied')) {
      throw new CardError('auth-failed', error.detail, { cause: error });
    }
    throw error;
  }
  if (!tIc || !bytesEqual(tIc, paceToken(cipher, kMac, info.protocol, pkDh))) {
    throw new CardError('auth-failed', 'PACE chip token is wrong');
  }
  return {
    sm: new SecureMessaging(createSmCipher(cipher, kEnc, kMac), new Uint8Array(blockSize)),
    cipher,
    chipEphemeralKey: encodePoint(pkDhIc),
  };
}
