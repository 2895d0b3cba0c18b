import { randomBytes, randomUUID } from 'node:crypto';
import { sha256 } from '../main/sync/sync-crypto';
import { hubFingerprint, type HubIdentity } from './hub-identity';
import type { HubStore } from './store';
import { HubRefusal } from './hub-refusal';

// Offices, their one-time enrolment codes, their devices; revocation of a lost laptop.

export interface Office {
  id: string;
  unitId: string;
  name: string;
  area: string[];
  /** Its reference data (REFERENCE_ENTITIES) goes to every office of the hub. */
  publishes: boolean;
}

export async function addOffice(store: HubStore, office: { unitId: string; name: string; area?: string[]; publishes?: boolean }): Promise<Office> {
  const id = randomUUID();
  const area = office.area?.length ? office.area : [office.unitId];
  const publishes = office.publishes ?? false;
  await store.query('INSERT INTO offices (id, unit_id, name, area, publishes) VALUES ($1, $2, $3, $4, $5)', [id, office.unitId, office.name, area, publishes]);
  return { id, unitId: office.unitId, name: office.name, area, publishes };
}

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/**
 * A one-time code for an office: eight random characters and the hub's key fingerprint ("ABCD-EFGH-XYZ123"),
 * valid for `days`. Only its hash is kept.
 */
export async function issueEnrolmentCode(store: HubStore, hub: HubIdentity, officeId: string, days = 7): Promise<string> {
  const bytes = randomBytes(8);
  const secret = [...bytes].map((b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join('');
  const code = `${secret.slice(0, 4)}-${secret.slice(4)}-${hubFingerprint(hub.signPublic)}`;
  await store.query(`INSERT INTO enrolment_codes (code_hash, office_id, expires_at) VALUES ($1, $2, now() + make_interval(days => $3))`, [codeHash(code), officeId, days]);
  return code;
}

const codeHash = (code: string) => sha256(code.trim().toUpperCase());

export interface EnrolRequest {
  code: string;
  device: string;
  signKey: string;
  boxKey: string;
}

/** Uses a code once: the device (its id and public keys) joins the code's office. */
export async function enrolDevice(store: HubStore, request: EnrolRequest): Promise<Office> {
  return store.tx(async (sql) => {
    const [code] = await sql.query<{ office_id: string; used_at: Date | null; expired: boolean }>(
      'SELECT office_id, used_at, expires_at < now() AS expired FROM enrolment_codes WHERE code_hash = $1 FOR UPDATE', [codeHash(request.code)]);
    if (!code) throw new HubRefusal(403, 'bad-code', 'Mã đăng ký không đúng.', 'Unknown enrolment code.');
    if (code.used_at) throw new HubRefusal(403, 'code-used', 'Mã đăng ký này đã được dùng: hãy xin quản trị máy chủ tỉnh một mã mới.', 'This code was used already.');
    if (code.expired) throw new HubRefusal(403, 'code-expired', 'Mã đăng ký đã hết hạn: hãy xin quản trị máy chủ tỉnh một mã mới.', 'This code has expired.');
    const [existing] = await sql.query('SELECT 1 FROM devices WHERE id = $1', [request.device]);
    if (existing) throw new HubRefusal(409, 'device-known', 'Thiết bị này đã đăng ký rồi.', 'This device is enrolled already.');
    await sql.query('UPDATE enrolment_codes SET used_at = now(), used_by = $2 WHERE code_hash = $1', [codeHash(request.code), request.device]);
    await sql.query('INSERT INTO devices (id, office_id, sign_key, box_key) VALUES ($1, $2, $3, $4)', [request.device, code.office_id, request.signKey, request.boxKey]);
    return officeOf(sql, code.office_id);
  });
}

export async function revokeDevice(store: HubStore, deviceId: string): Promise<void> {
  await store.query('UPDATE devices SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL', [deviceId]);
}

export interface DeviceRow {
  id: string;
  office_id: string;
  sign_key: string;
  box_key: string;
  revoked_at: Date | null;
  acked: number;
}

/** The enrolled, unrevoked device, or a refusal saying why not. */
export async function activeDevice(sql: { query: HubStore['query'] }, deviceId: string, lock = false): Promise<DeviceRow> {
  const [device] = await sql.query<DeviceRow>(`SELECT id, office_id, sign_key, box_key, revoked_at, acked FROM devices WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [deviceId]);
  if (!device) throw new HubRefusal(403, 'not-enrolled', 'Thiết bị chưa đăng ký với máy chủ tỉnh này.', 'This device is not enrolled with this hub.');
  if (device.revoked_at) throw new HubRefusal(403, 'revoked', 'Thiết bị này đã bị thu hồi quyền đồng bộ (máy bị mất hoặc thay thế). Hãy liên hệ quản trị máy chủ tỉnh.', 'This device was revoked.');
  return device;
}

export async function officeOf(sql: { query: HubStore['query'] }, officeId: string): Promise<Office> {
  const [o] = await sql.query<Office>('SELECT id, unit_id AS "unitId", name, area, publishes FROM offices WHERE id = $1', [officeId]);
  return o;
}
