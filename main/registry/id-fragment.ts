// Part of an ID number typed into the list's search: "5678" (the last digits people read out), "035090" (the start),
// or the whole 12-digit CCCD / 9-digit CMND. Each is an index range, on the number itself for the start and on the
// number written backwards for the end, so no fragment ever makes the search read the whole register.

/** The ID written backwards ("035090001234" → "432100090530"), kept by the write path beside the ID. */
export function reversedId(id: unknown): string | null {
  if (typeof id !== 'string' || id === '') return null;
  return [...id].reverse().join('');
}

/** `column` starts with `digits`: digits sort before ':', so every such string lies in [digits, digits + ':'). */
export function startsWithRange(column: string, digits: string): { sql: string; params: string[] } {
  return { sql: `(${column} >= ? AND ${column} < ?)`, params: [digits, `${digits}:`] };
}

const isDigits = (t: string) => /^\d+$/.test(t);

/**
 * The query's words split into the ID fragment and the words of the name. A query of digits only is one fragment
 * ("001 088 1234"); beside words, three digits or more are the fragment and shorter numbers stay words of the name.
 */
export function splitQuery(tokens: readonly string[]): { fragment: string | null; words: string[] } {
  if (tokens.length > 0 && tokens.every(isDigits)) return { fragment: tokens.join(''), words: [] };
  const fragment = tokens.filter((t) => isDigits(t) && t.length >= 3).join('');
  return { fragment: fragment || null, words: tokens.filter((t) => !(isDigits(t) && t.length >= 3)) };
}

export function reversedDigits(digits: string): string {
  return [...digits].reverse().join('');
}
