import type { SqliteConnection } from '../core/database/open-database';
import { hlcToIso } from '../core/clock';
import { formatDateTime } from '../../shared/format/dates';
import type { EditConflict, SaveOutcome } from '../../shared/contract/beneficiaries';
import { beneficiaryDetail } from './beneficiary-queries';
import type { UnitScope } from './registry-service';

/** Thrown inside a command to roll it back and answer with a refusal instead. */
export interface EditRefusal extends Error {
  refusal: Extract<SaveOutcome, { outcome: 'invalid' | 'conflict' }>;
}

export function editRefusal(refusal: EditRefusal['refusal']): EditRefusal {
  return Object.assign(new Error(refusal.outcome), { refusal });
}

export function isEditRefusal(e: unknown): e is EditRefusal {
  return e instanceof Error && 'refusal' in e;
}

/** Someone saved the record since the clerk opened it: who, when, and the record as it is now. */
export function lastChangeOf(db: SqliteConnection, id: string, _scope: UnitScope): EditConflict {
  const last = db.prepare(`SELECT l.hlc, u.display_name AS userName FROM change_log l JOIN commands c ON c.id = l.command_id
    LEFT JOIN users u ON u.id = c.user_id WHERE l.entity = 'beneficiaries' AND l.entity_id = ? ORDER BY l.hlc DESC, l.seq DESC LIMIT 1`)
    .get(id) as { hlc: string; userName: string | null } | undefined;
  const at = last ? hlcToIso(last.hlc) : null;
  const who = last?.userName ?? 'người khác';
  const message = at
    ? `Hồ sơ vừa được ${who} sửa lúc ${formatDateTime(at)}. Đang hiện giá trị mới của họ; những gì bạn đã nhập vẫn được giữ, hãy xem lại rồi lưu.`
    : 'Hồ sơ vừa được người khác sửa. Đang hiện giá trị mới; những gì bạn đã nhập vẫn được giữ, hãy xem lại rồi lưu.';
  return { message, by: last?.userName ?? null, at, current: beneficiaryDetail(db, id)! };
}
