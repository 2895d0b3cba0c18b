// The canonical form of a beneficiary: what `ansinh export beneficiaries --format json` prints, what an import
// recovers from a workbook, and what the lists for people are written from. One definition for all of them.

export interface FieldProblem {
  field: string;
  code: string;
  message: string;
  /** What the list had in the cell, as the file wrote it (a problem an import found). */
  value?: string;
  /** That cell's column, by its title in the file (or its letter when it has none). */
  column?: string;
  /** Where an import found it: the import (its command id), the sheet and the row. */
  source?: ProblemSource;
  /** A row the import could not record (no name): what its other cells held, by the record's field, as the file wrote it. */
  rowValues?: Record<string, string>;
}

export interface ProblemSource {
  importId: string;
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
  /** NCC, TNCC, BTXH… (null only for an imported row whose category could not be read). */
  categoryGroup: string | null;
  categoryLabel: string | null;
  /** VND per month, integer. */
  monthlyAmount: number | null;
  accountNumber: string | null;
  bankName: string | null;
  bankBin: string | null;
  /** Set when the "bank" a list names is an e-wallet or the carrier's mobile money; a bank account otherwise. */
  accountKind?: 'bank' | 'e-wallet' | 'mobile-money';
  problems: FieldProblem[];
  /** The canonical JSON export only: where the person stands in the police round trip, and which fields are verified. */
  verification?: { status: string; batch: string | null; verifiedFields: string[] };
}
