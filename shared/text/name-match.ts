import { normaliseTonePlacement } from './tone-placement';

// Whether two written names are the same person's name, as a Vietnamese clerk would read them. Pure.
// Same: NFC/NFD, case, spacing, tone placement (hoà = hòa), the lookalike Ð (U+00D0) for Đ, i/y after a consonant
// (Lý = Lí, Mỹ = Mĩ, Quý = Quí). Weaker agreements are named so that callers decide what they accept.

export type NameAgreement =
  /** The same name up to the spellings above. */
  | 'same'
  /** One side is written without any diacritics ("Nguyen Van An") and the letters agree. */
  | 'same-unaccented'
  /** Family and given names agree; one side lacks (part of) the middle name. */
  | 'middle-missing'
  /** The same words in another order (a list that writes the given name first). */
  | 'reordered'
  /** The same letters, different tones or letter marks, both sides accented (Lan / Lân): maybe a typing slip. */
  | 'tones-differ'
  /** One word differs by one letter (a typing slip); every other word agrees. */
  | 'one-letter'
  | 'different';

const MARKS = /[\u0300-\u036f]/g;
const CONSONANT_BEFORE_Y = /([bcdđghklmnprstvx]|qu)y(\p{M}*)$/u;

// Duplicate detection compares the same common names millions of times: each form is computed once (bounded).
const CACHE_LIMIT = 50_000;
function cached<T>(compute: (name: string) => T): (name: string) => T {
  const known = new Map<string, T>();
  return (name) => {
    let v = known.get(name);
    if (v === undefined) {
      if (known.size >= CACHE_LIMIT) known.clear();
      known.set(name, (v = compute(name)));
    }
    return v;
  };
}

/** The name as compared: NFC, lowercase, one space, tone placement normalised, Ð → đ, y → i after a consonant. */
export const comparableName = cached((fullName: string): string => {
  const words = normaliseTonePlacement(fullName).toLowerCase().replace(/[ðÐ]/g, 'đ').split(/[^\p{L}\p{M}]+/u).filter(Boolean);
  return words.map(iForY).join(' ');
});

/** The name's words without tones or letter marks (đ → d), with y → i after a consonant: the blocking form. */
export const foldedNameWords = cached((fullName: string): readonly string[] => {
  const words = fullName.normalize('NFD').replace(MARKS, '').replace(/[đĐðÐ]/g, 'd').toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
  return words.map((w) => (CONSONANT_BEFORE_Y.test(w) ? `${w.slice(0, -1)}i` : w));
});

/** True when a name carries no diacritic at all (typed on a keyboard without Vietnamese input). */
export const isUnaccented = cached((fullName: string): boolean => !/[\u0300-\u036fđĐðÐ]/.test(fullName.normalize('NFD')));

function iForY(word: string): string {
  const nfd = word.normalize('NFD');
  return CONSONANT_BEFORE_Y.test(nfd) ? nfd.replace(/y(\p{M}*)$/u, 'i$1').normalize('NFC') : word;
}

export function compareNames(a: string, b: string): NameAgreement {
  const ca = comparableName(a);
  const cb = comparableName(b);
  if (ca === '' || cb === '') return 'different';
  if (ca === cb) return 'same';
  const fa = foldedNameWords(a);
  const fb = foldedNameWords(b);
  const unaccented = isUnaccented(a) || isUnaccented(b);
  // Where one side has no diacritics, only the letters can be compared.
  const wa = unaccented ? fa : ca.split(' ');
  const wb = unaccented ? fb : cb.split(' ');
  if (fa.join(' ') === fb.join(' ')) return unaccented ? 'same-unaccented' : 'tones-differ';
  if (middleMissing(wa, wb) || middleMissing(wb, wa)) return 'middle-missing';
  if (wa.length === wb.length && wa.length > 1 && [...wa].sort().join(' ') === [...wb].sort().join(' ')) return 'reordered';
  if (fa.length === fb.length && oneWordOneLetter(fa, fb)) return 'one-letter';
  return 'different';
}

/** `short` is `long` with some middle words left out: same family (first) and given (last) name. */
function middleMissing(short: readonly string[], long: readonly string[]): boolean {
  if (short.length >= long.length || short.length < 2) return false;
  if (short[0] !== long[0] || short[short.length - 1] !== long[long.length - 1]) return false;
  let j = 1;
  for (let i = 1; i < short.length - 1; i++) {
    while (j < long.length - 1 && long[j] !== short[i]) j++;
    if (j >= long.length - 1) return false;
    j++;
  }
  return true;
}

function oneWordOneLetter(a: readonly string[], b: readonly string[]): boolean {
  let differing = 0;
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i]) continue;
    if (++differing > 1 || !oneEditApart(a[i], b[i])) return false;
  }
  return differing === 1;
}

/** One substitution, insertion or deletion apart (words of at least 3 letters, so "An"/"Anh" stay apart). */
export function oneEditApart(a: string, b: string): boolean {
  if (Math.min(a.length, b.length) < 3 || Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1);
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}
