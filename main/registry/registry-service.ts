import type { AppDatabase } from '../core/database/open-database';
import { AppError } from '../core/errors';
import { cachedStatement } from '../core/statement-cache';
import type { Actor } from '../core/write-path';
import type { BeneficiaryDetail, HistoryEntry, ListBeneficiariesOutput, ListFilterInput, SaveOutcome } from '../../shared/contract/beneficiaries';
import { beneficiaryDetail, beneficiaryFacets, beneficiaryHistory, beneficiaryUnit, rowsByRowid } from './beneficiary-queries';
import { searchBeneficiaries } from './beneficiary-search';
import { importChoices } from './import-choices';
import { savePerson, type SavePersonRequest } from './person-editing';
import { lastEditOf, undoLastEdit } from './undo-last-edit';
import { changeStatus, type StatusChangeRequest } from './status-changes';
import { closeAccount, saveAccount, type SaveAccountRequest } from './payment-accounts';
import { createHousehold, findHouseholds, moveToHousehold, setHeadOfHousehold } from './households';
import { hlcToIso } from '../core/clock';
import type { CheckedUndoReport, UndoRequester } from './command-undo';
import './synced-tables';

/** What a caller may see: every unit (administrator) or the listed ones. */
export interface UnitScope {
  unitIds: readonly string[] | null;
}

/** The list's filters (those left out mean "no filter", name order) and the page asked for. */
export type ListRequest = Pick<ListFilterInput, 'query' | 'village' | 'categoryGroup' | 'status'> & Partial<ListFilterInput> & {
  offset: number;
  limit: number;
};

export function createRegistryService(db: AppDatabase) {
  const sqlite = db.sqlite;
  const notFound = () => new AppError('not-found', 'Không tìm thấy đối tượng (có thể đã bị xóa hoặc ngoài địa bàn của bạn).', 'Beneficiary not found.');

  function assertInScope(scope: UnitScope, id: string): void {
    const unit = beneficiaryUnit(sqlite, id);
    if (!unit || (scope.unitIds && !scope.unitIds.includes(unit))) throw notFound();
  }

  return {
    list(scope: UnitScope, req: ListRequest): ListBeneficiariesOutput {
      const page = searchBeneficiaries(sqlite, { ...req, unitIds: scope.unitIds });
      return { rows: rowsByRowid(sqlite, page.rowids), total: page.total, totalIsLowerBound: page.totalIsLowerBound };
    },
    facets(scope: UnitScope) {
      return { ...beneficiaryFacets(sqlite, scope.unitIds), imports: importChoices(sqlite, scope.unitIds) };
    },
    get(scope: UnitScope, id: string, userId: string | null = null): BeneficiaryDetail {
      assertInScope(scope, id);
      const detail = beneficiaryDetail(sqlite, id);
      if (!detail) throw notFound();
      const last = lastEditOf(db, id);
      const userName = last?.userId ? cachedStatement(sqlite, 'SELECT display_name FROM users WHERE id = ?').pluck().get(last.userId) as string | undefined : undefined;
      return {
        ...detail,
        lastEdit: last ? { commandId: last.commandId, command: last.name, userName: userName ?? null, at: hlcToIso(last.hlc), mine: last.userId === userId } : null,
      };
    },
    undoLastEdit(actor: Actor, requester: UndoRequester, id: string): CheckedUndoReport {
      assertInScope({ unitIds: requester.scope }, id);
      return undoLastEdit(db, actor, requester, id);
    },
    history(scope: UnitScope, id: string): HistoryEntry[] {
      assertInScope(scope, id);
      return beneficiaryHistory(sqlite, id);
    },
    changeStatus(actor: Actor, scope: UnitScope, req: StatusChangeRequest, today?: Date) {
      return changeStatus(db, actor, scope, req, today);
    },
    saveAccount(actor: Actor, scope: UnitScope, req: SaveAccountRequest) {
      return saveAccount(db, actor, scope, req);
    },
    closeAccount(actor: Actor, scope: UnitScope, id: string) {
      closeAccount(db, actor, scope, id);
    },
    createHousehold(actor: Actor, scope: UnitScope, req: Parameters<typeof createHousehold>[3]) {
      return createHousehold(db, actor, scope, req);
    },
    moveToHousehold(actor: Actor, scope: UnitScope, req: Parameters<typeof moveToHousehold>[3]) {
      moveToHousehold(db, actor, scope, req);
    },
    setHeadOfHousehold(actor: Actor, scope: UnitScope, beneficiaryId: string) {
      setHeadOfHousehold(db, actor, scope, beneficiaryId);
    },
    findHouseholds(scope: UnitScope, beneficiaryId: string, query: string) {
      return findHouseholds(db, scope, beneficiaryId, query);
    },
    /** Add a person (id null) or change fields of a record, by hand. */
    save(actor: Actor, scope: UnitScope, req: SavePersonRequest, today?: Date): SaveOutcome {
      return savePerson(db, actor, scope, req, today);
    },
  };
}

export type RegistryService = ReturnType<typeof createRegistryService>;
