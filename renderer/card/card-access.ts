import type { z } from 'zod';
import type { cardAccessSchema } from '../../shared/contract/card';
import { isValidCan } from '../../shared/card/can';
import { ddmmyyyyToIso } from '../../shared/card/qr';

export type CardAccess = z.infer<typeof cardAccessSchema>;
export type AccessMode = 'can' | 'mrz' | 'bac';

export interface AccessFields {
  mode: AccessMode;
  can: string;
  mrz: string;
  idNumber: string;
  /** dd/mm/yyyy as typed */
  birth: string;
  expiry: string;
}

export const EMPTY_ACCESS: AccessFields = { mode: 'can', can: '', mrz: '', idNumber: '', birth: '', expiry: '' };

/** What the clerk typed, as the contract's way to open the chip; null while it is not complete. */
export function cardAccessOf(f: AccessFields): CardAccess | null {
  if (f.mode === 'can') return isValidCan(f.can) ? { can: f.can } : null;
  if (f.mode === 'mrz') {
    // The MRZ is typed from three printed lines: spaces and line breaks are not part of it.
    const mrz = f.mrz.replace(/\s+/g, '').toUpperCase();
    return mrz.length >= 30 && mrz.length <= 100 ? { mrz } : null;
  }
  const idNumber = f.idNumber.replace(/[\s.]/g, '');
  const birth = ddmmyyyyToIso(f.birth);
  const expiry = ddmmyyyyToIso(f.expiry);
  return /^\d{12}$/.test(idNumber) && birth && expiry ? { idNumber, birth, expiry } : null;
}

/** Keeps only digits, at most `max` of them (a CAN or an ID number typed with spaces or dots). */
export function digitsOnly(text: string, max: number): string {
  return text.replace(/\D/g, '').slice(0, max);
}
