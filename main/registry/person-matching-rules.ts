import { compareNames, foldedNameWords, type NameAgreement } from '../../shared/text/name-match';

// The one set of rules for "is this row / card / result about that stored person?" and "are these two records
// one person listed twice?". Pure: no I/O. The query side (which records to look at, in the user's area) is
// person-matching.ts.

export interface PersonFacts {
  fullName: string | null;
  /** `YYYY-MM-DD`, `YYYY`, or a date as offices write it (dd/mm/yyyy, d-m-yyyy, dd.mm.yyyy). */
  birth: string | null;
  sex: string | null;
  idNumber: string | null;
  oldIdNumber: string | null;
}

export type MatchedBy = 'idNumber' | 'oldIdNumber' | 'nameAndBirth';

export interface Birth {
  year: number;
  /** null when only the year is known. */
  month: number | null;
  day: number | null;
}

export type BirthAgreement =
  | 'same-date'
  /** Both know only the year, and it agrees. */
  | 'same-year-only'
  /** One side knows only the year; the other's date is in that year. */
  | 'year-of-date'
  /** Day and month swapped (a list written mm/dd): same year, day ≤ 12. */
  | 'day-month-swapped'
  | 'unknown'
  | 'different';

const DMY = /^(\d{1,2})[/.\-\s](\d{1,2})[/.\-\s](\d{4})$/;
const YMD = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;

/** Reads a birth as written; null when it is not a date we can tell. */
export function birthOf(text: string | null | undefined): Birth | null {
  const t = text?.trim();
  if (!t) return null;
  if (/^\d{4}$/.test(t)) return { year: Number(t), month: null, day: null };
  let m = YMD.exec(t);
  if (m) return valid(Number(m[1]), Number(m[2]), Number(m[3]));
  m = DMY.exec(t);
  if (m) return valid(Number(m[3]), Number(m[2]), Number(m[1]));
  if (/^\d{8}$/.test(t)) return valid(Number(t.slice(4)), Number(t.slice(2, 4)), Number(t.slice(0, 2)));
  return null;
}

function valid(year: number, month: number, day: number): Birth | null {
  if (year < 1850 || year > 2200 || month < 1 || month > 12 || day < 1 || day > 31) return null;
  return { year, month, day };
}

/** `YYYY-MM-DD` or `YYYY` (the register's form), or null. */
export function isoBirth(text: string | null | undefined): string | null {
  const b = birthOf(text);
  if (!b) return null;
  return b.month === null ? String(b.year) : `${b.year}-${String(b.month).padStart(2, '0')}-${String(b.day).padStart(2, '0')}`;
}

export function compareBirths(a: string | null | undefined, b: string | null | undefined): BirthAgreement {
  const x = birthOf(a);
  const y = birthOf(b);
  if (!x || !y) return 'unknown';
  if (x.year !== y.year) return 'different';
  if (x.month === null && y.month === null) return 'same-year-only';
  if (x.month === null || y.month === null) return 'year-of-date';
  if (x.month === y.month && x.day === y.day) return 'same-date';
  if (x.month === y.day && x.day === y.month) return 'day-month-swapped';
  return 'different';
}

const digits = (id: string | null | undefined) => (id ? id.replace(/\D/g, '') : '');
type Ids = Pick<PersonFacts, 'idNumber' | 'oldIdNumber'>;
/** The 12-digit ID; a 9-digit number written in the ID column is an old CMND. */
const newId = (f: Ids) => (digits(f.idNumber).length === 9 ? '' : digits(f.idNumber));
const oldId = (f: Ids) => digits(f.oldIdNumber) || (digits(f.idNumber).length === 9 ? digits(f.idNumber) : '');

/** Both carry an ID number (or, neither having one, an old CMND) and they differ: two people, whatever their names. */
export function idsConflict(a: Ids, b: Ids): boolean {
  const [na, nb] = [newId(a), newId(b)];
  if (na && nb) return na !== nb;
  const [oa, ob] = [oldId(a), oldId(b)];
  return !!oa && !!ob && oa !== ob;
}

/**
 * Whether a stored record's ID number alone rules it out of a name-and-birth match with `probe`: a probe that
 * carries any ID is only ever matched by name to someone recorded without a 12-digit one (see matchPerson).
 * Lets the name search skip such candidates from the index, before reading their rows.
 */
