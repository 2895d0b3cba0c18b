import { BIRTH_PROVINCE_CODES } from './birth-province-codes';

// Vietnamese personal ID numbers as offices type them:
// - 12-digit citizen ID (CCCD / số định danh cá nhân): 3-digit birth-registration province code,
//   1 century/sex digit (0 = male 1900s, 1 = female 1900s, 2 = male 2000s, 3 = female 2000s, …),
//   2 digits of the birth year, 6 serial digits;
// - 9-digit old ID card (CMND), kept as such and never padded into a fake 12-digit ID.

export type IdRepair = 'none' | 'separators' | 'leading-zeros';

export type IdNumberReading =
  | { kind: 'empty' }
  | { kind: 'cccd'; value: string; repair: IdRepair }
  | { kind: 'cmnd'; value: string; repair: IdRepair }
  | { kind: 'malformed'; reason: 'characters' | 'length' | 'province' | 'century' };

export interface CccdFacts {
  provinceCode: string;
  provinceName: string;
  sex: 'M' | 'F';
  /** The first year of the century the century/sex digit names (1900, 2000, …). */
  century: number;
  /** Two last digits of the birth year. */
  yearDigits: string;
}

const SEPARATORS = /[\s.\-_\u00a0]/g;
/** Centuries in which a holder can be alive today; digits 4–9 (2100s and later) cannot be real yet. */
const MAX_CENTURY_DIGIT = 3;

/**
 * Reads an ID as written in a cell. `typedAsNumber` says the cell was numeric, so leading zeros may have
 * been dropped by the spreadsheet (an 11-digit "36164726381" was "036164726381").
 */
export function readIdNumber(raw: string, typedAsNumber = false): IdNumberReading {
  // A leading apostrophe is how a clerk keeps Excel from eating the leading zeros; in a CSV or pasted text it stays.
  const trimmed = raw.trim().replace(/^['‘’`]\s*/, '');
  if (trimmed === '') return { kind: 'empty' };
  const digits = trimmed.replace(SEPARATORS, '');
  if (!/^\d+$/.test(digits)) return { kind: 'malformed', reason: 'characters' };
  const separated = digits !== trimmed;
  const repairOf = (padded: boolean): IdRepair => (padded ? 'leading-zeros' : separated ? 'separators' : 'none');

  if (digits.length === 12) return checkCccd(digits, repairOf(false));
  if (digits.length === 10 || digits.length === 11) {
    // A 12-digit ID whose leading zeros were lost; every province code starts with 0.
    return checkCccd(digits.padStart(12, '0'), repairOf(true));
  }
  if (digits.length === 9) return { kind: 'cmnd', value: digits, repair: repairOf(false) };
  if (digits.length === 8 && typedAsNumber) return { kind: 'cmnd', value: digits.padStart(9, '0'), repair: 'leading-zeros' };
  return { kind: 'malformed', reason: 'length' };
}

function checkCccd(id: string, repair: IdRepair): IdNumberReading {
  if (!(id.slice(0, 3) in BIRTH_PROVINCE_CODES)) return { kind: 'malformed', reason: 'province' };
  if (Number(id[3]) > MAX_CENTURY_DIGIT) return { kind: 'malformed', reason: 'century' };
  return { kind: 'cccd', value: id, repair };
}

export function cccdFacts(id: string): CccdFacts | null {
  if (!/^\d{12}$/.test(id)) return null;
  const provinceCode = id.slice(0, 3);
  const provinceName = BIRTH_PROVINCE_CODES[provinceCode];
  if (!provinceName) return null;
  const digit = Number(id[3]);
  return {
    provinceCode,
    provinceName,
    sex: digit % 2 === 0 ? 'M' : 'F',
    century: 1900 + 100 * Math.floor(digit / 2),
    yearDigits: id.slice(4, 6),
  };
}

export type CccdMismatch = 'sex' | 'birth-year';

/**
 * Compares the structure of a 12-digit ID with the person's recorded sex and birth year.
 * A disagreement is for a person to review, not a reason to reject: such IDs were really issued.
 */
export function crossCheckCccd(id: string, person: { sex: 'M' | 'F' | null; birthYear: number | null }): CccdMismatch[] {
  const facts = cccdFacts(id);
  if (!facts) return [];
  const mismatches: CccdMismatch[] = [];
  if (person.sex && person.sex !== facts.sex) mismatches.push('sex');
  if (person.birthYear !== null && facts.century + Number(facts.yearDigits) !== person.birthYear) mismatches.push('birth-year');
  return mismatches;
}
