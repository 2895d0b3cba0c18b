import { randomUUID } from 'node:crypto';
import { newBoxKeys, newSigningKeys, sha256 } from '../main/sync/sync-crypto';
import type { HubStore } from './store';

export interface HubIdentity {
  id: string;
  signPublic: string;
  signPrivate: string;
  boxPublic: string;
  boxPrivate: string;
}

/** The hub's keys, made once by whichever hub process starts first, kept in the store like everything else. */
export async function hubIdentity(store: HubStore): Promise<HubIdentity> {
  const load = async () => (await store.query<HubIdentity>(`SELECT id, sign_public AS "signPublic", sign_private AS "signPrivate",
    box_public AS "boxPublic", box_private AS "boxPrivate" FROM hub_identity LIMIT 1`))[0];
  const found = await load();
  if (found) return found;
  const sign = newSigningKeys();
  const box = newBoxKeys();
  await store.query(`INSERT INTO hub_identity (id, sign_public, sign_private, box_public, box_private) SELECT $1, $2, $3, $4, $5
    WHERE NOT EXISTS (SELECT 1 FROM hub_identity)`, [randomUUID(), sign.publicKey, sign.privateKey, box.publicKey, box.privateKey]);
  return (await load())!;
}

/** A short fingerprint of the hub's signing key: part of every enrolment code, so the desktop pins the right hub. */
export function hubFingerprint(signPublic: string): string {
  return sha256(signPublic).replace(/[^A-Za-z0-9]/g, '').slice(0, 6).toUpperCase();
}