export function idsRuleOutNameMatch(probe: Ids, storedIdNumber: string | null): boolean {
  return !!(newId(probe) || oldId(probe)) && !!newId({ idNumber: storedIdNumber, oldIdNumber: null });
}

/** 'M' | 'F' from the ways lists write it (M/F, Nam/Nữ, nam/nu), else null. */
export function sexOf(text: string | null | undefined): 'M' | 'F' | null {
  const t = text?.normalize('NFC').trim().toLowerCase();
  if (t === 'm' || t === 'nam' || t === 'male') return 'M';
  if (t === 'f' || t === 'nữ' || t === 'nu' || t === 'female') return 'F';
  return null;
}

export function sexesConflict(a: string | null | undefined, b: string | null | undefined): boolean {
  const [x, y] = [sexOf(a), sexOf(b)];
  return !!x && !!y && x !== y;
}

/** Name agreements good enough to say "this is the record" when the birth agrees too. */
const FINDING_NAMES: ReadonlySet<NameAgreement> = new Set(['same', 'same-unaccented', 'middle-missing']);
/** Birth agreements good enough to find a record by name: the same date, or a year where one side knows only the year. */
const FINDING_BIRTHS: ReadonlySet<BirthAgreement> = new Set(['same-date', 'same-year-only', 'year-of-date']);

export interface PersonMatch {
  by: MatchedBy;
  name: NameAgreement;
  birth: BirthAgreement;
}

/**
 * Whether `probe` (a row, a card, a police result) is about `stored`: the same ID number; else the same old
 * ID (CMND, 9 digits; also when written in the ID column); else name + birth + sex, with no ID against it.
 * A missing birth on both sides counts as agreeing (a list of names alone still finds its people).
 */
export function matchPerson(probe: PersonFacts, stored: PersonFacts): PersonMatch | null {
  const name = probe.fullName && stored.fullName ? compareNames(probe.fullName, stored.fullName) : 'different';
  const birth = compareBirths(probe.birth, stored.birth);
  const [pid, sid] = [newId(probe), newId(stored)];
  if (pid && pid === sid) return { by: 'idNumber', name, birth };
  if (pid && sid) return null;
  const [pold, sold] = [oldId(probe), oldId(stored)];
  if (pold && pold === sold) return { by: 'oldIdNumber', name, birth };
  if (idsConflict(probe, stored) || sexesConflict(probe.sex, stored.sex)) return null;
  // A record with an ID can only be someone recorded without one (else the ID would have found them).
  if ((pid || pold) && (sid || sold)) return null;
  const birthAgrees = FINDING_BIRTHS.has(birth) || (!probe.birth && !stored.birth);
  if (FINDING_NAMES.has(name) && birthAgrees) return { by: 'nameAndBirth', name, birth };
  return null;
}

/** How strong a name-and-birth match is, for ordering several candidates: the closest first. */
export function matchRank(m: PersonMatch): number {
  const byRank = { idNumber: 0, oldIdNumber: 1, nameAndBirth: 2 }[m.by];
  const nameRank = { same: 0, 'same-unaccented': 1, 'middle-missing': 2, reordered: 3, 'tones-differ': 4, 'one-letter': 5, different: 6 }[m.name];
  const birthRank = { 'same-date': 0, 'same-year-only': 1, 'year-of-date': 2, 'day-month-swapped': 3, unknown: 4, different: 5 }[m.birth];
  return byRank * 100 + nameRank * 10 + birthRank;
}

// ---- People listed twice -------------------------------------------------------------------------------

export interface ListedPerson extends PersonFacts {
  unitId: string;
  village: string | null;
  /** Quê quán, one of the fields the population matching checks: two records from different places are two people. */
  hometown?: string | null;
}

export interface DuplicateVerdict {
  kind: 'same-id' | 'probable';
  /** 0..1: how sure; a same-ID pair is 1. */
  score: number;
  /** Why, in Vietnamese, for the clerk: "cùng họ tên và năm sinh, khác thôn". */
  explanation: string;
}

/** Probable duplicates scoring at least this are listed for a person to decide. */
export const PROBABLE_DUPLICATE_THRESHOLD = 0.75;

