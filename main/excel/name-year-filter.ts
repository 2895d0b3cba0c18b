// Which people of a commune an imported record could match by name: a record matches by name only someone with
// the same name (up to tones and case) born the same year (a year-only birth matches any date of that year).
// The filter keeps those name-and-year keys as 30-bit hashes (small integers V8 stores inline, so the sets stay
// small even at 500,000 people); it is a superset,
// so it may say "maybe" wrongly (then the query runs and finds nobody) but never says "no" wrongly.

export class NameYearFilter {
  private readonly everyone = new Set<number>();
  private readonly withoutId = new Set<number>();

  /** `primaryName`: the primary part of the name's sort key; `birth`: `YYYY-MM-DD`, `YYYY` or null. */
  add(primaryName: string, birth: string | null, hasId: boolean): void {
    const h = keyHash(primaryName, birth);
    this.everyone.add(h);
    if (!hasId) this.withoutId.add(h);
  }

  /** Could someone match by name? A record that has an ID can only match someone who has none. */
  mayMatch(primaryName: string, birth: string | null, recordHasId: boolean): boolean {
    return (recordHasId ? this.withoutId : this.everyone).has(keyHash(primaryName, birth));
  }
}

/** FNV-1a over "name|year", cut to 30 bits. */
function keyHash(primaryName: string, birth: string | null): number {
  const key = `${primaryName}|${birth ? birth.slice(0, 4) : ''}`;
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h & 0x3fffffff;
}
