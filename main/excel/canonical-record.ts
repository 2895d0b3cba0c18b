// The records an import recovers from a workbook, in the canonical form of `ansinh export beneficiaries`.

export type CategoryGroup = 'NCC' | 'TNCC' | 'BTXH';

export interface FieldProblem {
  field: string;
  code: string;
  message: string;
}

/** A problem located in the workbook, as listed under "needs fixing". */
export interface Problem extends FieldProblem {
  sheet: string;
  row: number;
}

export interface CanonicalRecord {
  fullName: string;
  /** `YYYY-MM-DD`, or `YYYY` when only the year is known. */
  birth: string | null;
  sex: 'M' | 'F' | null;
  idNumber: string | null;
  oldIdNumber: string | null;
  hometown: string | null;
  permanentAddress: string | null;
  village: string | null;
  categoryGroup: CategoryGroup | null;
  categoryLabel: string | null;
  /** VND per month, integer. */
  monthlyAmount: number | null;
  accountNumber: string | null;
  bankName: string | null;
  bankBin: string | null;
  problems: FieldProblem[];
  source: { sheet: string; row: number };
}

/** Fields a column of a list can hold. `birthMale`/`birthFemale` are the "Năm sinh" over "Nam" | "Nữ" layout. */
export type ColumnField =
  | 'rowNumber' | 'fullName' | 'birth' | 'birthMale' | 'birthFemale' | 'sex' | 'sexMale' | 'sexFemale'
  | 'idNumber' | 'oldIdNumber' | 'hometown' | 'permanentAddress' | 'village' | 'categoryLabel' | 'monthlyAmount'
  | 'accountNumber' | 'bankName' | 'note';

export const COLUMN_FIELDS: readonly ColumnField[] = [
  'rowNumber', 'fullName', 'birth', 'birthMale', 'birthFemale', 'sex', 'sexMale', 'sexFemale', 'idNumber', 'oldIdNumber', 'hometown',
  'permanentAddress', 'village', 'categoryLabel', 'monthlyAmount', 'accountNumber', 'bankName', 'note',
];
