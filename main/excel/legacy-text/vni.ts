// VNI (VNI-Windows), the encoding of the "VNI-…" fonts: a base letter followed by a mark character.
// Workbooks keep each byte as the Unicode character of the same number (0xEF → "ï").
// Written here because no maintained npm package decodes VNI from already-decoded strings.

const ACUTE = '\u0301', GRAVE = '\u0300', HOOK = '\u0309', TILDE = '\u0303', DOT = '\u0323';
const CIRC = '\u0302', BREVE = '\u0306';

/** Mark characters that follow a vowel, lowercase and uppercase forms. */
const MARKS: Readonly<Record<string, string>> = {
  'ù': ACUTE, 'ø': GRAVE, 'û': HOOK, 'õ': TILDE, 'ï': DOT,
  'â': CIRC, 'á': CIRC + ACUTE, 'à': CIRC + GRAVE, 'å': CIRC + HOOK, 'ã': CIRC + TILDE, 'ä': CIRC + DOT,
  'ê': BREVE, 'é': BREVE + ACUTE, 'è': BREVE + GRAVE, 'ú': BREVE + HOOK, 'ü': BREVE + TILDE, 'ë': BREVE + DOT,
};

/** Characters that stand for a whole letter. */
const LETTERS: Readonly<Record<string, string>> = {
  'ô': 'ơ', 'ö': 'ư', 'ñ': 'đ', 'í': 'í', 'ì': 'ì', 'æ': 'ỉ', 'ó': 'ĩ', 'ò': 'ị', 'î': 'ỵ',
  'Ô': 'Ơ', 'Ö': 'Ư', 'Ñ': 'Đ', 'Í': 'Í', 'Ì': 'Ì', 'Æ': 'Ỉ', 'Ó': 'Ĩ', 'Ò': 'Ị', 'Î': 'Ỵ',
};

const VOWELS = new Set([...'aeiouyơưAEIOUYƠƯ']);

export function decodeVni(text: string): string {
  let out = '';
  let afterVowel = false;
  for (const ch of text) {
    const mark = MARKS[ch] ?? MARKS[ch.toLowerCase()];
    if (mark !== undefined && afterVowel) {
      out += mark;
      continue;
    }
    const letter = LETTERS[ch] ?? ch;
    out += letter;
    afterVowel = VOWELS.has(letter);
  }
  return out.normalize('NFC');
}

const ENCODE_MARK: ReadonlyMap<string, string> = new Map(Object.entries(MARKS).map(([ch, mark]) => [mark, ch]));

/** Encodes Unicode into VNI characters (for generating legacy test workbooks). */
export function encodeVni(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    const lower = ch.toLowerCase();
    const upper = ch !== lower;
    if (lower === 'đ') { out += upper ? 'Ñ' : 'ñ'; continue; }
    const parts = lower.normalize('NFD');
    const base = parts[0];
    let rest = parts.slice(1);
    let letter = '';
    if (base === 'o' && rest.startsWith('\u031b')) { letter = 'ô'; rest = rest.slice(1); }
    else if (base === 'u' && rest.startsWith('\u031b')) { letter = 'ö'; rest = rest.slice(1); }
    else if (base === 'i' && rest.length === 1) { letter = { [ACUTE]: 'í', [GRAVE]: 'ì', [HOOK]: 'æ', [TILDE]: 'ó', [DOT]: 'ò' }[rest] ?? ''; if (letter) rest = ''; }
    else if (base === 'y' && rest === DOT) { letter = 'î'; rest = ''; }
    // Canonical order puts the dot below first; VNI writes the letter mark first.
    const ordered = rest.replace(/^\u0323([\u0302\u0306])/, `$1${DOT}`);
    let encoded = letter || base;
    if (ordered) {
      const mark = ENCODE_MARK.get(ordered);
      if (mark === undefined) { out += ch; continue; }
      encoded += mark;
    }
    out += upper ? encoded.toUpperCase() : encoded;
  }
  return out;
}
