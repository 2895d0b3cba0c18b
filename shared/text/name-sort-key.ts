import { splitVietnameseName } from './person-name';
import { letterParts } from './vietnamese-letters';

// A binary-comparable key that orders names as Intl.Collator('vi') orders "given middle family":
// given name first, then middle, then family; letters in the Vietnamese alphabet (a ă â b c d đ e ê …)
// at the primary level, tones (none, huyền, hỏi, ngã, sắc, nặng) only to break ties.
// We build it ourselves because SQLite has no Vietnamese collation and the list must page by index.

const ALPHABET = ['a', 'ă', 'â', 'b', 'c', 'd', 'đ', 'e', 'ê', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o', 'ô', 'ơ',
  'p', 'q', 'r', 's', 't', 'u', 'ư', 'v', 'w', 'x', 'y', 'z'];
const RANK = new Map(ALPHABET.map((letter, i) => [letter, String.fromCharCode(0x41 + i)]));
const PRIMARY_SECONDARY_SEPARATOR = '\u0001';

// An import asks for the same name's key twice in a row (to match the person, then to store the row).
let lastName: string | undefined;
let lastKey = '';

export function nameSortKey(fullName: string): string {
  if (fullName !== lastName) {
    lastKey = sortKeyOf(fullName);
    lastName = fullName;
  }
  return lastKey;
}

function sortKeyOf(fullName: string): string {
  const { family, middle, given } = splitVietnameseName(fullName);
  return textSortKey([given, middle, family].filter(Boolean).join(' '));
}

/** The same binary-comparable key for any text as written (village names, category labels): "Thôn Ánh" < "Thôn Bắc". */
export function textSortKey(ordered: string): string {
  let primary = '';
  let secondary = '';
  for (const ch of ordered) {
    if (ch === ' ') {
      primary += ' ';
      continue;
    }
    if (ch >= '0' && ch <= '9') {
      primary += ch;
      continue;
    }
    const { letter, tone } = letterParts(ch);
    const rank = RANK.get(letter);
    primary += rank ?? `\u007f${letter}`;
    secondary += String(tone);
  }
  return primary + PRIMARY_SECONDARY_SEPARATOR + secondary;
}
