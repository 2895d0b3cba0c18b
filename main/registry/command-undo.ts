import type { AppDatabase } from '../core/database/open-database';
import { AppError } from '../core/errors';
import { undoCommand, type Actor, type CommandResult, type UndoReport } from '../core/write-path';
import type { Role } from '../../shared/contract/roles';

// Who may undo what: ONE rule for every undo (an import, a hand edit). A command can be undone when
//  - it is of a kind that can be undone (an import, a hand edit; never a login, a card read, an undo),
//  - everything it touched lies in the requester's units,
//  - the requester is its author or an administrator.
// Refusals are one Vietnamese line; nothing is changed.

/**
 * Command names that can be undone. A capability that adds an undoable command adds its name here.
 * An undo itself is not in the list: redo would have to be its own, explicit command.
 */
export const UNDOABLE_COMMANDS: ReadonlySet<string> = new Set([
  'import',
  'manual-edit',
  'status-change',
  'household-edit',
  'account-edit',
  'problem-fix',
  'duplicate-merge',
]);

export interface UndoRequester {
  userId: string;
  role: Role;
  /** The units the requester may see and change; null = every unit (an administrator without units). */
  scope: readonly string[] | null;
}

export interface UndoableCommand {
  id: string;
  name: string;
  userId: string | null;
  undone: boolean;
}

/** Units of the records a command touched; `outside` counts touched records that belong to no unit we can tell. */
export interface TouchedUnits {
  unitIds: readonly string[];
  unplaced: number;
}

export type UndoRefusal = 'missing' | 'not-undoable' | 'already-undone' | 'not-author' | 'outside-area';

const REFUSALS: Record<UndoRefusal, [string, string]> = {
  missing: ['Không tìm thấy thao tác cần hoàn tác.', 'No such command.'],
  'not-undoable': ['Thao tác này không hoàn tác được: chỉ hoàn tác được lần nhập danh sách và các lần sửa hồ sơ.', 'This kind of command cannot be undone.'],
  'already-undone': ['Thao tác này đã được hoàn tác rồi.', 'This command was already undone.'],
  'not-author': ['Chỉ người đã làm thao tác này hoặc quản trị viên mới được hoàn tác nó.', 'Only its author or an administrator may undo this command.'],
  'outside-area': ['Thao tác này đã thay đổi hồ sơ ngoài địa bàn của bạn; bạn không hoàn tác được.', 'This command changed records outside your units.'],
};

/** Pure: why `requester` may not undo `command` (null = allowed). */
export function undoRefusal(command: UndoableCommand | null, requester: UndoRequester, touched: TouchedUnits): UndoRefusal | null {
  if (!command) return 'missing';
  if (!UNDOABLE_COMMANDS.has(command.name)) return 'not-undoable';
  if (command.undone) return 'already-undone';
  if (requester.role !== 'administrator' && command.userId !== requester.userId) return 'not-author';
  if (requester.scope !== null) {
    if (touched.unplaced > 0) return 'outside-area';
    const scope = new Set(requester.scope);
    if (touched.unitIds.some((u) => !scope.has(u))) return 'outside-area';
  }
  return null;
}

export function undoRefusalError(refusal: UndoRefusal): AppError {
  const [vi, en] = REFUSALS[refusal];
  return new AppError(refusal === 'missing' ? 'command-missing' : `undo-${refusal}`, vi, en);
}

export function readCommand(db: AppDatabase, commandId: string): UndoableCommand | null {
  const row = db.sqlite.prepare(`SELECT c.id, c.name, c.user_id AS userId,
      EXISTS (SELECT 1 FROM commands r WHERE r.reverts = c.id) AS undone
    FROM commands c WHERE c.id = ?`).get(commandId) as (Omit<UndoableCommand, 'undone'> & { undone: number }) | undefined;
  return row ? { ...row, undone: row.undone === 1 } : null;
}

/**
 * The units of every record the command touched: people by their commune, payment accounts, households and
 * duplicate pairs (both records) by theirs. Any other entity (users, units themselves) belongs to no commune: only an administrator of
 * everything may undo such a command.
 */
