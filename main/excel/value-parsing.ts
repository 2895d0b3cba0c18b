import { foldVietnamese } from '../../shared/text/fold';
import type { RawCell } from './raw-cell';
import type { ProblemCode } from './problems';

export type Parsed<T> = { value: T | null; problem?: ProblemCode };

const FIRST_BIRTH_YEAR = 1880;
const DATE_FORMAT = /(^|[^\\"a-z])(d{1,4}|m{1,5}|y{2,4})([^a-z]|$)/i;

export function looksLikeDateFormat(numFmt: string | null | undefined): boolean {
  if (!numFmt || /^general$/i.test(numFmt)) return false;
  return DATE_FORMAT.test(numFmt.replace(/"[^"]*"/g, '').replace(/\[[^\]]*\]/g, ''));
}

/** Excel day serial (1900 system; the 1900 leap-year bug only touches serials before 61) → UTC date. */
export function serialToIsoDate(serial: number): string {
  const ms = Math.round((serial - 25569) * 86_400_000);
  return new Date(ms).toISOString().slice(0, 10);
}

function iso(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * Birth as `YYYY-MM-DD` or `YYYY`: date cells, serials, dd/mm/yyyy, d-m-yyyy, d.m.yyyy, yyyy-mm-dd, year only, and in
 * words ("ngày 12 tháng 4 năm 1942", "tháng 4/1942", "năm 1942").
 */
export function parseBirth(cell: RawCell, today: Date = new Date()): Parsed<string> {
  const v = cell.value;
  let out: string | null = null;
  let warn: ProblemCode | undefined;
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return { value: null, problem: 'birth-invalid' };
    out = v.toISOString().slice(0, 10);
  } else if (typeof v === 'number') {
    if (Number.isInteger(v) && v >= FIRST_BIRTH_YEAR && v <= 2100 && !looksLikeDateFormat(cell.numFmt)) out = String(v);
    else if (v > 2100 && v < 100_000) out = serialToIsoDate(v);
    else return { value: null, problem: 'birth-invalid' };
  } else if (typeof v === 'string') {
    // An apostrophe typed to keep Excel from converting the date, or quotes around it, are no part of it.
    const t = v.trim().replace(/^['‘’"“”]+|['‘’"“”]+$/g, '').replace(/\s+/g, '');
    let m: RegExpExecArray | null;
    if ((m = /^(\d{1,2})[/\-.](\d{1,2})[/\-.](\d{4})$/.exec(t))) out = iso(+m[3], +m[2], +m[1]);
    else if ((m = /^(\d{1,2})[/\-.](\d{1,2})[/\-.](\d{2})$/.exec(t)) && +m[3] > today.getUTCFullYear() % 100) {
      // "12/3/50" can only be 1950 (2050 is to come). "15/8/10" could be a child of 2010 or an elder of 1910: a
      // person reads it.
      out = iso(1900 + +m[3], +m[2], +m[1]);
      warn = 'birth-two-digit-year';
    }
    else if ((m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t))) out = iso(+m[1], +m[2], +m[3]);
    else if (/^\d{4}$/.test(t)) out = t;
    else if ((m = /^(\d{4})\.0+$/.exec(t))) out = m[1]; // a year a CSV export wrote as a decimal
    else if ((m = /^(\d{1,2})[/\-.](\d{4})$/.exec(t)) && +m[1] >= 1 && +m[1] <= 12) { out = m[2]; warn = 'birth-month-only'; }
    else {
      // In words; folded only here, as most lists write figures (a 100,000-row list would fold every birth).
      const words = foldVietnamese(v);
      if ((m = /^(?:sinh )?ngay (\d{1,2}) thang (\d{1,2}) nam (\d{4})$/.exec(words))) out = iso(+m[3], +m[2], +m[1]);
      else if ((m = /^(?:(?:sinh )?ngay|ns) (\d{1,2}) (\d{1,2}) (\d{4})$/.exec(words))) out = iso(+m[3], +m[2], +m[1]); // "ngày 12/3/1950"
      else if ((m = /^thang (\d{1,2}) (?:nam )?(\d{4})$/.exec(words)) && +m[1] >= 1 && +m[1] <= 12) { out = m[2]; warn = 'birth-month-only'; }
      else if ((m = /^nam (\d{4})$/.exec(words))) out = m[1];
    }
    if (!out) return { value: null, problem: 'birth-invalid' };
  } else {
    return { value: null, problem: 'birth-invalid' };
  }
  if (!out) return { value: null, problem: 'birth-invalid' };
  const year = Number(out.slice(0, 4));
  if (year < FIRST_BIRTH_YEAR) return { value: null, problem: 'birth-invalid' };
  const todayIso = today.toISOString().slice(0, 10);
  if ((out.length === 4 && year > today.getUTCFullYear()) || (out.length === 10 && out > todayIso)) return { value: null, problem: 'birth-in-future' };
  return { value: out, problem: warn };
}

export function parseSex(text: string): Parsed<'M' | 'F'> {
  const f = foldVietnamese(text);
  if (/^(nam|m|male|trai|1)$/.test(f)) return { value: 'M' };
  if (/^(nu|f|female|gai|0)$/.test(f)) return { value: 'F' };
  return { value: null, problem: 'sex-invalid' };
}

/**
 * Monthly amount in VND: numbers, "1.500.000", "1,500,000 đ", "1 500 000 đồng", "2.055.000đ/tháng", "750.000,00" (VND
 * has no cents: only a zero decimal part is dropped), "1,5 triệu"; a lone dash (Excel's accounting zero) is no amount.
 */
export function parseAmount(cell: RawCell): Parsed<number> {
  const v = cell.value;
  if (typeof v === 'number') {
    const r = Math.round(v);
    if (!Number.isFinite(v) || v < 0 || Math.abs(v - r) > 1e-6 || !Number.isSafeInteger(r)) return { value: null, problem: 'amount-invalid' };
    return { value: r };
  }
  if (typeof v !== 'string') return { value: null, problem: 'amount-invalid' };
  if (/^\s*[-–—]+\s*$/.test(v)) return { value: null };
  let t = v.toLowerCase().replace(/\/\s*(tháng|thang|th)\.?\s*$/u, '').replace(/vnđ|vnd|đồng|đ|d\b|\s|\u00a0/g, '');
  const million = /^(\d{1,4})(?:[.,](\d{1,6}))?(triệu|trieu|tr)$/u.exec(t);
  if (million) return { value: Number(million[1]) * 1_000_000 + Number((million[2] ?? '').padEnd(6, '0')) };
  // "750k", "750 nghìn", "1.080 ngàn" (a dot groups thousands), "1,5 nghìn" (a comma is the decimal point)
  const thousand = /^(\d{1,3}(?:\.\d{3})+|\d{1,6})(?:,(\d{1,3}))?(k|nghìn|nghin|ngàn|ngan)$/u.exec(t);
  if (thousand) return { value: Number(thousand[1].replace(/\./g, '')) * 1000 + Number((thousand[2] ?? '').padEnd(3, '0')) };
  const cents = /^(\d[\d.,]*)[.,](\d{1,2})$/.exec(t);
  if (cents && Number(cents[2]) === 0) t = cents[1];
  let digits: string | null = null;
  if (/^\d{1,3}([.,]\d{3})+$/.test(t) && new Set(t.replace(/\d/g, '')).size === 1) digits = t.replace(/[.,]/g, '');
  else if (/^\d+$/.test(t)) digits = t;
  if (digits === null || digits.length > 12) return { value: null, problem: 'amount-invalid' };
  return { value: Number(digits) };
}

/** More digits than Excel keeps in a number: the cell already lost some. */
export const MAX_EXACT_DIGITS = 15;
const SCIENTIFIC = /^\d([.,]\d+)?e[+-]?\d+$/i;

export function numberAsDigits(v: number): string | null {
  if (!Number.isInteger(v) || v < 0 || v >= 10 ** MAX_EXACT_DIGITS) return null;
  return v.toFixed(0);
}

/** "0000000000000": a format that shows the leading zeros a number cell does not hold. */
const ZERO_PADDED = /^0+$/;

/**
 * Account numbers are text. A number cell has lost digits when it holds more than 15 significant digits
 * (Excel keeps no more), is not a whole number (shown rounded, "1,23457E+15"), or was typed as text
 * copied from such a display; none of these is ever stored. A number formatted to show leading zeros
 * ("0000000000123") is read as shown.
 */
export function parseAccountNumber(cell: RawCell): Parsed<string> {
  const v = cell.value;
  if (typeof v === 'number') {
    const digits = numberAsDigits(v);
    if (digits === null) return { value: null, problem: 'account-digits-lost' };
    const format = (cell.numFmt ?? '').trim();
    // Shown as "1,23457E+11" and typed back from that display: the trailing digits became zeros.
    if (/e\+/i.test(format) && /0{5}$/.test(digits)) return { value: null, problem: 'account-digits-lost' };
    return { value: ZERO_PADDED.test(format) ? digits.padStart(format.length, '0') : digits };
  }
  if (typeof v !== 'string') return { value: null, problem: 'account-invalid' };
  const t = v.trim();
  if (SCIENTIFIC.test(t.replace(/\s/g, ''))) return { value: null, problem: 'account-digits-lost' };
  const compact = t.replace(/[\s.\-\u00a0]/g, '');
  if (!/^[0-9A-Za-z]{4,30}$/.test(compact)) return { value: null, problem: 'account-invalid' };
  return { value: compact.toUpperCase() };
}

export function isScientificNotation(text: string): boolean {
  return SCIENTIFIC.test(text.trim());
}
