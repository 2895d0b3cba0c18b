// Vietnamese has two accepted places for the tone mark in the open syllables oa, oe, uy: the older
// style on the second vowel (hoà, hoè, thuỷ) and the newer on the first (hòa, hòe, thủy). Both are
// the same name; this puts every such syllable in the newer style so that comparisons see one spelling.

const TONES = /[\u0300\u0301\u0303\u0309\u0323]/;
const TONES_G = /[\u0300\u0301\u0303\u0309\u0323]/g;

/** Normalises tone placement word by word; returns NFC text. Other letters are left as they are. */
export function normaliseTonePlacement(text: string): string {
  return text.normalize('NFC').replace(/\p{L}+/gu, (word) => normaliseSyllable(word)).normalize('NFC');
}

/** True when two texts differ at most by tone placement and letter case. */
export function sameUpToTonePlacement(a: string, b: string): boolean {
  return normaliseTonePlacement(a).toLocaleLowerCase('vi') === normaliseTonePlacement(b).toLocaleLowerCase('vi');
}

function normaliseSyllable(word: string): string {
  const decomposed = word.normalize('NFD');
  const tone = decomposed.match(TONES)?.[0];
  if (!tone) return word;
  const bare = decomposed.replace(TONES_G, '');
  // Only the open syllables oa, oe, uy (nothing after them) have two styles; "qu" + y keeps the tone on y.
  const m = /^(.*?)([oO][aAeE]|[uU][yY])$/.exec(bare);
  if (!m || /[qQ]$/.test(m[1])) return word;
  const [, onset, pair] = m;
  return `${onset}${pair[0]}${tone}${pair[1]}`;
}

