import type { AppDatabase } from '../core/database/open-database';
import { AppError } from '../core/errors';
import { runCommand, type Actor } from '../core/write-path';
import { monthIndex } from '../../shared/payout/periods';
import { amountCheckRows, entitlementsOf } from './payout-queries';
import { amountCheckTable, entitlementTable } from './synced-tables';

/**
 * An imported "mức trợ cấp" that differs from the computed amount, decided by the clerk: either the computed
 * amount is right (the list was wrong: the item is resolved and stays so while both figures stay the same), or
 * the imported amount is what the decision says: it becomes the entitlement's override, with the reason.
 */
export function resolveAmountCheck(db: AppDatabase, actor: Actor, input: { id: string; decision: 'computed' | 'imported'; reason: string }): void {
  const check = amountCheckRows(db.sqlite, null).find((c) => c.id === input.id);
  if (!check) throw new AppError('no-amount-check', 'Không tìm thấy mục kiểm tra mức này.', 'No such amount check.');
  if (check.status !== 'open') throw new AppError('amount-check-decided', 'Mục này đã được xử lý rồi.', 'That check is decided already.');
  const m = monthIndex(check.period);
  const inForce = entitlementsOf(db.sqlite, check.beneficiaryId)
    .filter((e) => e.regimeCode === check.regimeCode && monthIndex(e.from) <= m && (e.to === null || monthIndex(e.to) >= m))
    .sort((a, b) => (a.from < b.from ? 1 : -1))[0];
  if (input.decision === 'imported' && !inForce) {
    throw new AppError('no-entitlement', 'Người này chưa có chế độ đang hưởng cho tháng đó: nhập chế độ trước.', 'No entitlement in force for that month.');
  }
  runCommand(db, actor, 'amount-check-decide', (w) => {
    if (input.decision === 'imported') {
      w.update(entitlementTable, inForce!.id, { overrideAmount: check.importedAmount, overrideReason: input.reason });
    }
    w.update(amountCheckTable, check.id, { status: 'resolved' });
    w.summary = { check: check.id, decision: input.decision, reason: input.reason, imported: check.importedAmount, computed: check.computedAmount };
  });
}
