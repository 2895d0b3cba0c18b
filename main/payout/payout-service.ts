import type { AppDatabase } from '../core/database/open-database';
import { readMeta } from '../core/database/meta';
import { withoutMemoryMap } from '../core/database/without-memory-map';
import { AppError } from '../core/errors';
import { runCommand, type Actor } from '../core/write-path';
import { officeArea, unitLabel } from '../registry/admin-unit-queries';
import type { z } from 'zod';
import type { addLevelInput, rosterGetInput } from '../../shared/contract/payout';
import { formatPeriod, isPeriod } from '../../shared/payout/periods';
import { isRealDay } from '../../shared/payout/typed-values';
import { amountCheckRows, levelRows, officePlaceOf, rosterFor, type RosterRow } from './payout-queries';
import { exportRoster } from './roster-export';
import { reconcileRoster } from './roster-reconcile';
import type { ExportKind } from './exports/roster-table';
import { ensurePayoutReference, levelId } from './payout-reference';
import { createRoster } from './roster-create';
import { approveRoster, lockRoster, releaseBlock, settleLine } from './roster-decisions';
import { rosterData, rosterView, type RosterData } from './roster-view';
import { rosterPeriods } from './roster-periods';
import { payoutLevelTable } from './synced-tables';
import { confirmPaid, type ConfirmPaidInput } from './roster-payments';
import { resolveAmountCheck } from './amount-check-decisions';
import { unitChain } from './payout-queries';
import { entitlementsView, saveEntitlement } from './entitlement-editing';
import type { saveEntitlementInput } from '../../shared/contract/payout';

export interface PayoutScope {
  /** The user's units (null: everywhere), as the registry's scope. */
  unitIds: string[] | null;
}

const noRoster = (period: string) => new AppError('no-roster', `Chưa có bảng kê tháng ${formatPeriod(period)}: tạo bảng kê trước.`, `No roster for ${period}.`);

