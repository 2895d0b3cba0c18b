import type { AppDatabase } from '../core/database/open-database';
import { readMeta, writeMeta } from '../core/database/meta';

/**
 * This database's enrolment with the province hub, kept in meta (never synced; inside the encrypted file when the
 * database is encrypted). It names the device it was made for: a database copied to another PC or restored
 * continues as a new device (open-database.ts), and its old enrolment no longer holds, so it must enrol again
 * instead of sending as the device it was copied from.
 */
export interface Enrolment {
  hubUrl: string;
  hubId: string;
  /** The hub's keys, pinned at enrolment: its answers and receipts are checked against them. */
  hubSignKey: string;
  hubBoxKey: string;
  deviceId: string;
  officeUnitId: string;
  signPublic: string;
  signPrivate: string;
  boxPublic: string;
  boxPrivate: string;
  enrolledAt: string;
}

const KEY = 'sync.enrolment';

export function readEnrolment(db: AppDatabase): Enrolment | null {
  const text = readMeta(db, KEY);
  return text ? (JSON.parse(text) as Enrolment) : null;
}

export function saveEnrolment(db: AppDatabase, enrolment: Enrolment): void {
  db.sqlite.transaction(() => {
    writeMeta(db, KEY, JSON.stringify(enrolment));
    writeMeta(db, 'sync.acked', '0');
    writeMeta(db, 'sync.pullCursor', '0');
  })();
}

export class SyncRefusal extends Error {
  constructor(readonly code: string, readonly vi: string, en: string) {
    super(en);
  }
}

/** The enrolment this device may sync with, or the reason it may not, in Vietnamese. */
export function currentEnrolment(db: AppDatabase): Enrolment {
  const e = readEnrolment(db);
  if (!e) throw new SyncRefusal('not-enrolled', 'Máy này chưa đăng ký với máy chủ tỉnh: hãy nhập mã đăng ký do quản trị máy chủ cấp.', 'This device is not enrolled with the hub.');
  if (e.deviceId !== db.deviceId) {
    throw new SyncRefusal('device-copied', 'Cơ sở dữ liệu này đã được chép sang máy khác hoặc khôi phục từ bản sao lưu: cần đăng ký lại thiết bị với máy chủ tỉnh (mã đăng ký mới).',
      'This database was copied or restored: enrol this device again.');
  }
  return e;
}

export const readNumber = (db: AppDatabase, key: string) => Number(readMeta(db, key) ?? '0');
export const writeNumber = (db: AppDatabase, key: string, n: number) => writeMeta(db, key, String(n));

/** Everything up to this sequence number of this device is held by the hub. */
export const ackedSeq = (db: AppDatabase) => readNumber(db, 'sync.acked');

export function recordAck(db: AppDatabase, acked: number): void {
  if (acked > ackedSeq(db)) writeNumber(db, 'sync.acked', acked);
}

export const pullCursor = (db: AppDatabase) => readNumber(db, 'sync.pullCursor');
