// Chip Authentication (ICAO 9303-11 section 6.2) with an ECDH key from DG14: an ephemeral key agreement with the
// chip's static key, then fresh SM keys. Only the real chip holds the private key, so the next protected answer
// proves the chip is not a copy.
import { CardError } from '../card-channel';
import type { ChipAuthenticationInfo, ChipAuthenticationPublicKey } from '../lds/security-infos';
import { SW_OK, errorForStatus } from './apdu';
import type { ChipSession } from './chip-session';
import { decodePoint, encodePoint, generateKeyPair, sharedSecretX } from './curves';
import { deriveKey, KDF_ENC, KDF_MAC } from './kdf';
import { encodeOid, cipherOfProtocol } from './oid';
import { SecureMessaging } from './secure-messaging';
import { createSmCipher } from './sm-cipher';
import { concatBytes } from './octets';
import { encodeTlv } from './tlv';

export class ChipAuthenticationUnsupported extends Error {}

export async function performChipAuthentication(
  session: ChipSession,
  info: ChipAuthenticationInfo,
  key: ChipAuthenticationPublicKey,
  ephemeralKey?: bigint,
): Promise<SecureMessaging> {
  const cipher = cipherOfProtocol(info.protocol);
  if (key.key.kind !== 'ec' || !cipher || !info.protocol.includes('.2.2.3.2.')) {
    throw new ChipAuthenticationUnsupported(`chip authentication ${info.protocol} with a ${key.key.kind} key`);
  }
  const curve = key.key.curve;
  const chipPoint = decodePoint(curve, key.key.point);
  let sk: bigint;
  let pk: Uint8Array;
  if (ephemeralKey === undefined) ({ secret: sk, publicKey: pk } = generateKeyPair(curve));
  else {
    sk = ephemeralKey;
    pk = encodePoint(curve.Point.BASE.multiply(sk));
  }
  const shared = sharedSecretX(curve, sk, chipPoint);
  const keyRef = key.keyId ?? info.keyId;
  const keyIdTlv = keyRef === undefined ? new Uint8Array(0) : encodeTlv(0x84, Uint8Array.of(keyRef));

  if (cipher === '3DES') {
    const r = await session.send(0x00, 0x22, 0x41, 0xa6, concatBytes(encodeTlv(0x91, pk), keyIdTlv));
    if (r.sw !== SW_OK) throw errorForStatus(r.sw, 'CA MSE:Set KAT');
  } else {
    const setAt = await session.send(0x00, 0x22, 0x41, 0xa4, concatBytes(encodeTlv(0x80, encodeOid(info.protocol)), keyIdTlv));
    if (setAt.sw !== SW_OK) throw errorForStatus(setAt.sw, 'CA MSE:Set AT');
    const ga = await session.send(0x00, 0x86, 0x00, 0x00, encodeTlv(0x7c, encodeTlv(0x80, pk)), 256);
    if (ga.sw !== SW_OK) throw errorForStatus(ga.sw, 'CA GENERAL AUTHENTICATE');
  }
  if (session.sm?.broken) throw new CardError('protocol', 'CA answer was not protected');
  const blockSize = cipher === '3DES' ? 8 : 16;
  return new SecureMessaging(
    createSmCipher(cipher, deriveKey(shared, KDF_ENC, cipher), deriveKey(shared, KDF_MAC, cipher)),
    new Uint8Array(blockSize),
  );
}
