import { birthOf } from '../registry/person-matching-rules';

// Which people of a commune an imported record could match by name (the rules are matchPerson's): someone with
// the same given name (up to tones and case) and a birth that agrees: the same date, or the same year where one
// side knows only the year, or no birth on either side. Keying by the whole date, not the year, matters in a big
// commune: "Nguyễn Thị Lan, 1950" has dozens of namesakes, "… Lan, 02/03/1950" hardly any, and every "maybe"
// costs an index query.
// The keys are kept as 30-bit hashes (small integers V8 stores inline, so the sets stay small even at 500,000
// people); the filter is a superset, so it may say "maybe" wrongly (then the query runs and finds nobody) but
// never says "no" wrongly.

export class NameYearFilter {
  private readonly everyone = new Set<number>();
  private readonly withoutId = new Set<number>();

  /** `primaryName`: the given name's folded letters; `birth`: as stored (`YYYY-MM-DD`, `YYYY`) or null. */
  add(primaryName: string, birth: string | null, hasId: boolean): void {
    for (const key of storedKeys(birth)) {
      const h = keyHash(primaryName, key);
      this.everyone.add(h);
      if (!hasId) this.withoutId.add(h);
    }
  }

  /** Could someone match by name? A record that has an ID can only match someone who has none. */
  mayMatch(primaryName: string, birth: string | null, recordHasId: boolean): boolean {
    const set = recordHasId ? this.withoutId : this.everyone;
    return probeKeys(birth).some((key) => set.has(keyHash(primaryName, key)));
  }
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
function keyHash(primaryName: string, birthKey: string): number {
  const key = `${primaryName}|${birthKey}`;
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h & 0x3fffffff;
}
