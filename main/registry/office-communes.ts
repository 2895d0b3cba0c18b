import type { AppDatabase } from '../core/database/open-database';
import { readMeta } from '../core/database/meta';
import { cachedStatement } from '../core/statement-cache';
import { AppError } from '../core/errors';
import { unitLabel } from './admin-unit-queries';

// Where an office's lists and records go: always one commune in force, of the office's own area. A commune office
// has one; an office above the commune (a province, or a group of a province's communes) has many, and every
// import or new record names which.

export interface OfficeCommune {
  id: string;
  code: string;
  name: string;
}

/** The communes in force of the office's area, by name; null when the database names no office unit. */
export function officeCommunes(db: AppDatabase): OfficeCommune[] | null {
  const unitId = readMeta(db, 'office.unitId');
  if (!unitId) return null;
  const own = JSON.parse(readMeta(db, 'office.unitIds') ?? '[]') as string[];
  return cachedStatement(db.sqlite, `WITH RECURSIVE area(id) AS (
      SELECT value FROM json_each(?) UNION SELECT u.id FROM area a CROSS JOIN admin_units u INDEXED BY admin_units_parent ON u.parent_id = a.id)
    SELECT u.id, u.code, u.name FROM area a JOIN admin_units u ON u.id = a.id
    WHERE u.level = 'commune' AND u.deleted = 0 AND u.effective_to IS NULL ORDER BY u.name, u.code`)
    .all(JSON.stringify(own.length ? own : [unitId])) as OfficeCommune[];
}

/** The office has more than one commune: an import or a new record must say which. */
export function officeAboveCommune(db: AppDatabase): boolean {
  const communes = officeCommunes(db);
  return communes !== null && (communes.length !== 1 || communes[0].id !== readMeta(db, 'office.unitId'));
}

/**
 * The commune a list or a new record goes to: the one asked for, else the office's own when the office is one
 * commune. Refused, in Vietnamese, when none is chosen in an office above the commune, when the unit is a province
 * or a district or no longer in force, or when it lies outside the office's area.
 */
export function checkTargetCommune(db: AppDatabase, unitId: string | null): string {
  const office = readMeta(db, 'office.unitId');
  const unit = unitId ?? office;
  if (!unit) throw new AppError('no-unit', 'Chưa chọn xã/phường.', 'No commune chosen.');
  const communes = officeCommunes(db);
  if (unitId === null && communes && officeAboveCommune(db)) {
    throw new AppError('choose-commune', 'Văn phòng phụ trách nhiều xã/phường: hãy chọn xã/phường của danh sách hoặc của hồ sơ.',
      'This office covers several communes: choose the commune.');
  }
  const row = cachedStatement(db.sqlite, 'SELECT level, effective_to AS effectiveTo FROM admin_units WHERE id = ? AND deleted = 0').get(unit) as
    { level: string; effectiveTo: string | null } | undefined;
  if (!row) throw new AppError('no-unit', 'Không tìm thấy xã/phường này trong danh mục.', 'Unknown unit.');
  const label = unitLabel(db.sqlite, unit) ?? unit;
  if (row.level !== 'commune') {
    const level = row.level === 'province' ? 'cấp tỉnh' : 'cấp huyện';
    throw new AppError('not-a-commune', `“${label}” là đơn vị ${level}: danh sách và hồ sơ chỉ ghi vào một xã/phường. Hãy chọn xã/phường.`,
      'Lists and records go to a commune, not a province or district.');
  }
  if (row.effectiveTo !== null) {
    throw new AppError('unit-not-in-force', `“${label}” không còn là đơn vị hành chính hiện hành; hãy chọn xã/phường hiện nay.`, 'This commune is no longer in force.');
  }
  if (communes && !communes.some((c) => c.id === unit)) {
    throw new AppError('outside-office-area', `“${label}” không thuộc địa bàn của văn phòng này.`, 'This commune is outside the office\'s area.');
  }
  return unit;
}
