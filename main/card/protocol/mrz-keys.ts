// MRZ check digits and the access keys derived from the document number, birth and expiry (ICAO 9303-3, -11).
import { asciiBytes } from './octets';

const WEIGHTS = [7, 3, 1];

function charValue(c: string): number {
  if (c >= '0' && c <= '9') return c.charCodeAt(0) - 48;
  if (c >= 'A' && c <= 'Z') return c.charCodeAt(0) - 55;
  if (c === '<') return 0;
  throw new RangeError(`not an MRZ character: ${JSON.stringify(c)}`);
}

export function mrzCheckDigit(field: string): string {
  let sum = 0;
  for (let i = 0; i < field.length; i++) sum += charValue(field[i]!) * WEIGHTS[i % 3]!;
  return String(sum % 10);
}

export interface MrzKey {
  /** As printed, up to 9 characters padded with '<' (longer numbers are used whole). */
  documentNumber: string;
  /** YYMMDD */
  birth: string;
  /** YYMMDD */
  expiry: string;
}

/** The 'MRZ_information' string both BAC and PACE-MRZ hash. */
export function mrzInformation(key: MrzKey): string {
  const doc = key.documentNumber.toUpperCase().padEnd(9, '<');
  if (!/^\d{6}$/.test(key.birth) || !/^\d{6}$/.test(key.expiry)) throw new RangeError('MRZ dates must be YYMMDD');
  return doc + mrzCheckDigit(doc) + key.birth + mrzCheckDigit(key.birth) + key.expiry + mrzCheckDigit(key.expiry);
}

export function mrzInformationBytes(key: MrzKey): Uint8Array {
  return asciiBytes(mrzInformation(key));
}
