import type { SqliteConnection } from '../core/database/open-database';
import { formatBirth } from '../../shared/format/dates';
import type { UnitScope } from './registry-service';

/**
 * Who else holds this ID number, said so that the clerk can act: the person's name when they are in the
 * user's units, only the commune otherwise. Undefined when nobody else does.
 */
export function idHolder(db: SqliteConnection, field: 'idNumber' | 'oldIdNumber', id: string, self: string | null, scope: UnitScope): string | undefined {
  const column = field === 'idNumber' ? 'id_number' : 'old_id_number';
  const other = db.prepare(`SELECT b.full_name AS fullName, b.birth, b.unit_id AS unitId, u.name AS unitName
    FROM beneficiaries b JOIN admin_units u ON u.id = b.unit_id WHERE b.${column} = ? AND b.deleted = 0 AND b.id IS NOT ? LIMIT 1`)
    .get(id, self) as { fullName: string; birth: string | null; unitId: string; unitName: string } | undefined;
  if (!other) return undefined;
  const what = field === 'idNumber' ? 'Số định danh' : 'Số CMND';
  if (scope.unitIds && !scope.unitIds.includes(other.unitId)) return `${what} này đang có tên ở ${other.unitName}; không thể ghi cho hai người.`;
  const born = other.birth ? `, sinh ${formatBirth(other.birth)}` : '';
  return `${what} này là của ${other.fullName}${born} (${other.unitName}); không thể ghi cho hai người.`;
}
