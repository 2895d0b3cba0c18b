import type { CanonicalRecord } from '../../../main/excel/canonical-record';

/** A record as the sample's *.truth.json states it. */
export interface TruthRecord {
  fullName: string;
  birth: string | null;
  sex: 'M' | 'F' | null;
  idNumber: string | null;
  oldIdNumber?: string | null;
  hometown: string | null;
  permanentAddress: string | null;
  categoryGroup: string | null;
  categoryLabel: string | null;
  monthlyAmount: number | null;
  accountNumber: string | null;
  bankName: string | null;
  bankBin: string | null;
  accountNumberCorrupted?: string;
  idNumberRejected?: string;
}

const FIELDS = ['birth', 'sex', 'idNumber', 'oldIdNumber', 'hometown', 'permanentAddress', 'categoryGroup', 'categoryLabel', 'monthlyAmount', 'accountNumber', 'bankName', 'bankBin'] as const;

/** Every difference between what was read and the truth, as readable lines (empty when all fields agree). */
export function differencesFromTruth(records: CanonicalRecord[], truth: TruthRecord[]): string[] {
  const out: string[] = [];
  if (records.length !== truth.length) out.push(`record count ${records.length} ≠ ${truth.length}`);
  const n = Math.min(records.length, truth.length);
  for (let i = 0; i < n; i++) {
    const r = records[i];
    const t = truth[i];
    const where = `#${i + 1} (row ${r.source.row})`;
    if (r.fullName.toLocaleLowerCase('vi') !== t.fullName.toLocaleLowerCase('vi')) out.push(`${where} fullName ${r.fullName} ≠ ${t.fullName}`);
    for (const f of FIELDS) {
      const expected = (t as unknown as Record<string, unknown>)[f] ?? null;
      const actual = (r as unknown as Record<string, unknown>)[f] ?? null;
      if (expected !== actual) out.push(`${where} ${f} ${JSON.stringify(actual)} ≠ ${JSON.stringify(expected)}`);
    }
    if (t.accountNumberCorrupted && !r.problems.some((p) => p.field === 'accountNumber')) out.push(`${where} no problem on accountNumber`);
    if (t.idNumberRejected && !r.problems.some((p) => p.field === 'idNumber')) out.push(`${where} no problem on idNumber`);
  }
  return out;
}
