import { defineSyncedTable } from '../core/synced-tables';
import { foldVietnamese } from '../../shared/text/fold';
import { nameSortKey } from '../../shared/text/name-sort-key';
import { reversedId } from './id-fragment';
import { adminUnits, beneficiaries, households, paymentAccounts } from './tables';

export const beneficiaryTable = defineSyncedTable(beneficiaries, {
  derive: (row) => ({
    searchName: foldVietnamese(String(row.fullName ?? '')),
    sortKey: nameSortKey(String(row.fullName ?? '')),
    idNumberReversed: reversedId(row.idNumber),
    oldIdNumberReversed: reversedId(row.oldIdNumber),
  }),
  bulkIndex: {
    trigger: 'beneficiaries_fts_insert',
    catchUp: 'INSERT INTO beneficiaries_fts(rowid, search_name) SELECT rowid, search_name FROM beneficiaries WHERE rowid > ?',
  },
  // verified: a local summary of field_verifications kept by its triggers, never written by a command.
}, ['searchName', 'sortKey', 'idNumberReversed', 'oldIdNumberReversed', 'verified']);

export const householdTable = defineSyncedTable(households);
export const paymentAccountTable = defineSyncedTable(paymentAccounts);
export const adminUnitTable = defineSyncedTable(adminUnits);
