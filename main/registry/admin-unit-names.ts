import { foldVietnamese } from '../../shared/text/fold';
import { normaliseTonePlacement } from '../../shared/text/tone-placement';

// How people write the names of administrative units: "Xã An Lão", "xã An Lão", "X. An Lão", "An Lão";
// "huyện Bình Lục", "H. Bình Lục"; "TP Hà Nội", "Thành phố Hà Nội". Pure: no I/O.

export type UnitLevel = 'province' | 'district' | 'commune';
/** What a level word says about the unit it names; 'city' (thành phố) is a province or a district. */
type LevelHint = UnitLevel | 'city' | 'village';

// Level words, longest first so that "thị trấn" wins over "thị". Abbreviations as offices type them.
const LEVEL_WORDS: readonly (readonly [string, LevelHint])[] = ([
  ['thành phố', 'city'], ['thị trấn', 'commune'], ['thị xã', 'district'], ['đặc khu', 'commune'],
  ['tổ dân phố', 'village'], ['khu dân cư', 'village'], ['khu phố', 'village'],
  ['tỉnh', 'province'], ['huyện', 'district'], ['quận', 'district'], ['xã', 'commune'], ['phường', 'commune'],
  ['thôn', 'village'], ['xóm', 'village'], ['ấp', 'village'], ['bản', 'village'], ['làng', 'village'], ['buôn', 'village'],
  ['tp', 'city'], ['tx', 'district'], ['tt', 'commune'],
  ['t', 'province'], ['h', 'district'], ['q', 'district'], ['x', 'commune'], ['p', 'commune'],
] as const).slice().sort((a, b) => b[0].split(' ').length - a[0].split(' ').length);
// Single letters count as level words only when written as an abbreviation ("X. An Lão", "H.Bình Lục").
const ABBREVIATION_ONLY = new Set(['t', 'h', 'q', 'x', 'p', 'tp', 'tx', 'tt']);
const LEVELS = LEVEL_WORDS.map(([word, hint]) => ({
  words: word.split(' '), folded: foldVietnamese(word).split(' '), hint, abbreviation: ABBREVIATION_ONLY.has(word),
}));
const ASCII = /^[\x00-\x7f]*$/;

export interface UnitNameParts {
  /** The level its own words give, if any. */
  hint: LevelHint | null;
  /** Folded, without the level word: "an lao". */
  folded: string;
  /** Lowercase with tone marks in one style, without the level word: "an lão" (tells Yên Thành from Yên Thanh). */
  toned: string;
}

/** Splits "Xã An Lão" / "x.An Lão" / "An Lão" into its level word and its proper name. */
export function unitNameParts(text: string): UnitNameParts {
  const toned = normaliseTonePlacement(text.trim()).toLowerCase();
  const words = toned.replace(/[^\p{L}\p{N}\s.]+/gu, ' ').split(/[\s.]+/u).filter(Boolean);
  const level = LEVELS.find((l) => words.length > l.words.length
    // The same letters and marks, or the same letters typed without marks ("huyen", "xa"); "Tịnh Khê" is a name, not "tỉnh Khê".
    && l.words.every((w, i) => words[i] === w || (words[i] === l.folded[i] && ASCII.test(words[i])))
    && (!l.abbreviation || writtenAsAbbreviation(toned)));
  const rest = words.slice(level?.words.length ?? 0).join(' ');
  return { hint: level?.hint ?? null, folded: foldVietnamese(rest), toned: rest };
}

/** "x. An Lão", "tp Hà Nội": a one-letter level word needs its dot; two letters are enough as they are. */
function writtenAsAbbreviation(toned: string): boolean {
  const m = /^([^\s.]+)(\.|\s)/u.exec(toned);
  return m !== null && (m[2] === '.' || m[1].length > 1);
}

/** Whether a unit's own level word agrees with what the text said ("xã" for a commune, "tỉnh" for a province…). */
export function hintFits(hint: LevelHint | null, level: UnitLevel): boolean {
  if (hint === null) return true;
  if (hint === 'city') return level === 'province' || level === 'district';
  return hint === level;
}

/** An address or unit path split into its parts, the most local first: "Xóm Trại, xã An Lão, huyện Bình Lục, tỉnh Hà Nam". */
export function unitPathParts(text: string): UnitNameParts[] {
  return text.split(/\s*[,;\n]\s*|\s+-\s+/u).map((p) => p.trim()).filter(Boolean).map(unitNameParts).filter((p) => p.folded !== '');
}