/** The monthly payout of the office: rosters, their decisions, the amount checks and the levels. */
export function createPayoutService(db: AppDatabase) {
  const sqlite = db.sqlite;

  function officeUnit(): string {
    const unitId = readMeta(db, 'office.unitId');
    if (!unitId) throw new AppError('no-office', 'Cơ sở dữ liệu chưa gắn với xã/phường nào: thiết lập đơn vị trước khi lập bảng kê.', 'The database names no office unit.');
    return unitId;
  }

  function area(scope: PayoutScope): string[] | null {
    const office = officeArea(db);
    if (!scope.unitIds) return office;
    return office ? scope.unitIds.filter((u) => office.includes(u)) : scope.unitIds;
  }

  function checkedPeriod(period: string): string {
    if (!isPeriod(period)) throw new AppError('bad-period', 'Kỳ chi trả phải có dạng YYYY-MM (ví dụ 2026-12).', 'The period must be YYYY-MM.');
    return period;
  }

  function data(period: string): RosterData {
    const d = rosterData(sqlite, officeUnit(), checkedPeriod(period));
    if (!d) throw noRoster(period);
    return d;
  }

  function roster(period: string): RosterRow {
    const r = rosterFor(sqlite, officeUnit(), checkedPeriod(period));
    if (!r) throw noRoster(period);
    return r;
  }

  return {
    officeUnit,
    data,
    create(actor: Actor, scope: PayoutScope, period: string) {
      ensurePayoutReference(db);
      // Every person and every line is read: through the page cache, not the memory map (without-memory-map.ts).
      return { period, ...withoutMemoryMap(sqlite, () => createRoster(db, actor, officeUnit(), area(scope), checkedPeriod(period))) };
    },
    /** The rosters made so far, newest first: what the screen offers to open. */
    periods() {
      return rosterPeriods(sqlite, officeUnit());
    },
    get(input: z.output<typeof rosterGetInput>) {
      const unit = officeUnit();
      return rosterView(sqlite, roster(input.period), unitLabel(sqlite, unit), input);
    },
    release(actor: Actor, input: Parameters<typeof releaseBlock>[3]) {
      return releaseBlock(db, actor, officeUnit(), input);
    },
    approve(actor: Actor, period: string, leaveBlockedOut: boolean) {
      const { heldOut } = approveRoster(db, actor, officeUnit(), checkedPeriod(period), leaveBlockedOut);
      return { period, status: 'approved' as const, heldOut };
    },
    lock(actor: Actor, period: string) {
      lockRoster(db, actor, officeUnit(), checkedPeriod(period));
      return { period, status: 'locked' as const, heldOut: 0 };
    },
    export(actor: Actor, period: string, kind: ExportKind, format: 'xlsx' | 'pdf', file: string, people?: { preparedBy: string | null; signedBy: string | null },
      bankBin: string | null = null) {
      return exportRoster(db, actor, roster(period), officePlaceOf(sqlite, officeUnit()), kind, format, file, people, bankBin);
    },
    reconcile(actor: Actor, period: string, file: string, fileName: string) {
      return reconcileRoster(db, actor, data(period), officePlaceOf(sqlite, officeUnit()), file, fileName);
    },
    settle(actor: Actor, input: Parameters<typeof settleLine>[3]) {
      settleLine(db, actor, officeUnit(), input);
    },
    amountChecks(status: 'open' | 'resolved' | null) {
      return amountCheckRows(sqlite, status).map((c) => ({ id: c.id, beneficiaryId: c.beneficiaryId, fullName: c.fullName, village: c.village,
        regime: c.regimeCode, period: c.period, importedAmount: c.importedAmount, computedAmount: c.computedAmount, status: c.status }));
    },
    entitlements(scope: PayoutScope, beneficiaryId: string) {
      ensurePayoutReference(db);
      return entitlementsView(db, beneficiaryId, scope.unitIds);
    },
    saveEntitlement(actor: Actor, scope: PayoutScope, input: z.output<typeof saveEntitlementInput>) {
      ensurePayoutReference(db);
      return saveEntitlement(db, actor, input, scope.unitIds);
    },
    confirmPaid(actor: Actor, input: ConfirmPaidInput) {
      return confirmPaid(db, actor, roster(input.period), input);
    },
    resolveAmountCheck(actor: Actor, input: Parameters<typeof resolveAmountCheck>[2]) {
      resolveAmountCheck(db, actor, input);
    },
    /** Where a level can apply: the whole country, or the office's commune and each unit above it. */
    levelUnits() {
      const chain = unitChain(sqlite, officeUnit()).reverse();
      return [{ unitId: null, name: 'Toàn quốc' }, ...chain.map((id) => ({ unitId: id, name: unitLabel(sqlite, id) ?? id }))];
    },
    levels() {
      ensurePayoutReference(db);
      return levelRows(sqlite);
    },
    /** A new level from a date (a decree, a province's decision): no new release needed. */
    addLevel(actor: Actor, input: z.output<typeof addLevelInput>) {
      ensurePayoutReference(db);
      const id = levelId(input.levelCode, input.unitId, input.effectiveFrom);
      if (levelRows(sqlite).some((l) => l.id === id)) {
        throw new AppError('level-exists', 'Đã có mức cho loại này, đơn vị này và ngày áp dụng này.', 'That level already exists.');
      }
      if (!isRealDay(input.effectiveFrom) || input.effectiveFrom < '2000-01-01') {
        throw new AppError('bad-date', 'Ngày áp dụng không phải một ngày có thật.', 'Not a real date.');
      }
      if (input.unitId !== null && !unitChain(sqlite, officeUnit()).includes(input.unitId)) {
        throw new AppError('level-unit', 'Mức riêng chỉ đặt được cho xã này hoặc tỉnh của xã.', 'A local level applies only to this office\'s units.');
      }
      if (!levelRows(sqlite).some((l) => l.levelCode === input.levelCode)) {
        throw new AppError('level-unknown', 'Không có loại mức chuẩn này.', 'Unknown level code.');
      }
      runCommand(db, actor, 'payout-level-add', (w) => {
        w.insert(payoutLevelTable, { id, ...input });
        w.summary = { levelCode: input.levelCode, effectiveFrom: input.effectiveFrom, amount: input.amount };
      });
      return levelRows(sqlite).find((l) => l.id === id)!;
    },
  };
}

export type PayoutService = ReturnType<typeof createPayoutService>;
