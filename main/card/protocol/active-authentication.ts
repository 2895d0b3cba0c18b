// Active Authentication (ICAO 9303-11 section 6.1): the chip signs a fresh challenge with the DG15 key.
// RSA answers follow ISO/IEC 9796-2 scheme 1 (message recovery), which Node's crypto does not offer.
import { constants, createHash, publicDecrypt, randomBytes } from 'node:crypto';
import type { PublicKeyInfo } from '../lds/public-key';
import { verifyEcdsa } from '../lds/signature';
import { SW_OK } from './apdu';
import type { ChipSession } from './chip-session';
import { bigIntToBytes, bytesEqual, bytesToBigInt, concatBytes } from './octets';
import { OID } from './oid';

const TRAILER_HASH: Record<number, string> = { 0x33: 'sha1', 0x34: 'sha256', 0x35: 'sha512', 0x36: 'sha384', 0x38: 'sha224' };
const PLAIN_ECDSA_HASH: Record<string, string> = { '1': 'sha1', '2': 'sha224', '3': 'sha256', '4': 'sha384', '5': 'sha512' };

export function verifyIso9796Signature(key: Extract<PublicKeyInfo, { kind: 'rsa' }>, challenge: Uint8Array, signature: Uint8Array): boolean {
  let f: Uint8Array;
  try {
    f = new Uint8Array(publicDecrypt({ key: key.key, padding: constants.RSA_NO_PADDING }, signature));
  } catch {
    return false;
  }
  const k = f.length;
  if ((f[k - 1]! & 0x0f) !== 0x0c) {
    // The signer may have sent n - s; then the representative is n - f.
    const jwk = key.key.export({ format: 'jwk' });
    const n = bytesToBigInt(new Uint8Array(Buffer.from(jwk.n ?? '', 'base64url')));
    f = bigIntToBytes(n - bytesToBigInt(f), k);
  }
  let hashName: string | undefined;
  let trailer: number;
  if (f[k - 1] === 0xbc) {
    hashName = 'sha1';
    trailer = 1;
  } else if (f[k - 1] === 0xcc) {
    hashName = TRAILER_HASH[f[k - 2]!];
    trailer = 2;
  } else return false;
  if (!hashName || (f[0]! & 0xc0) !== 0x40) return false;
  const hashLength = createHash(hashName).digest().length;
  const digest = f.subarray(k - trailer - hashLength, k - trailer);
  const m1 = f.subarray(1, k - trailer - hashLength);
  const partialRecovery = (f[0]! & 0x20) !== 0;
  const message = partialRecovery ? concatBytes(m1, challenge) : m1;
  if (!partialRecovery && !bytesEqual(m1.subarray(m1.length - challenge.length), challenge)) return false;
  return bytesEqual(new Uint8Array(createHash(hashName).update(message).digest()), digest);
}

export function verifyEcdsaAa(
  key: Extract<PublicKeyInfo, { kind: 'ec' }>,
  algorithmOid: string | undefined,
  challenge: Uint8Array,
  signature: Uint8Array,
): boolean {
  const announced = algorithmOid?.startsWith(OID.ecdsaPlain + '.') ? PLAIN_ECDSA_HASH[algorithmOid.split('.').at(-1)!] : undefined;
  const candidates = announced ? [announced] : ['sha256', 'sha1', 'sha224', 'sha384', 'sha512'];
  if (signature.length !== key.curve.size * 2) return false;
  return candidates.some((hash) => verifyEcdsa(key, hash, challenge, signature, 'ieee-p1363'));
}

export async function performActiveAuthentication(
  session: ChipSession,
  key: PublicKeyInfo,
  ecdsaAlgorithm: string | undefined,
  challenge: Uint8Array = new Uint8Array(randomBytes(8)),
): Promise<'valid' | 'invalid' | 'not-supported'> {
  if (key.kind === 'unsupported') return 'not-supported';
  const r = await session.send(0x00, 0x88, 0x00, 0x00, challenge, 256);
  if (r.sw !== SW_OK || r.data.length === 0) return 'invalid';
  const ok = key.kind === 'rsa' ? verifyIso9796Signature(key, challenge, r.data) : verifyEcdsaAa(key, ecdsaAlgorithm, challenge, r.data);
  return ok ? 'valid' : 'invalid';
}
