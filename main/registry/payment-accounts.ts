import type { AppDatabase } from '../core/database/open-database';
import { AppError } from '../core/errors';
import { runCommand, type Actor } from '../core/write-path';
import type { FieldProblem } from '../../shared/canonical-record';
import type { AccountOutcome } from '../../shared/contract/beneficiaries';
import { readAccount, type TypedAccount } from './account-rules';
import { editProblem } from './edit-messages';
import { refreshPaymentChannel } from './payment-channel-refresh';
import { withoutProblemsOf } from './record-problems';
import { beneficiaryTable, paymentAccountTable } from './synced-tables';
import type { UnitScope } from './registry-service';

export interface SaveAccountRequest extends TypedAccount {
  beneficiaryId: string;
  /** null: a new account. */
  id: string | null;
  baseRev: number | null;
  purpose: 'monthly' | 'one-off';
}

const notFound = () => new AppError('not-found', 'Không tìm thấy đối tượng hoặc tài khoản (có thể ngoài địa bàn của bạn).', 'Beneficiary or account not found.');

function refusal(errors: FieldProblem[]): Error & { refusal: AccountOutcome } {
  return Object.assign(new Error('invalid'), { refusal: { outcome: 'invalid' as const, errors } });
}

/**
 * Add or change a payment account: the bank from the directory, the number checked for form, the holder (the
 * person, or an authorised person with their ID); at most one active account per purpose. The record's account
 * problems are fixed by it, and the channel follows.
 */
export function saveAccount(db: AppDatabase, actor: Actor, scope: UnitScope, req: SaveAccountRequest): AccountOutcome {
  try {
    return runCommand(db, actor, 'account-edit', (w): AccountOutcome => {
      const person = w.get(beneficiaryTable, req.beneficiaryId);
      if (!person || person.deleted || (scope.unitIds && !scope.unitIds.includes(String(person.unitId)))) throw notFound();
      const current = req.id ? w.get(paymentAccountTable, req.id) : undefined;
      if (req.id && (!current || current.deleted || current.beneficiaryId !== req.beneficiaryId)) throw notFound();
      if (current && req.baseRev !== null && current.rev !== req.baseRev) throw refusal([editProblem('number', 'account-stale')]);

      const { account, errors } = readAccount(req, String(person.fullName));
      const active = current ? current.status === 'active' : true;
      if (active) {
        const other = db.sqlite.prepare(`SELECT 1 FROM payment_accounts WHERE beneficiary_id = ? AND deleted = 0 AND status = 'active'
          AND purpose = ? AND id IS NOT ?`).get(req.beneficiaryId, req.purpose, req.id);
        if (other) errors.push(editProblem('purpose', 'second-active-account'));
      }
      if (errors.length) throw refusal(errors);

      const values = { kind: req.kind, owner: req.owner, purpose: req.purpose, ...account };
      const id = current ? req.id! : w.insert(paymentAccountTable, { beneficiaryId: req.beneficiaryId, ...values });
      if (current) w.update(paymentAccountTable, id, values);
      const problems = JSON.parse(String(person.problems)) as FieldProblem[];
      const fixed = withoutProblemsOf(problems, new Set(['accountNumber', 'bankName']));
      if (fixed.length !== problems.length) w.update(beneficiaryTable, req.beneficiaryId, { problems: JSON.stringify(fixed) });
      refreshPaymentChannel(w, db.sqlite, req.beneficiaryId);
      w.summary = { beneficiaryId: req.beneficiaryId, account: id, kind: req.kind, owner: req.owner };
      return { outcome: 'saved', id };
    }).result;
  } catch (e) {
    if (e instanceof Error && 'refusal' in e) return (e as Error & { refusal: AccountOutcome }).refusal;
    throw e;
  }
}

/** Close an account: kept in the history, no longer paid into; the channel follows the accounts left. */
export function closeAccount(db: AppDatabase, actor: Actor, scope: UnitScope, id: string): void {
  runCommand(db, actor, 'account-edit', (w) => {
    const account = w.get(paymentAccountTable, id);
    const person = account && w.get(beneficiaryTable, String(account.beneficiaryId));
    if (!account || account.deleted || !person || (scope.unitIds && !scope.unitIds.includes(String(person.unitId)))) throw notFound();
    w.update(paymentAccountTable, id, { status: 'closed' });
    refreshPaymentChannel(w, db.sqlite, String(account.beneficiaryId));
    w.summary = { beneficiaryId: account.beneficiaryId, account: id, closed: true };
  });
}
