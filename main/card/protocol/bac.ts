// Basic Access Control (ICAO 9303-11 section 4.3): 3DES challenge-response keyed by the MRZ, then 3DES SM.
import { createHash, randomBytes } from 'node:crypto';
import { CardError, type CardChannel } from '../card-channel';
import { commandApdu, errorForStatus, splitResponse, SW_OK } from './apdu';
import { tripleDesCipher } from './block-cipher';
import { deriveKey, KDF_ENC, KDF_MAC } from './kdf';
import { RetailMac } from './mac';
import { mrzInformationBytes, type MrzKey } from './mrz-keys';
import { bytesEqual, concatBytes, padIso9797, xorBytes } from './octets';
import { SecureMessaging } from './secure-messaging';
import { createSmCipher } from './sm-cipher';

export interface BacKeys {
  kEnc: Uint8Array;
  kMac: Uint8Array;
}

export function bacKeySeed(key: MrzKey): Uint8Array {
  return new Uint8Array(createHash('sha1').update(mrzInformationBytes(key)).digest()).subarray(0, 16);
}

export function bacKeys(key: MrzKey): BacKeys {
  const seed = bacKeySeed(key);
  return { kEnc: deriveKey(seed, KDF_ENC, '3DES'), kMac: deriveKey(seed, KDF_MAC, '3DES') };
}

export interface BacRandom {
  rndIfd: Uint8Array;
  kIfd: Uint8Array;
}

/** Runs GET CHALLENGE + EXTERNAL AUTHENTICATE; the eMRTD application must already be selected. */
export async function performBac(
  channel: CardChannel,
  key: MrzKey,
  random: BacRandom = { rndIfd: new Uint8Array(randomBytes(8)), kIfd: new Uint8Array(randomBytes(16)) },
): Promise<SecureMessaging> {
  const { kEnc, kMac } = bacKeys(key);
  const challenge = splitResponse(await channel.transmit(commandApdu(0x00, 0x84, 0x00, 0x00, undefined, 8)));
  if (challenge.sw !== SW_OK) throw errorForStatus(challenge.sw, 'BAC GET CHALLENGE');
  if (challenge.data.length !== 8) throw new CardError('protocol', 'BAC challenge is not 8 bytes');
  const rndIc = challenge.data.slice();
  const enc = tripleDesCipher(kEnc);
  const mac = new RetailMac(kMac);
  const zero = new Uint8Array(8);
  const eIfd = enc.encryptCbc(concatBytes(random.rndIfd, rndIc, random.kIfd), zero);
  const mIfd = mac.compute(padIso9797(eIfd, 8));
  const answer = splitResponse(
    await channel.transmit(commandApdu(0x00, 0x82, 0x00, 0x00, concatBytes(eIfd, mIfd), 40)),
  );
  if (answer.sw !== SW_OK) {
    const error = errorForStatus(answer.sw, 'BAC EXTERNAL AUTHENTICATE');
    // Cards answer a wrong MRZ key with 6300 or with 6982 ("security status not satisfied").
    throw error.code === 'access-denied' ? new CardError('auth-failed', error.detail) : error;
  }
  if (answer.data.length !== 40) throw new CardError('protocol', 'BAC answer is not 40 bytes');
  const eIc = answer.data.subarray(0, 32);
  if (!bytesEqual(mac.compute(padIso9797(eIc, 8)), answer.data.subarray(32, 40))) {
    throw new CardError('auth-failed', 'BAC chip cryptogram MAC mismatch');
  }
  const r = enc.decryptCbc(eIc, zero);
  if (!bytesEqual(r.subarray(0, 8), rndIc) || !bytesEqual(r.subarray(8, 16), random.rndIfd)) {
    throw new CardError('auth-failed', 'BAC chip answered another challenge');
  }
  const seed = xorBytes(random.kIfd, r.subarray(16, 32));
  const ssc = concatBytes(rndIc.subarray(4, 8), random.rndIfd.subarray(4, 8));
  const cipher = createSmCipher('3DES', deriveKey(seed, KDF_ENC, '3DES'), deriveKey(seed, KDF_MAC, '3DES'));
  return new SecureMessaging(cipher, ssc);
}
