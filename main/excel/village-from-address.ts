import { foldVietnamese } from '../../shared/text/fold';

// The village (thôn, xóm, ấp, bản, tổ dân phố, khu phố…) is the part of an address or of a section row that
// starts with one of these words: "Xóm Trại, Xã An Lão, huyện Bình Lục" → "Xóm Trại".

/**
 * Village words as written (lowercased), longest first so that "tổ dân phố" wins over "tổ". Compared with their
 * tones: "Lạng Sơn" is no "làng", "Đồi" no "đội". Without tones only where nothing else is spelled alike.
 */
const VILLAGE_WORDS = ['tổ dân phố', 'to dan pho', 'khu dân cư', 'khu phố', 'khu pho', 'thôn', 'thon', 'xóm', 'xom', 'ấp', 'bản', 'làng',
  'khóm', 'buôn', 'plei', 'sóc', 'tdp', 'kdc', 'kp', 'tổ', 'khu', 'đội', 'cụm'];
/** Abbreviations and untoned forms written out: "TDP 5" → "Tổ dân phố 5". */
const SPELLED_OUT: Record<string, string> = {
  tdp: 'Tổ dân phố', 'to dan pho': 'Tổ dân phố', kp: 'Khu phố', 'khu pho': 'Khu phố', kdc: 'Khu dân cư', thon: 'Thôn', xom: 'Xóm',
};
/** Where a village part ends when the address has no commas: the next, larger unit. */
const LARGER_UNIT = /^(xa|phuong|thi tran|thi xa|huyen|quan|tinh|thanh pho|tp|tx|tt|p|q|h|x)$/;

interface Word {
  text: string;
  lower: string;
  folded: string;
}

function wordsOf(part: string): Word[] {
  return part.normalize('NFC').split(/\s+/).filter(Boolean).map((text) => ({ text, lower: text.toLocaleLowerCase('vi').replace(/[.:]$/, ''), folded: foldVietnamese(text) }));
}

/** The village word the part starts with, as the number of words it takes (0 = none). */
function villageWordLength(words: Word[]): number {
  for (const w of VILLAGE_WORDS) {
    const n = w.split(' ').length;
    if (words.length > n && words.slice(0, n).map((x) => x.lower).join(' ') === w) return n;
  }
  return 0;
}

/** A name after a village word: a number ("Thôn 3", "Tổ 12A"), or words that start with a capital letter. */
function nameAfter(words: Word[], from: number, typedLowercase: boolean): Word[] {
  const name: Word[] = [];
  for (let i = from; i < words.length; i++) {
    const w = words[i];
    if (name.length > 0 && LARGER_UNIT.test(w.folded)) break;
    const capitalOrNumber = /^[\p{Lu}\p{N}]/u.test(w.text);
    if (!capitalOrNumber && !(typedLowercase && name.length === 0)) break;
    name.push(w);
  }
  return name;
}

function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);
}

/** Capitals only ("XÓM TRẠI") are written as names are: "Xóm Trại". */
function nameCase(text: string): string {
  if (/\p{Ll}/u.test(text)) return text;
  return text.split(' ').map((w) => (/\d/.test(w) ? w : w.charAt(0) + w.slice(1).toLocaleLowerCase('vi'))).join(' ');
}

/** The village named at the start of one part of an address ("Xóm Trại"), or null. */
export function villageOfPart(part: string): string | null {
  const cleaned = part.replace(/^\s*(\(|\[)?\s*/, '').replace(/[\s.;:)\]]+$/, '').trim();
  const words = wordsOf(cleaned);
  const n = villageWordLength(words);
  if (n === 0) return null;
  const name = nameAfter(words, n, !/\p{Lu}/u.test(words.slice(n).map((w) => w.text).join(' ')));
  if (name.length === 0) return null;
  const said = words.slice(0, n).map((w) => w.lower).join(' ');
  const head = SPELLED_OUT[said] ?? capitalise(said);
  return `${head} ${nameCase(name.map((w) => w.text).join(' '))}`;
}

/**
 * The village of an address: the first comma- (or dash-) separated part that starts with a village word.
 * "Số 12, Tổ dân phố 5, phường Hà Đông" → "Tổ dân phố 5"; "Ấp Bình Hoà xã Tân Phú" → "Ấp Bình Hoà".
 */
export function villageFromAddress(address: string | null | undefined): string | null {
  if (!address) return null;
  for (const part of address.split(/[,;\n]| - | – /)) {
    const village = villageOfPart(part);
    if (village) return village;
  }
  return null;
}

/** A section row that names a village: "Thôn Đông", "I. Xóm Trại" (numbering already stripped), "THÔN 3 (12 người)". */
export function villageOfSection(title: string): string | null {
  return villageFromAddress(title.replace(/\([^)]*\)\s*$/, '').trim());
}
