import type { AppDatabase } from '../core/database/open-database';
import { AppError } from '../core/errors';
import { runCommand, type Actor } from '../core/write-path';
import type { FieldProblem } from '../../shared/canonical-record';
import type { StatusChangeOutcome } from '../../shared/contract/beneficiaries';
import { editRefusal, isEditRefusal, lastChangeOf } from './edit-conflict';
import { editProblem } from './edit-messages';
import { readDayText, readPlainText } from './person-fields';
import { beneficiaryTable } from './synced-tables';
import type { UnitScope } from './registry-service';

export interface StatusChangeRequest {
  ids: readonly string[];
  status: 'active' | 'stopped' | 'deceased' | 'moved';
  /** As typed: dd/mm/yyyy. */
  date: string;
  reason: string;
  /** From the record's own screen: the revision the clerk saw (a bulk change from the list names none). */
  baseRev: number | null;
}

/**
 * Stopped, moved away, deceased (the date of death; payments stop the month after), back to active: for one
 * person or a selection, in one command with its date and reason. A person outside the user's units stops it all.
 */
export function changeStatus(db: AppDatabase, actor: Actor, scope: UnitScope, req: StatusChangeRequest, today = new Date()): StatusChangeOutcome {
  const errors: FieldProblem[] = [];
  const day = readDayText(req.date, today, 'date');
  if (day.problem) errors.push(day.problem);
  else if (!day.value) errors.push(editProblem('date', 'status-date-required'));
  const reason = readPlainText(req.reason);
  if (!reason) errors.push(editProblem('reason', 'reason-required'));
  if (errors.length) return { outcome: 'invalid', errors };
  try {
    return runCommand(db, actor, 'status-change', (w): StatusChangeOutcome => {
      let changed = 0;
      for (const id of new Set(req.ids)) {
        const current = w.get(beneficiaryTable, id);
        if (!current || current.deleted || (scope.unitIds && !scope.unitIds.includes(String(current.unitId)))) {
          throw new AppError('not-found', 'Có người trong danh sách chọn không tìm thấy hoặc ngoài địa bàn của bạn; chưa đổi trạng thái ai.', 'A selected person is missing or outside your units.');
        }
        if (req.baseRev !== null && req.ids.length === 1 && current.rev !== req.baseRev) {
          throw editRefusal({ outcome: 'conflict', conflict: lastChangeOf(db.sqlite, id, scope) });
        }
        if (w.update(beneficiaryTable, id, { status: req.status, statusDate: day.value, statusReason: reason }).length) changed += 1;
      }
      w.summary = { status: req.status, date: day.value, reason, people: changed };
      return { outcome: 'saved', changed };
    }).result;
  } catch (e) {
    if (isEditRefusal(e)) return e.refusal as StatusChangeOutcome;
    throw e;
  }
}
