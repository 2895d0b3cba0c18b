import { closeSync, openSync, readFileSync, readSync, writeFileSync } from 'node:fs';
import type { AppDatabase } from '../core/database/open-database';
import { cachedStatement } from '../core/statement-cache';
import { BundleProblem, readBundle, type BundleHeader } from './bundle-file';
import { callHub, relayToHub } from './hub-client';
import { currentEnrolment, SyncRefusal, type Enrolment } from './sync-state';
import { unitLabel } from '../registry/admin-unit-queries';
import { PROTOCOL_VERSION, type BundleCheckAnswer } from '../../shared/sync/protocol';

// The office above the commune relays a commune's USB bundle (issue 18: consolidation takes sync bundles beside
// workbooks). It cannot read one (the body is encrypted to the hub's key: unreadable on the stick, and at any office
// on the way); it reads the header, hands the bundle to the hub it is enrolled with, writes the hub's receipt beside
// the bundle for the commune, and receives the commune's records by its own sync, as any change from the commune.

const MAGIC = 'ANSINH-BUNDLE\n';

/** Whether a file is a sync bundle (its first bytes), not a workbook. */
export function isBundleFile(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(MAGIC.length);
    return readSync(fd, head, 0, head.length, 0) === head.length && head.toString('latin1') === MAGIC;
  } finally {
    closeSync(fd);
  }
}

export interface BundleAtOffice {
  header: BundleHeader;
  /** The commune the device's records belong to (those this office received before, else the device's office at the hub). */
  commune: { id: string; code: string; name: string } | null;
}

/**
 * What the bundle says of itself, and whether this office can relay it: refusals are one Vietnamese line. The hub is
 * asked who made the bundle (this office cannot read it), so a bundle from a device the hub does not know, a revoked
 * one, one whose signature does not hold, or one from a commune outside this office's area is refused here, in the
 * preview, before anything is relayed or applied.
 */
export async function describeBundle(db: AppDatabase, bytes: Uint8Array, timeoutMs?: number): Promise<BundleAtOffice> {
  const bundle = readBundle(bytes);
  const { header } = bundle;
  if (header.kind !== 'changes') {
    throw new BundleProblem('not-changes', 'đây là biên nhận của máy chủ tỉnh gửi về một xã, không phải gói thay đổi của xã; không nhập.', 'A receipt, not a changes bundle.');
  }
  let enrolment: Enrolment;
  try {
    enrolment = currentEnrolment(db);
  } catch {
    throw new BundleProblem('not-enrolled', 'văn phòng chưa đăng ký với máy chủ tỉnh nên không chuyển được gói đồng bộ (đăng ký ở màn hình Đồng bộ); không nhập.',
      'This office is not enrolled with a hub.');
  }
  if (header.hub !== enrolment.hubId) throw new BundleProblem('other-hub', 'gói đồng bộ này dành cho một máy chủ tỉnh khác; không nhập.', 'The bundle is for another hub.');
  let check: BundleCheckAnswer;
  try {
    check = await callHub<BundleCheckAnswer>({ url: enrolment.hubUrl, device: db.deviceId, signPrivate: enrolment.signPrivate, hubSignKey: enrolment.hubSignKey, timeoutMs },
      '/v1/bundle-check', { v: PROTOCOL_VERSION, device: header.device });
  } catch (e) {
    if (e instanceof SyncRefusal && e.code === 'offline') {
      throw new BundleProblem('offline', 'chưa kiểm tra được gói đồng bộ vì không kết nối được máy chủ tỉnh; hãy thử lại khi có mạng, gói vẫn còn nguyên.', e.message);
    }
    throw e;
  }
  if (check.device === 'unknown' || !check.signKey || !check.office) {
    throw new BundleProblem('not-enrolled', 'gói đồng bộ do một thiết bị chưa đăng ký với máy chủ tỉnh tạo ra; không nhập.', 'The bundle\'s device is not enrolled with the hub.');
  }
  if (check.device === 'revoked') {
    throw new BundleProblem('revoked', 'gói đồng bộ do một thiết bị đã bị thu hồi quyền đồng bộ tạo ra (máy bị mất hoặc thay thế); không nhập. Hãy liên hệ quản trị máy chủ tỉnh.',
      'The bundle\'s device was revoked.');
  }
  if (!bundle.verify(check.signKey)) {
    throw new BundleProblem('bundle-tampered', 'gói đồng bộ đã bị sửa, bị hỏng hoặc không do thiết bị đã đăng ký tạo ra; không nhập.', 'The bundle was altered or not made by its device.');
  }
  const commune = communeOfDevice(db, header.device) ?? unitById(db, check.office.unitId);
  if (!check.office.area.some((unit) => check.area.includes(unit))) {
    const whose = commune ? unitLabel(db.sqlite, commune.id) ?? commune.name : check.office.name;
    throw new BundleProblem('outside-area', `gói đồng bộ của ${whose}, không thuộc địa bàn của văn phòng; không nhập.`, 'The bundle comes from an office outside this office\'s area.');
  }
  return { header, commune };
}

export interface RelayedBundle {
  header: BundleHeader;
  receiptPath: string;
  commune: { id: string; code: string; name: string } | null;
  /** Records of the device received by this office since the relay began: created, and changed. */
  imported: number;
  updated: number;
}

/**
 * Hands the bundle to the hub and writes the receipt beside it (`FILE.bien-nhan`); `receive` is this office's sync
 * round, which brings the commune's records in. The hub refuses an unknown or revoked device, a tampered bundle.
 */
export async function relayBundle(db: AppDatabase, path: string, receive: () => Promise<unknown>, receiptPath = `${path}.bien-nhan`): Promise<RelayedBundle> {
  const bytes = readFileSync(path);
  const { header } = await describeBundle(db, bytes);
  const enrolment = currentEnrolment(db);
  const since = cachedStatement(db.sqlite, 'SELECT coalesce(max(rowid), 0) FROM change_log').pluck().get() as number;
  const receipt = await relayToHub(enrolment.hubUrl, enrolment.hubSignKey, bytes);
  writeFileSync(receiptPath, receipt);
  await receive();
  const counts = cachedStatement(db.sqlite, `SELECT count(DISTINCT CASE WHEN op = 'insert' THEN entity_id END) AS imported,
      count(DISTINCT CASE WHEN op <> 'insert' AND entity_id NOT IN (SELECT entity_id FROM change_log WHERE device_id = ? AND rowid > ? AND op = 'insert') THEN entity_id END) AS updated
    FROM change_log WHERE device_id = ? AND rowid > ? AND entity = 'beneficiaries'`).get(header.device, since, header.device, since) as { imported: number; updated: number };
  return { header, receiptPath, commune: communeOfDevice(db, header.device), ...counts };
}

function unitById(db: AppDatabase, id: string): { id: string; code: string; name: string } | null {
  return (cachedStatement(db.sqlite, 'SELECT id, code, name FROM admin_units WHERE id = ?').get(id) as { id: string; code: string; name: string } | undefined) ?? null;
}

function communeOfDevice(db: AppDatabase, device: string): { id: string; code: string; name: string } | null {
  return (cachedStatement(db.sqlite, `SELECT u.id, u.code, u.name FROM change_log l JOIN beneficiaries b ON b.id = l.entity_id JOIN admin_units u ON u.id = b.unit_id
    WHERE l.device_id = ? AND l.entity = 'beneficiaries' ORDER BY l.rowid DESC LIMIT 1`).get(device) as { id: string; code: string; name: string } | undefined) ?? null;
}
