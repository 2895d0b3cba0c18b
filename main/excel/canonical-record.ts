// The records an import recovers from a workbook, in the canonical form of `ansinh export beneficiaries`.
import { COLUMN_FIELDS } from '../../shared/contract/imports';
import type { CanonicalRecord as SharedCanonicalRecord, FieldProblem } from '../../shared/canonical-record';

export type CategoryGroup = 'NCC' | 'TNCC' | 'BTXH';

export type { FieldProblem };

/** A problem located in the workbook, as listed under "needs fixing". */
export interface Problem extends FieldProblem {
  sheet: string;
  row: number;
  /** The person the row names (null: a row without a name, not imported). */
  fullName?: string | null;
  /** The record the row became or updated, once committed (null: not imported, or another commune's person). */
  beneficiaryId?: string | null;
}

/** A record as read from a workbook: the canonical fields, a known category group, and where it came from. */
export interface CanonicalRecord extends Omit<SharedCanonicalRecord, 'categoryGroup'> {
  categoryGroup: CategoryGroup | null;
  source: { sheet: string; row: number };
  /** Dân tộc: present only when the list has such a column. */
  ethnicity?: string | null;
}

/**
 * Fields a column of a list can hold (the contract's list). `birthMale`/`birthFemale` are the "Năm sinh" over
 * "Nam" | "Nữ" layout; `givenName` (and `middleName`) and `birthDay`/`birthMonth`/`birthYear` the split "Họ đệm" | "Tên" and
 * "Ngày" | "Tháng" | "Năm" columns.
 */
export type ColumnField = (typeof COLUMN_FIELDS)[number];
export { COLUMN_FIELDS };
