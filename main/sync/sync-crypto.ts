import { createCipheriv, createDecipheriv, createPrivateKey, createPublicKey, diffieHellman, generateKeyPairSync, hkdfSync, randomBytes, sign, verify, createHash } from 'node:crypto';

// The keys of sync, with Node's own crypto: Ed25519 to sign (requests, bundles, receipts, the hub's answers), X25519
// to encrypt a bundle to its reader (an ephemeral key agreement, HKDF-SHA256, AES-256-GCM). Keys travel and are
// stored as base64 DER (SPKI public, PKCS#8 private). Used by the desktop (main/sync) and the hub (hub/).

export interface KeyPair {
  publicKey: string;
  privateKey: string;
}

export function newSigningKeys(): KeyPair {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return { publicKey: publicKey.export({ type: 'spki', format: 'der' }).toString('base64'), privateKey: privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64') };
}

export function newBoxKeys(): KeyPair {
  const { publicKey, privateKey } = generateKeyPairSync('x25519');
  return { publicKey: publicKey.export({ type: 'spki', format: 'der' }).toString('base64'), privateKey: privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64') };
}

const pub = (b64: string) => createPublicKey({ key: Buffer.from(b64, 'base64'), format: 'der', type: 'spki' });
const priv = (b64: string) => createPrivateKey({ key: Buffer.from(b64, 'base64'), format: 'der', type: 'pkcs8' });

export function signBytes(privateKey: string, data: Uint8Array): string {
  return sign(null, data, priv(privateKey)).toString('base64');
}

export function verifyBytes(publicKey: string, data: Uint8Array, signature: string): boolean {
  try {
    return verify(null, data, pub(publicKey), Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}

export function sha256(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('base64');
}

/** The bytes a request signature covers: method, path, the device, and the body's hash. */
export function requestSigningText(method: string, path: string, device: string, body: Uint8Array): Buffer {
  return Buffer.from(`${method}\n${path}\n${device}\n${sha256(body)}`);
}

const INFO = Buffer.from('ansinh-sync-box-v1');

/** Encrypts to the holder of the X25519 key: ephemeral public key (44 bytes DER) | iv (12) | tag (16) | ciphertext. */
export function sealTo(boxPublicKey: string, plain: Uint8Array): Buffer {
  const eph = generateKeyPairSync('x25519');
  const key = boxKey(diffieHellman({ privateKey: eph.privateKey, publicKey: pub(boxPublicKey) }));
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([eph.publicKey.export({ type: 'spki', format: 'der' }), iv, cipher.getAuthTag(), body]);
}

/** Opens what sealTo made; throws when it was not made for this key or was changed. */
export function openSealed(boxPrivateKey: string, sealed: Uint8Array): Buffer {
  const buf = Buffer.from(sealed);
  if (buf.length < 72) throw new Error('sealed data too short');
  const ephPublic = createPublicKey({ key: buf.subarray(0, 44), format: 'der', type: 'spki' });
  const key = boxKey(diffieHellman({ privateKey: priv(boxPrivateKey), publicKey: ephPublic }));
  const decipher = createDecipheriv('aes-256-gcm', key, buf.subarray(44, 56));
  decipher.setAuthTag(buf.subarray(56, 72));
  return Buffer.concat([decipher.update(buf.subarray(72)), decipher.final()]);
}

function boxKey(shared: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', shared, Buffer.alloc(0), INFO, 32));
}
