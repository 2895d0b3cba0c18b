// The typed identity when the patient has no card with them: checked at each field before anything is sent.
import { insuranceKeyOf } from '../../shared/clinic/bhyt-card-code';

export interface TypedFields {
  idNumber: string;
  fullName: string;
  birth: string;
}

export type TypedErrors = Partial<Record<keyof TypedFields, 'id' | 'name' | 'birth'>>;

/** dd/mm/yyyy (or d/m/yyyy, dd-mm-yyyy) → yyyy-mm-dd; yyyy → yyyy; null when it is not a real date. */
export function typedBirth(text: string): string | null {
  const t = text.trim();
  if (/^\d{4}$/.test(t)) return Number(t) >= 1900 && Number(t) <= 2100 ? t : null;
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  if (!m) return null;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d || y < 1900) return null;
  return `${m[3]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function typedIdentity(f: TypedFields): { identity: { idNumber: string; fullName: string; birth: string } } | { errors: TypedErrors } {
  const errors: TypedErrors = {};
  const key = insuranceKeyOf(f.idNumber);
  if (!key) errors.idNumber = 'id';
  if (f.fullName.trim().length < 2) errors.fullName = 'name';
  const birth = typedBirth(f.birth);
  if (!birth) errors.birth = 'birth';
  if (!key || !birth || errors.fullName) return { errors };
  return { identity: { idNumber: key.value, fullName: f.fullName.trim().replace(/\s+/g, ' '), birth } };
}
