// The checks a list must pass before the police can match it (the children's procedure lists them: no ID number,
// a malformed one, a missing or wrong name, birth date, sex, ethnicity, place of birth registration). Pure: each
// problem becomes a queue item when the list is sent.

import { readIdNumber } from '../../shared/id-number/id-number';

export interface QualityFacts {
  fullName: string;
  birth: string | null;
  sex: 'M' | 'F' | null;
  idNumber: string | null;
  oldIdNumber: string | null;
  ethnicity: string | null;
  hometown: string | null;
}

export interface QualityProblem {
  kind: 'id-invalid' | 'data-quality';
  field: 'idNumber' | 'fullName' | 'birth' | 'sex' | 'ethnicity' | 'hometown';
  /** Our value as it stands (null: missing). */
  value: string | null;
}

/** Under 16 on `day` (YYYY-MM-DD); unknown birth: not known to be a child. */
export function isChild(birth: string | null, day: string): boolean {
  if (!birth) return false;
  const year = Number(birth.slice(0, 4));
  if (birth.length === 4) return Number(day.slice(0, 4)) - year < 16;
  const age = Number(day.slice(0, 4)) - year - (day.slice(5) < birth.slice(5) ? 1 : 0);
  return age < 16;
}

export function qualityProblems(p: QualityFacts, day: string): QualityProblem[] {
  const out: QualityProblem[] = [];
  const id = readIdNumber(p.idNumber ?? '');
  if (id.kind === 'empty' && !p.oldIdNumber) out.push({ kind: 'id-invalid', field: 'idNumber', value: null });
  if (id.kind === 'malformed') out.push({ kind: 'id-invalid', field: 'idNumber', value: p.idNumber });
  const name = p.fullName.trim();
  if (name.split(/\s+/).length < 2 || /[\d@#$%^&*_=+<>/\\|]/.test(name)) out.push({ kind: 'data-quality', field: 'fullName', value: name || null });
  const child = isChild(p.birth, day);
  // A child's birth is on the birth certificate to the day: a year alone cannot be matched.
  if (!p.birth || (child && p.birth.length === 4)) out.push({ kind: 'data-quality', field: 'birth', value: p.birth });
  if (!p.sex) out.push({ kind: 'data-quality', field: 'sex', value: null });
  if (child && !p.ethnicity?.trim()) out.push({ kind: 'data-quality', field: 'ethnicity', value: null });
  if (child && !p.hometown?.trim()) out.push({ kind: 'data-quality', field: 'hometown', value: null });
  return out;
}
