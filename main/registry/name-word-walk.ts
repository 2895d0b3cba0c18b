import type { SqliteConnection } from '../core/database/open-database';
import { cachedStatement } from '../core/statement-cache';

// A query of several words ("pham thi", "tran thi mi") answered from the postings of one of its words
// (beneficiary_name_words: word, sort key, row, folded name), which are already in the list's order: the page is the
// first entries that also hold the other words, checked on the entry itself; no match is sorted and no row is read
// unless a filter needs it. The word walked is the one with the fewest entries: one of the whole words, or the word
// being typed (every word it may become, walked side by side and merged).
//
// Each word's walk is cut after `budget` entries: a query whose words are each common but rarely together
// ("van thi") would otherwise read a whole posting list; it is then left to the full-text plans (null).

export interface WordWalkRequest {
  /** Whole words, then the word being typed (a prefix). */
  words: string[];
  /** Conditions on `b` (the posting: rowid, sort_key, search_name) for the words; on the row too with `rowFilters`. */
  nameWhere: (skip: number | 'prefix') => { where: string[]; params: unknown[] };
  /** Filters that need the row (village, status, scope…): the posting is joined to its row. */
  rowFilters: { where: string[]; params: unknown[] } | null;
  descending: boolean;
  offset: number;
  limit: number;
  budget: number;
}

export interface WordWalkPage {
  rowids: number[];
  total: number;
  totalIsLowerBound: boolean;
}

/** Words a prefix may become, at most this many (a one-letter prefix: left to the other plans). */
const MAX_FAMILY = 12;
const counts = new WeakMap<SqliteConnection, Map<string, number>>();

/** Entries of a word, counted up to `cap` (remembered per connection: it only chooses the word to walk). */
function entriesOf(db: SqliteConnection, word: string, cap: number, fresh = false): number {
  let known = counts.get(db);
  if (!known) counts.set(db, (known = new Map()));
  const key = `${cap}|${word}`;
  let n = fresh ? undefined : known.get(key);
  if (n === undefined) {
    n = cachedStatement(db, 'SELECT count(*) FROM (SELECT 1 FROM beneficiary_name_words WHERE word = ? LIMIT ?)').pluck().get(word, cap) as number;
    if (known.size >= 10_000) known.clear();
    known.set(key, n);
  }
  return n;
}

/** The words in the postings that start with `prefix`, up to MAX_FAMILY + 1 (one index seek each). */
function family(db: SqliteConnection, prefix: string): string[] {
  const out: string[] = [];
  const end = `${prefix}\u{10ffff}`;
  const first = cachedStatement(db, 'SELECT min(word) FROM beneficiary_name_words WHERE word >= ? AND word < ?').pluck();
  const next = cachedStatement(db, 'SELECT min(word) FROM beneficiary_name_words WHERE word > ? AND word < ?').pluck();
  let w = first.get(prefix, end) as string | null;
  while (w !== null && out.length <= MAX_FAMILY) {
    out.push(w);
    w = next.get(w, end) as string | null;
  }
  return out;
}

export function walkNameWords(db: SqliteConnection, req: WordWalkRequest): WordWalkPage | null {
  const { words, budget } = req;
  const last = words.length - 1;
  if (last < 1 || budget <= 0) return null;
  // The words that may be walked: each whole word, and the typed word's family when it is small.
  const candidates: { arms: string[]; skip: number | 'prefix'; size: number }[] = [];
  for (let i = 0; i < last; i++) candidates.push({ arms: [words[i]], skip: i, size: entriesOf(db, words[i], budget + 1) });
  const typed = family(db, words[last]);
  if (typed.length === 0) return { rowids: [], total: 0, totalIsLowerBound: false };
  if (typed.length <= MAX_FAMILY) candidates.push({ arms: typed, skip: 'prefix', size: typed.reduce((s, w) => s + entriesOf(db, w, budget + 1), 0) });
  // Fewest entries first. Matches bunch in the list's order (given names come first in it, so "nguyen thi" has none
  // among the first thousands of men's names): when one word's walk is cut before a page, the next is tried.
  candidates.sort((a, b) => a.size - b.size);
  for (const candidate of candidates) {
    const page = walkWord(db, req, candidate.arms, candidate.skip);
    if (page) return page;
  }
  return null;
}

function walkWord(db: SqliteConnection, req: WordWalkRequest, arms: string[], skip: number | 'prefix'): WordWalkPage | null {
  // The typed word's family shares the budget: a dozen words walked side by side read no more than one.
  const budget = Math.max(1_000, Math.floor(req.budget / arms.length));
  const dir = req.descending ? 'DESC' : 'ASC';
  const name = req.nameWhere(skip);
  const postings = (i: number) => `(SELECT person AS rowid, sort_key, search_name FROM beneficiary_name_words WHERE word = ?
    ORDER BY sort_key ${dir}, person ${dir} LIMIT ${budget}) /* arm ${i} */`;
  // The posting's own order is the list's: the outer ORDER BY is satisfied without a sort.
  const sqlOf = (i: number) => (req.rowFilters
    ? `SELECT w.rowid, w.sort_key FROM ${postings(i)} w CROSS JOIN beneficiaries b ON b.rowid = w.rowid
        WHERE ${[...name.where, ...req.rowFilters.where].join(' AND ')} ORDER BY w.sort_key ${dir}, w.rowid ${dir}`
    : `SELECT b.rowid, b.sort_key FROM ${postings(i)} b ${name.where.length ? `WHERE ${name.where.join(' AND ')}` : ''}
        ORDER BY b.sort_key ${dir}, b.rowid ${dir}`);
  const params = [...name.params, ...(req.rowFilters?.params ?? [])];
  const iterators = arms.map((word, i) => cachedStatement(db, sqlOf(i)).raw().iterate(word, ...params) as IterableIterator<[number, string]>);
  const heads = iterators.map((it) => it.next());
  const want = req.offset + req.limit + 1;
  const found: number[] = [];
  const before = (a: [number, string], b: [number, string]) => (a[1] === b[1] ? a[0] < b[0] : a[1] < b[1]) !== req.descending;
  let previous: number | null = null;
  try {
    if (heads.some((h, i) => h.done && entriesOf(db, arms[i], budget + 1, true) > budget)) return null;
    while (found.length < want) {
      let k = -1;
      for (let i = 0; i < heads.length; i++) {
        if (!heads[i].done && (k < 0 || before(heads[i].value as [number, string], heads[k].value as [number, string]))) k = i;
      }
      if (k < 0) break;
      const [rowid] = heads[k].value as [number, string];
      // A person two of whose words the typed word may become comes once from each: kept once.
      if (rowid !== previous) found.push(rowid);
      previous = rowid;
      heads[k] = iterators[k].next();
      // A walk cut at its budget may have matches further on: what follows in the merge could skip them.
      if (heads[k].done && entriesOf(db, arms[k], budget + 1, true) > budget) return null;
    }
  } finally {
    for (const it of iterators) it.return?.();
  }
  const page = found.slice(req.offset, req.offset + req.limit);
  if (found.length === want) return { rowids: page, total: want, totalIsLowerBound: true };
  return { rowids: page, total: found.length, totalIsLowerBound: false };
}