export function unitsTouchedBy(db: AppDatabase, commandId: string): TouchedUnits {
  const unitIds = db.sqlite.prepare(`
    SELECT b.unit_id FROM change_log c JOIN beneficiaries b ON b.id = c.entity_id WHERE c.command_id = @id AND c.entity = 'beneficiaries'
    UNION SELECT b.unit_id FROM change_log c JOIN payment_accounts p ON p.id = c.entity_id JOIN beneficiaries b ON b.id = p.beneficiary_id
      WHERE c.command_id = @id AND c.entity = 'payment_accounts'
    UNION SELECT h.unit_id FROM change_log c JOIN households h ON h.id = c.entity_id WHERE c.command_id = @id AND c.entity = 'households'
    UNION SELECT b.unit_id FROM change_log c JOIN duplicate_pairs d ON d.id = c.entity_id JOIN beneficiaries b ON b.id IN (d.beneficiary_id, d.other_id)
      WHERE c.command_id = @id AND c.entity = 'duplicate_pairs'
    UNION SELECT b.unit_id FROM change_log c JOIN field_verifications f ON f.id = c.entity_id JOIN beneficiaries b ON b.id = f.beneficiary_id
      WHERE c.command_id = @id AND c.entity = 'field_verifications'`)
    .pluck().all({ id: commandId }) as string[];
  const unplaced = db.sqlite.prepare(`SELECT count(*) FROM change_log c WHERE c.command_id = @id AND c.entity NOT IN ('beneficiaries', 'payment_accounts', 'households', 'duplicate_pairs', 'field_verifications')`)
    .pluck().get({ id: commandId }) as number;
  return { unitIds, unplaced };
}

/** Throws the one-line refusal when `requester` may not undo the command; `kind` narrows to one command name. */
export function assertMayUndo(db: AppDatabase, commandId: string, requester: UndoRequester, kind?: string): UndoableCommand {
  const command = readCommand(db, commandId);
  if (command && kind && command.name !== kind) throw undoRefusalError('missing');
  const refusal = undoRefusal(command, requester, command ? unitsTouchedBy(db, commandId) : { unitIds: [], unplaced: 0 });
  if (refusal) throw undoRefusalError(refusal);
  return command!;
}

/** A field left as it is by an undo because it was changed again since: whose record and which field. */
export interface NamedConflict {
  entity: string;
  entityId: string;
  field: string;
  /** The person the record is (or belongs to), for the clerk to look at. */
  beneficiaryId: string | null;
  personName: string | null;
}

export interface CheckedUndoReport {
  reverted: number;
  conflicts: NamedConflict[];
}

/** Checks the rule, then undoes the command as a new command; conflicts name the person and field. */
export function undoChecked(db: AppDatabase, actor: Actor, requester: UndoRequester, commandId: string, kind?: string): CommandResult<CheckedUndoReport> {
  assertMayUndo(db, commandId, requester, kind);
  const done = undoCommand(db, actor, commandId);
  return { ...done, result: { reverted: done.result.reverted, conflicts: nameConflicts(db, done.result.conflicts) } };
}

function nameConflicts(db: AppDatabase, conflicts: UndoReport['conflicts']): NamedConflict[] {
  const person = db.sqlite.prepare('SELECT id, full_name AS name FROM beneficiaries WHERE id = ?');
  const accountHolder = db.sqlite.prepare('SELECT b.id, b.full_name AS name FROM payment_accounts p JOIN beneficiaries b ON b.id = p.beneficiary_id WHERE p.id = ?');
  return conflicts.map((c) => {
    const who = (c.entity === 'beneficiaries' ? person.get(c.entityId) : c.entity === 'payment_accounts' ? accountHolder.get(c.entityId) : undefined) as
      { id: string; name: string } | undefined;
    return { ...c, beneficiaryId: who?.id ?? null, personName: who?.name ?? null };
  });
}
