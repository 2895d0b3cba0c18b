import type { SqliteConnection } from '../core/database/open-database';
import type { Writer } from '../core/write-path';
import type { FieldProblem } from '../../shared/canonical-record';
import { paymentChannelOf, type AccountForChannel } from './payment-channel';
import { beneficiaryTable } from './synced-tables';

export function accountsForChannel(db: SqliteConnection, beneficiaryId: string): AccountForChannel[] {
  return db.prepare("SELECT kind, owner, status, purpose FROM payment_accounts WHERE beneficiary_id = ? AND deleted = 0 AND status = 'active'")
    .all(beneficiaryId) as AccountForChannel[];
}

/** After a person's accounts changed in this command: the list's copy of the channel follows them. */
export function refreshPaymentChannel(w: Writer, db: SqliteConnection, beneficiaryId: string): void {
  const row = w.get(beneficiaryTable, beneficiaryId);
  if (!row) return;
  const problems = JSON.parse(String(row.problems ?? '[]')) as FieldProblem[];
  w.update(beneficiaryTable, beneficiaryId, { paymentChannel: paymentChannelOf(accountsForChannel(db, beneficiaryId), problems) });
}
