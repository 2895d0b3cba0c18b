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
    triggers: ['beneficiaries_fts_insert', 'beneficiary_name_words_insert'],
    catchUp: [
      'INSERT INTO beneficiaries_fts(rowid, search_name) SELECT rowid, search_name FROM beneficiaries WHERE rowid > ?',
      // The same entries as the trigger's (migration 0017), in the postings' own order.
      `INSERT OR IGNORE INTO beneficiary_name_words (word, sort_key, person, search_name)
        SELECT j.value, b.sort_key, b.rowid, b.search_name FROM beneficiaries b, json_each('["' || replace(b.search_name, ' ', '","') || '"]') j
        WHERE b.rowid > ? AND b.deleted = 0 AND j.value <> '' ORDER BY 1, 2, 3`,
    ],
  },
  // verified: a local summary of field_verifications kept by its triggers, never written by a command.
}, ['searchName', 'sortKey', 'idNumberReversed', 'oldIdNumberReversed', 'verified']);

export const householdTable = defineSyncedTable(households);
export const paymentAccountTable = defineSyncedTable(paymentAccounts);
export const adminUnitTable = defineSyncedTable(adminUnits);
