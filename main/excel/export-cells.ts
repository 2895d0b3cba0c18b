import type ExcelJS from 'exceljs';
import { neutraliseFormula } from './neutralise-formula';

// How one value of a list is written into a cell: text that Excel must never reinterpret, real dates,
// amounts as numbers with thousands separators.

export type CellWrite = { value: ExcelJS.CellValue; numFmt?: string };

export const TEXT_FORMAT = '@';
export const AMOUNT_FORMAT = '#,##0';
export const DATE_FORMAT = 'dd/mm/yyyy';
export const YEAR_FORMAT = '0';

/**
 * Text as written to a cell: formula-like starts (=, +, -, @) neutralised with an apostrophe. Text that already
 * starts with an apostrophe before such a sign gets one more, so that the import's restore gives it back exactly.
 */
export function safeText(text: string): string {
  return /^'+[=+\-@\t\r]/.test(text) ? `'${text}` : neutraliseFormula(text);
}

export function textCell(text: string | null | undefined): CellWrite {
  return { value: text ? safeText(text) : null };
}

/** ID and account numbers: a string in a text-formatted cell, so zeros stay and Excel never turns them into numbers. */
export function digitsCell(text: string | null | undefined): CellWrite {
  return { value: text ? safeText(text) : null, numFmt: TEXT_FORMAT };
}

/** Excel's day serials start on 1 March 1900 for practical purposes (before it, its 1900 leap-year bug shifts days). */
const FIRST_EXACT_EXCEL_DAY = '1900-03-01';

/** A birth: a date cell shown dd/mm/yyyy, a bare year as a number shown yyyy; before 1900 as dd/mm/yyyy text. */
export function birthCell(birth: string | null | undefined): CellWrite {
  if (!birth) return { value: null };
  if (/^\d{4}$/.test(birth)) return { value: Number(birth), numFmt: YEAR_FORMAT };
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(birth);
  if (!m) return textCell(birth);
  if (birth < FIRST_EXACT_EXCEL_DAY) return { value: `${m[3]}/${m[2]}/${m[1]}`, numFmt: TEXT_FORMAT };
  return { value: new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])), numFmt: DATE_FORMAT };
}

export function amountCell(amount: number | null | undefined): CellWrite {
  return amount === null || amount === undefined ? { value: null } : { value: amount, numFmt: AMOUNT_FORMAT };
}

export function numberCell(n: number): CellWrite {
  return { value: n };
}

export function sexText(sex: 'M' | 'F' | null | undefined): string {
  return sex === 'M' ? 'Nam' : sex === 'F' ? 'Nữ' : '';
}
