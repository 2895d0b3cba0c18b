import { birthOf } from '../registry/person-matching-rules';

// Which people of a commune an imported record could match by name, read once per import and kept up to date with
// what the import writes. The rules are matchPerson's: the same given name (up to tones and case) and a birth that
// agrees (the same date, the same year where one side knows only the year, or no birth on either side).
//
// For most records of a big list the answer is "nobody" and the name search is skipped; otherwise the answer is
// the few records to compare, found here in memory instead of by the register's sort-key index, whose range for a
// given name ("… Lan") holds thousands of people in a big commune, whatever their birth.
//
// Keys are 30-bit hashes of "given name|birth key" (small integers V8 stores inline). A collision only adds a
// candidate that the matching rules then turn down: the answer may hold too many, never too few.

export class NameBirthIndex {
  private readonly everyone = new Map<number, string | string[]>();
  private readonly withoutId = new Map<number, string | string[]>();

  /** `givenKey`: the given name's folded letters; `birth`: as stored (`YYYY-MM-DD`, `YYYY`) or null; `id`: the record's. */
  add(givenKey: string, birth: string | null, hasId: boolean, id: string): void {
    for (const key of storedKeys(birth)) {
      const h = keyHash(givenKey, key);
      put(this.everyone, h, id);
      if (!hasId) put(this.withoutId, h, id);
    }
  }

  /**
   * The records that could match by name and birth (ids, possibly repeated), or null when none could. A record that
   * has an ID can only match someone recorded without one.
   */
  candidates(givenKey: string, birth: string | null, recordHasId: boolean): string[] | null {
    const map = recordHasId ? this.withoutId : this.everyone;
    let out: string[] | null = null;
    for (const key of probeKeys(birth)) {
      const found = map.get(keyHash(givenKey, key));
      if (found === undefined) continue;
      out ??= [];
      if (typeof found === 'string') out.push(found);
      else out.push(...found);
    }
    return out;
  }
}

function put(map: Map<number, string | string[]>, h: number, id: string): void {
  const had = map.get(h);
  if (had === undefined) map.set(h, id);
  else if (typeof had === 'string') { if (had !== id) map.set(h, [had, id]); }
  else if (!had.includes(id)) had.push(id);
}

/** A stored date answers probes of that date and probes of its year alone ("1950*"). */
function storedKeys(birth: string | null): string[] {
  if (!birth?.trim()) return [''];
  const b = birthOf(birth);
  if (!b) return []; // a birth no one can read matches no one by name
  return b.month === null ? [String(b.year)] : [dateKey(b.year, b.month, b.day!), `${b.year}*`];
}

/** A probe's date looks for that date and for a stored year alone; a probe's year alone, for both kinds. */
function probeKeys(birth: string | null): string[] {
  if (!birth?.trim()) return [''];
  const b = birthOf(birth);
  if (!b) return [];
  return b.month === null ? [String(b.year), `${b.year}*`] : [dateKey(b.year, b.month, b.day!), String(b.year)];
}

const dateKey = (y: number, m: number, d: number) => `${y}-${m}-${d}`;

/** FNV-1a over "name|birth key", cut to 30 bits. */
function keyHash(givenKey: string, birthKey: string): number {
  const key = `${givenKey}|${birthKey}`;
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h & 0x3fffffff;
}
