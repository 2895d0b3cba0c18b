import { crossCheckCccd, readIdNumber } from '../../shared/id-number/id-number';
import { readLabelledIds } from '../../shared/id-number/labelled-ids';
import { normaliseSpaces } from '../../shared/text/person-name';
import type { FieldProblem } from '../../shared/canonical-record';
import { categoryGroupOf } from '../excel/category';
import { problem, type ProblemCode } from '../excel/problems';
import { parseAmount, parseBirth, parseSex } from '../excel/value-parsing';
import { editProblem } from './edit-messages';

// The per-field rules of the register, one piece of code for the import (a cell's text) and for a clerk's
// typing: the same readings, the same problem codes, the same Vietnamese messages.

/** Names typed or shown in capitals (".VnTimeH") are stored as names are written: "Dương Thị Chiêm". */
export function properName(text: string): string {
  if (/\p{Ll}/u.test(text) || !/\p{L}/u.test(text) || text !== text.toLocaleUpperCase('vi')) return text;
  return text.split(' ').map((w) => w.charAt(0) + w.slice(1).toLocaleLowerCase('vi')).join(' ');
}

/**
 * A 12-digit ID goes to `idNumber`, a 9-digit old ID found in the ID column to `oldIdNumber`; a cell with a label or
 * with both numbers gives each its place (shared/id-number/labelled-ids.ts).
 */
export function readIdField(digits: string, typedAsNumber = false): { idNumber: string | null; oldIdNumber: string | null; problem?: ProblemCode } {
  const reading = readIdNumber(digits, typedAsNumber);
  if (reading.kind === 'cccd') return { idNumber: reading.value, oldIdNumber: null };
  if (reading.kind === 'cmnd') return { idNumber: null, oldIdNumber: reading.value };
  if (reading.kind === 'malformed' && reading.reason === 'characters') {
    const labelled = readLabelledIds(digits);
    if (labelled) return labelled;
  }
  if (reading.kind === 'malformed') return { idNumber: null, oldIdNumber: null, problem: 'id-malformed' };
  return { idNumber: null, oldIdNumber: null };
}

export function readOldIdField(digits: string, typedAsNumber = false): { oldIdNumber: string | null; problem?: ProblemCode } {
  const reading = readIdNumber(digits, typedAsNumber);
  if (reading.kind === 'cmnd') return { oldIdNumber: reading.value };
  if (reading.kind === 'empty') return { oldIdNumber: null };
  return { oldIdNumber: null, problem: 'old-id-malformed' };
}

/** Warnings (never refusals: such IDs were really issued) when the ID's digits disagree with sex or birth year. */
export function idCrossCheckProblems(idNumber: string | null, sex: 'M' | 'F' | null, birth: string | null): FieldProblem[] {
  if (!idNumber) return [];
  const birthYear = birth ? Number(birth.slice(0, 4)) : null;
  return crossCheckCccd(idNumber, { sex, birthYear }).map((m) => problem('idNumber', m === 'sex' ? 'id-sex-mismatch' : 'id-birth-year-mismatch'));
}

export type FieldReading<T> = { value: T | null; problem?: FieldProblem };

const reading = <T>(field: string, value: T | null, code?: ProblemCode): FieldReading<T> => (code ? { value, problem: problem(field, code) } : { value });

/** Birth as typed: dd/mm/yyyy (also d-m-yyyy, d.m.yyyy), yyyy-mm-dd, or the year only; never after today. */
export function readBirthText(text: string, today: Date): FieldReading<string> {
  if (text.trim() === '') return { value: null };
  const parsed = parseBirth({ value: text }, today);
  return reading('birth', parsed.value, parsed.problem);
}

export function readSexText(text: string): FieldReading<'M' | 'F'> {
  if (text.trim() === '') return { value: null };
  const parsed = parseSex(text);
  return reading('sex', parsed.value, parsed.problem);
}

export function readAmountText(text: string): FieldReading<number> {
  if (text.trim() === '') return { value: null };
  const parsed = parseAmount({ value: text });
  return reading('monthlyAmount', parsed.value, parsed.problem);
}

/** Free text of the record (addresses, village, ethnicity): one NFC form, single spaces; empty is null. */
export function readPlainText(text: string | null | undefined): string | null {
  if (text == null) return null;
  const t = normaliseSpaces(text);
  return t === '' ? null : t;
}

export function readNameText(text: string): string | null {
  const t = readPlainText(text);
  return t === null ? null : properName(t);
}

/** The group a category label belongs to (NCC, TNCC, BTXH); a label no rule knows is for a person to classify. */
export function readCategory(label: string | null): FieldReading<string> {
  if (!label) return { value: null };
  const group = categoryGroupOf(label);
  return group ? { value: group } : reading<string>('categoryLabel', null, 'category-unknown');
}

/** A day as typed (dd/mm/yyyy…), not after today: the date a status took effect. */
export function readDayText(text: string, today: Date, field: string): FieldReading<string> {
  if (text.trim() === '') return { value: null };
  const parsed = parseBirth({ value: text }, today);
  if (parsed.problem === 'birth-in-future') return { value: null, problem: editProblem(field, 'status-date-future') };
  if (!parsed.value || parsed.value.length !== 10) return { value: null, problem: editProblem(field, 'status-date-invalid') };
  return { value: parsed.value };
}
