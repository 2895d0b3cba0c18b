// Splits Vietnamese letters into base letter, letter-forming mark (ă â ê ô ơ ư đ) and tone,
// because Vietnamese collation and search treat those three differently.

export type Tone = 0 | 1 | 2 | 3 | 4 | 5; // none, huyền, hỏi, ngã, sắc, nặng (ICU 'vi' order)

const TONE_MARKS: Record<string, Tone> = {
  '\u0300': 1, // grave  (huyền)
  '\u0309': 2, // hook   (hỏi)
  '\u0303': 3, // tilde  (ngã)
  '\u0301': 4, // acute  (sắc)
  '\u0323': 5, // dot    (nặng)
};

export interface LetterParts {
  /** The letter with its letter-forming mark but no tone, lowercase: "ă", "ơ", "đ", "a". */
  readonly letter: string;
  readonly tone: Tone;
}

// Names are made of a few hundred distinct characters; sorting and matching a 100,000-row list decomposes
// millions of them, so each is decomposed once (the cache is bounded in case of arbitrary text).
const known = new Map<string, LetterParts>();
const KNOWN_LIMIT = 4096;

/** Decomposes one user-perceived character (any case, NFC or NFD) into letter + tone. */
export function letterParts(ch: string): LetterParts {
  let parts = known.get(ch);
  if (!parts) {
    parts = decompose(ch);
    if (known.size >= KNOWN_LIMIT) known.clear();
    known.set(ch, parts);
  }
  return parts;
}

function decompose(ch: string): LetterParts {
  const nfd = ch.normalize('NFD').toLowerCase();
  let base = '';
  let tone: Tone = 0;
  for (const c of nfd) {
    if (c in TONE_MARKS) tone = TONE_MARKS[c];
    else base += c;
  }
  if (base === '\u00F0') base = 'đ'; // ð (U+00F0, lowercase of the lookalike Ð) is a mistyped đ
  return { letter: base.normalize('NFC'), tone };
}
