import type { AppDatabase } from '../core/database/open-database';
import { AppError } from '../core/errors';
import { cachedStatement } from '../core/statement-cache';
import type { Actor } from '../core/write-path';
import { UNDOABLE_COMMANDS, undoChecked, type CheckedUndoReport, type UndoRequester } from './command-undo';

/** Commands a clerk makes from a record, which "Hoàn tác lần sửa cuối" reverses (an import is undone from the import history). */
export const RECORD_EDIT_COMMANDS = [...UNDOABLE_COMMANDS].filter((c) => c !== 'import');

export interface LastEdit {
  commandId: string;
  name: string;
  userId: string | null;
  hlc: string;
}

/** The newest hand edit of the record (its fields, accounts, or its household's head) that is not undone yet. */
export function lastEditOf(db: AppDatabase, beneficiaryId: string): LastEdit | undefined {
  // From the record's own change-log entries to their commands (never a walk of every command the office made).
  return cachedStatement(db.sqlite, `SELECT c.id AS commandId, c.name, c.user_id AS userId, c.hlc FROM (
        SELECT l.command_id FROM change_log l WHERE l.entity = 'beneficiaries' AND l.entity_id = ?
        UNION SELECT l.command_id FROM payment_accounts a CROSS JOIN change_log l ON l.entity = 'payment_accounts' AND l.entity_id = a.id WHERE a.beneficiary_id = ?
        UNION SELECT l.command_id FROM beneficiaries b CROSS JOIN change_log l ON l.entity = 'households' AND l.entity_id = b.household_id WHERE b.id = ?) e
      CROSS JOIN commands c INDEXED BY sqlite_autoindex_commands_1 ON c.id = e.command_id
    WHERE c.name IN (SELECT value FROM json_each(?))
      AND NOT EXISTS (SELECT 1 FROM commands r WHERE r.reverts = c.id)
    ORDER BY c.hlc DESC LIMIT 1`).get(beneficiaryId, beneficiaryId, beneficiaryId, JSON.stringify(RECORD_EDIT_COMMANDS)) as LastEdit | undefined;
}

/** Undo the record's last hand edit, under the one undo rule (author or administrator, inside the requester's units). */
export function undoLastEdit(db: AppDatabase, actor: Actor, requester: UndoRequester, beneficiaryId: string): CheckedUndoReport {
  const last = lastEditOf(db, beneficiaryId);
  if (!last) throw new AppError('nothing-to-undo', 'Hồ sơ này không có lần sửa nào để hoàn tác.', 'No edit of this record to undo.');
  return undoChecked(db, actor, requester, last.commandId).result;
}
