// Elliptic curves the chip may name: point arithmetic from @noble/curves (PACE's mapped generator needs point
// addition, which Node's ECDH does not offer, and Electron's BoringSSL lacks the Brainpool curves).
import type { ECDSA, WeierstrassPoint, WeierstrassPointCons } from '@noble/curves/abstract/weierstrass.js';
import { brainpoolP256r1, brainpoolP384r1, brainpoolP512r1 } from '@noble/curves/misc.js';
import { p256, p384, p521 } from '@noble/curves/nist.js';
import { createECDH, randomBytes, type ECDH } from 'node:crypto';
import { CardError } from '../card-channel';
import { bigIntToBytes, bytesToBigInt } from './octets';

export type EcPoint = WeierstrassPoint<bigint>;

export interface EcCurve {
  readonly name: string;
  readonly oid: string;
  /** Standardized domain parameter id of ICAO 9303-11 / TR-03110 (PACE, CA). */
  readonly parameterId: number;
  readonly ecdsa: ECDSA;
  readonly Point: WeierstrassPointCons<bigint>;
  readonly order: bigint;
  /** Bytes of one coordinate. */
  readonly size: number;
  /** OpenSSL's name, for the native fast path where the runtime has the curve. */
  readonly nativeName: string;
}

function curve(name: string, oid: string, parameterId: number, ecdsa: ECDSA, nativeName = name): EcCurve {
  const c = ecdsa.Point.CURVE();
  return { name, oid, parameterId, ecdsa, Point: ecdsa.Point, order: c.n, size: Math.ceil(c.p.toString(16).length / 2), nativeName };
}

const CURVES: EcCurve[] = [
  curve('brainpoolP256r1', '1.3.36.3.3.2.8.1.1.7', 13, brainpoolP256r1),
  curve('secp256r1', '1.2.840.10045.3.1.7', 12, p256, 'prime256v1'),
  curve('secp384r1', '1.3.132.0.34', 15, p384),
  curve('brainpoolP384r1', '1.3.36.3.3.2.8.1.1.11', 16, brainpoolP384r1),
  curve('brainpoolP512r1', '1.3.36.3.3.2.8.1.1.13', 17, brainpoolP512r1),
  curve('secp521r1', '1.3.132.0.35', 18, p521),
];

export function curveByParameterId(id: number): EcCurve {
  const c = CURVES.find((x) => x.parameterId === id);
  if (!c) throw new CardError('protocol', `unsupported domain parameter id ${id}`);
  return c;
}

export function curveByOid(oid: string): EcCurve | undefined {
  return CURVES.find((x) => x.oid === oid);
}

export function curveByName(name: string): EcCurve {
  const c = CURVES.find((x) => x.name === name);
  if (!c) throw new RangeError(`unknown curve ${name}`);
  return c;
}

/** Explicit domain parameters (as DG14 keys often carry them) matched to a known curve. */
export function curveByParameters(p: bigint, a: bigint, b: bigint, gx: bigint, gy: bigint, n: bigint): EcCurve | undefined {
  return CURVES.find((x) => {
    const c = x.Point.CURVE();
    return c.p === p && c.a === a && c.b === b && c.Gx === gx && c.Gy === gy && c.n === n;
  });
}

export function randomScalar(c: EcCurve): bigint {
  for (;;) {
    const k = bytesToBigInt(new Uint8Array(randomBytes(c.size + 8))) % c.order;
    if (k > 0n) return k;
  }
}

/** Uncompressed encoding 04 || X || Y. */
export function encodePoint(point: EcPoint): Uint8Array {
  return point.toBytes(false);
}

/** Decodes and validates a point the chip sent: on the curve, not the identity. */
export function decodePoint(c: EcCurve, bytes: Uint8Array): EcPoint {
  let point: EcPoint;
  try {
    point = c.Point.fromBytes(bytes);
    point.assertValidity();
  } catch (error) {
    throw new CardError('protocol', 'chip sent an invalid curve point', { cause: error });
  }
  if (point.is0()) throw new CardError('protocol', 'chip sent the point at infinity');
  return point;
}

export function xCoordinate(c: EcCurve, point: EcPoint): Uint8Array {
  return bigIntToBytes(point.toAffine().x, c.size);
}

const nativeAvailable = new Map<string, boolean>();

/** Node's ECDH for the curve, or null where the runtime lacks it (Electron's BoringSSL has no Brainpool). */
export function nativeEcdh(c: EcCurve): ECDH | null {
  let ok = nativeAvailable.get(c.nativeName);
  if (ok === undefined) {
    try {
      createECDH(c.nativeName);
      ok = true;
    } catch {
      ok = false;
    }
    nativeAvailable.set(c.nativeName, ok);
  }
  return ok ? createECDH(c.nativeName) : null;
}

/**
 * x(k·P) for a secret k that is only needed for its x-coordinate (the ECDH shared secrets): natively about three
 * times faster than in JavaScript, which matters because key agreement is most of our own time in a read.
 */
export function sharedSecretX(c: EcCurve, k: bigint, point: EcPoint): Uint8Array {
  const native = nativeEcdh(c);
  if (native) {
    native.setPrivateKey(bigIntToBytes(k, Math.ceil(c.order.toString(16).length / 2)));
    return new Uint8Array(native.computeSecret(point.toBytes(false)));
  }
  return xCoordinate(c, point.multiply(k));
}

/** A fresh ephemeral key pair on the curve's standard generator. */
export function generateKeyPair(c: EcCurve): { secret: bigint; publicKey: Uint8Array } {
  const native = nativeEcdh(c);
  if (native) {
    const publicKey = new Uint8Array(native.generateKeys());
    const secret = bytesToBigInt(new Uint8Array(native.getPrivateKey()));
    return { secret, publicKey };
  }
  const secret = randomScalar(c);
  return { secret, publicKey: encodePoint(c.Point.BASE.multiply(secret)) };
}