const NAME_SCORE: Record<NameAgreement, number> = {
  same: 0.6, 'same-unaccented': 0.57, 'middle-missing': 0.5, reordered: 0.55, 'tones-differ': 0.42, 'one-letter': 0.45, different: 0,
};
const BIRTH_SCORE: Record<BirthAgreement, number> = {
  'same-date': 0.35, 'same-year-only': 0.22, 'year-of-date': 0.25, 'day-month-swapped': 0.3, unknown: 0, different: 0,
};
const NAME_WORDS: Record<NameAgreement, string> = {
  same: 'cùng họ tên', 'same-unaccented': 'cùng họ tên (một bản ghi viết không dấu)', 'middle-missing': 'cùng họ và tên, thiếu tên đệm',
  reordered: 'cùng họ tên, viết khác thứ tự', 'tones-differ': 'họ tên chỉ khác dấu', 'one-letter': 'họ tên khác một chữ cái', different: 'khác họ tên',
};
const BIRTH_WORDS: Record<BirthAgreement, string> = {
  'same-date': 'ngày sinh', 'same-year-only': 'năm sinh', 'year-of-date': 'năm sinh (một bản ghi chỉ có năm)',
  'day-month-swapped': 'năm sinh (ngày và tháng đảo chỗ)', unknown: '', different: '',
};

/** Whether two records of the register are one person listed twice, and why; null when they are not. */
export function duplicateVerdict(a: ListedPerson, b: ListedPerson): DuplicateVerdict | null {
  const name = a.fullName && b.fullName ? compareNames(a.fullName, b.fullName) : 'different';
  const where = a.unitId !== b.unitId ? 'khác xã' : sameVillage(a.village, b.village) ? 'cùng thôn' : 'khác thôn';
  const sameNew = !!newId(a) && newId(a) === newId(b);
  if (sameNew || (!!oldId(a) && oldId(a) === oldId(b))) {
    const which = sameNew ? 'cùng số định danh' : 'cùng số CMND cũ';
    return { kind: 'same-id', score: 1, explanation: `${which}, ${name === 'different' ? 'khác họ tên' : NAME_WORDS[name]}, ${where}` };
  }
  if (idsConflict(a, b) || sexesConflict(a.sex, b.sex) || placesConflict(a.hometown, b.hometown)) return null;
  const birth = compareBirths(a.birth, b.birth);
  const score = NAME_SCORE[name] + BIRTH_SCORE[birth] + (where === 'cùng thôn' ? 0.05 : 0);
  if (NAME_SCORE[name] === 0 || BIRTH_SCORE[birth] === 0 || score < PROBABLE_DUPLICATE_THRESHOLD) return null;
  const together = name === 'same' || name === 'same-unaccented' ? `${NAME_WORDS[name]} và ${BIRTH_WORDS[birth]}` : `${NAME_WORDS[name]}, cùng ${BIRTH_WORDS[birth]}`;
  return { kind: 'probable', score: Math.round(Math.min(score, 0.99) * 100) / 100, explanation: `${together}, ${where}` };
}

// Words that only say what kind of place follows ("Huyện Bình Lục", "H. Bình Lục", "Tp. Nam Định").
// Only abbreviations and words no place name uses: "thanh" (thành phố) is also Thanh Hóa, Thanh Liêm.
const PLACE_KINDS = new Set(['tinh', 't', 'tp', 'huyen', 'h', 'quan', 'q', 'xa', 'tx', 'x', 'phuong', 'p', 'tt', 'thon', 'xom', 'kp']);

function placeWords(place: string): Set<string> {
  return new Set(foldedNameWords(place).filter((w) => !PLACE_KINDS.has(w)));
}

/** Both places written and neither contains the other's words: different places. */
export function placesConflict(a: string | null | undefined, b: string | null | undefined): boolean {
  if (!a?.trim() || !b?.trim()) return false;
  const [x, y] = [placeWords(a), placeWords(b)];
  if (x.size === 0 || y.size === 0) return false;
  const within = (p: Set<string>, q: Set<string>) => [...p].every((w) => q.has(w));
  return !within(x, y) && !within(y, x);
}

function sameVillage(a: string | null, b: string | null): boolean {
  return !!a && !!b && compareNames(a, b) === 'same';
}
