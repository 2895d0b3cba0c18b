import type { z } from 'zod';
import type { AppDatabase } from '../core/database/open-database';
import { AppError } from '../core/errors';
import { runCommand, type Actor } from '../core/write-path';
import type { EntitlementView, saveEntitlementInput } from '../../shared/contract/payout';
import { coefficientGroup } from '../../shared/payout/coefficients';
import { dueInMonth } from '../../shared/payout/month-amounts';
import { monthIndex, periodOfDate } from '../../shared/payout/periods';
import { entitlementsOf, levelRows, personBasisOf, regimeRows, unitChain, type EntitlementRow, type PersonBasisRow } from './payout-queries';
import { entitlementTable } from './synced-tables';

function person(db: AppDatabase, beneficiaryId: string, unitIds: readonly string[] | null): PersonBasisRow {
  const p = personBasisOf(db.sqlite, beneficiaryId);
  if (!p || (unitIds && !unitIds.includes(p.unitId))) throw new AppError('not-found', 'Không tìm thấy đối tượng này trong địa bàn của bạn.', 'No such person in your units.');
  return p;
}

/** What the entitlement pays in the current month (or the nearest month it covers). */
function monthOf(db: AppDatabase, p: PersonBasisRow, e: EntitlementRow, today = new Date()): EntitlementView['month'] {
  const now = periodOfDate(today.toISOString().slice(0, 10));
  const period = monthIndex(now) < monthIndex(e.from) ? e.from : e.to && monthIndex(now) > monthIndex(e.to) ? e.to : now;
  const regime = regimeRows(db.sqlite).find((r) => r.code === e.regimeCode);
  const none = { period, amount: null, level: null, hundredths: null, override: false };
  if (!regime) return { ...none, problem: 'Không có chế độ này' };
  // The month as if the person were active: what the entitlement itself is worth, whatever the person's status.
  const due = dueInMonth(regime, [e], regime.kind === 'monthly' ? { ...p, status: 'active' } : p, levelRows(db.sqlite), unitChain(db.sqlite, p.unitId), period);
  if (!due) return { ...none, problem: regime.kind === 'one-off' ? 'Chỉ chi một lần khi phát sinh' : 'Không được hưởng trong tháng này' };
  if ('problem' in due) return { ...none, problem: due.problem === 'no-level' ? 'Chưa có mức chuẩn cho tháng này' : 'Chưa xác định được hệ số (nhóm, tuổi)' };
  return { period, amount: due.amount, level: due.override ? null : due.level, hundredths: due.override ? null : due.hundredths, override: due.override, problem: null };
}

function view(db: AppDatabase, p: PersonBasisRow, e: EntitlementRow): EntitlementView {
  return { id: e.id, regimeCode: e.regimeCode, groupCode: e.groupCode, hundredths: e.hundredths, from: e.from, to: e.to,
    overrideAmount: e.overrideAmount, overrideReason: e.overrideReason, basis: e.basis, month: monthOf(db, p, e) };
}

export function entitlementsView(db: AppDatabase, beneficiaryId: string, unitIds: readonly string[] | null) {
  const p = person(db, beneficiaryId, unitIds);
  return {
    entitlements: entitlementsOf(db.sqlite, beneficiaryId).map((e) => view(db, p, e)),
    regimes: regimeRows(db.sqlite).map((r) => ({ code: r.code, name: r.name, kind: r.kind })),
  };
}

/**
 * Enters a new entitlement or corrects one (a decision the clerk types in): the regime must exist, the group must
 * be one of the decree's, and an override always carries its reason. Locked rosters are left as they are: the
 * next period pays or recovers the difference.
 */
export function saveEntitlement(db: AppDatabase, actor: Actor, input: z.output<typeof saveEntitlementInput>, unitIds: readonly string[] | null): EntitlementView {
  const p = person(db, input.beneficiaryId, unitIds);
  if (!regimeRows(db.sqlite).some((r) => r.code === input.regimeCode)) throw new AppError('regime-unknown', 'Không có chế độ này.', 'Unknown regime.');
  if (input.groupCode && !coefficientGroup(input.groupCode)) throw new AppError('group-unknown', 'Không có nhóm đối tượng này.', 'Unknown coefficient group.');
  const values = {
    beneficiaryId: input.beneficiaryId, regimeCode: input.regimeCode, groupCode: input.groupCode, hundredths: input.hundredths, fromPeriod: input.from,
    toPeriod: input.to, overrideAmount: input.overrideAmount, overrideReason: input.overrideAmount !== null ? input.overrideReason : null, basis: input.basis,
  };
  const id = runCommand(db, actor, 'entitlement-edit', (w) => {
    let id = input.id;
    if (id) {
      const existing = entitlementsOf(db.sqlite, input.beneficiaryId).find((e) => e.id === id);
      if (!existing) throw new AppError('not-found', 'Không tìm thấy chế độ này của đối tượng.', 'No such entitlement of this person.');
      w.update(entitlementTable, id, values);
    } else {
      id = w.insert(entitlementTable, values);
    }
    w.summary = { beneficiaryId: input.beneficiaryId, regimeCode: input.regimeCode, from: input.from, to: input.to, override: input.overrideAmount !== null };
    return id;
  }).result;
  return view(db, p, entitlementsOf(db.sqlite, input.beneficiaryId).find((e) => e.id === id)!);
}
