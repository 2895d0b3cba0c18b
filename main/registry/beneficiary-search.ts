import type { SqliteConnection } from '../core/database/open-database';
import { cachedStatement } from '../core/statement-cache';
import type { ListSort } from '../../shared/contract/beneficiaries';
import { foldedTokens } from '../../shared/text/fold';
import { textSortKey } from '../../shared/text/name-sort-key';
import { reversedDigits, splitQuery, startsWithRange } from './id-fragment';
import { walkNameWords } from './name-word-walk';

// Type-ahead over a commune's (or a district's 1,000,000-row) list. Each page is the rows that pass every filter,
// in the order asked for (Vietnamese name order unless another column was clicked).
//
// Where the matches come from, cheapest first:
//  - digits alone, up to SORT_CAP people: the page and the exact count from the four ID index ranges (the start of an
//    ID from the ID indexes alone, which carry the sort key and the unit);
//  - digits in the query: an ID fragment. The end of the ID or old ID (the last 4-6 digits people read out) is a
//    range of the ID written backwards (id_number_reversed, kept by the write path's derive), the start a range of
//    the ID's own index: four B-tree ranges, ~100 people for four digits in a million, well under a millisecond
//    (bench:search, idP95Ms). Chosen over an FTS5 column of digit n-grams, which would add a dozen index terms per
//    person to every import for the same answer; the walk index also carries both IDs, so the start of an ID
//    ("035…", shared by a whole province) is checked while walking the name order without reading rows;
//  - several words: the postings of one of them (beneficiary_name_words, kept in list order by triggers) walked
//    and checked for the others, the page found without sorting any match (name-word-walk.ts);
//  - a first short walk of the name order (tuning.quickWalk people, index only) answers common queries at once;
//  - words: the full-text index of folded names. Up to QUICK_SORT_CAP matches are taken from it and sorted;
//    more: the covering sort-order index is walked for at most WALK_BUDGET rows, which finds a page at once when the
//    matches are spread through the list; matches bunched late in the order ("nguyen yen": given names sort last):
//    up to SORT_CAP FTS matches are sorted; beyond that, the matches are so many that the full walk meets them early;
//  - "từ lần nhập …": the people the import command wrote, from the change log's command index;
//  - "có vấn đề" / "cần tài khoản": small partial indexes in name order (beneficiaries_problems_walk,
//    beneficiaries_unbanked_walk), so these filters never read the whole table.
// Sorting by another column than the name sorts the matches themselves (a commune's few thousand rows at most
// when no query narrows them).

export interface SearchTuning {
  /** People walked in name order before the full-text index is asked (a page found among them is the answer). */
  quickWalk: number;
  quickSortCap: number;
  sortCap: number;
  walkBudget: number;
  /** Entries of one name word walked in list order before the full-text plans take over (0: never). */
  wordWalkBudget?: number;
}

/** Measured on 1,000,000 generated people (npm run bench:search). */
export const DEFAULT_TUNING: SearchTuning = { quickWalk: 5_000, quickSortCap: 4_000, sortCap: 20_000, walkBudget: 100_000, wordWalkBudget: 20_000 };
export const QUICK_SORT_CAP = DEFAULT_TUNING.quickSortCap;
export const SORT_CAP = DEFAULT_TUNING.sortCap;
/** Browse lists (no query) count exactly up to here, then count the rest too. */
const COUNT_CAP = SORT_CAP;

export interface SearchFilter {
  query: string;
  unitIds: readonly string[] | null; // null: every unit (administrator)
  village: string | null;
  categoryGroup: string | null;
  status: string | null;
  /** Only records with problems still to fix. */
  hasProblems?: boolean;
  /** Only people still receiving who have no account (paid in cash). */
  needsAccount?: boolean;
  /** Only records the given import (command id) inserted or changed. */
  fromImport?: string | null;
  sort?: ListSort;
  descending?: boolean;
  offset: number;
  limit: number;
}

export interface SearchPage {
  rowids: number[];
  total: number;
  totalIsLowerBound: boolean;
}

interface Conditions {
  where: string[];
  params: unknown[];
}

const CHANNEL_ORDER = `CASE b.payment_channel WHEN 'bank' THEN 0 WHEN 'e-wallet' THEN 1 WHEN 'mobile-money' THEN 2 WHEN 'authorised' THEN 3 ELSE 4 END`;
const STATUS_ORDER = `CASE b.status WHEN 'active' THEN 0 WHEN 'stopped' THEN 1 WHEN 'moved' THEN 2 ELSE 3 END`;
/** Each column's sort expression; empty values last whichever the direction. */
const SORT_EXPRESSIONS: Record<Exclude<ListSort, 'name'>, { nullsLast?: string; key: string }> = {
  birth: { nullsLast: 'b.birth IS NULL', key: 'b.birth' },
  idNumber: { nullsLast: 'coalesce(b.id_number, b.old_id_number) IS NULL', key: 'coalesce(b.id_number, b.old_id_number)' },
  village: { nullsLast: 'b.village IS NULL', key: 'vi_sort_key(b.village)' },
  category: { key: 'vi_sort_key(b.category_label)' },
  amount: { nullsLast: 'b.monthly_amount IS NULL', key: 'b.monthly_amount' },
  channel: { key: CHANNEL_ORDER },
  status: { key: STATUS_ORDER },
  problems: { key: 'json_array_length(b.problems)' },
};

function orderBy(f: SearchFilter): string {
  const dir = f.descending ? 'DESC' : 'ASC';
  const sort = f.sort ?? 'name';
  // Name order is the walk index's own order (rowid breaks ties there), so it must not add a term.
  if (sort === 'name') return `b.sort_key ${dir}`;
  const e = SORT_EXPRESSIONS[sort];
  return [e.nullsLast, `${e.key} ${dir}`, 'b.sort_key ASC', 'b.rowid ASC'].filter(Boolean).join(', ');
}

/** The filters other than the query. Literal SQL where a partial index must recognise its own condition. */
function filterConditions(f: SearchFilter): Conditions {
  const where: string[] = ['b.deleted = 0'];
  const params: unknown[] = [];
  if (f.unitIds) {
    where.push(`b.unit_id IN (${f.unitIds.map(() => '?').join(',') || "''"})`);
    params.push(...f.unitIds);
  }
  if (f.village) { where.push('b.village = ?'); params.push(f.village); }
  if (f.categoryGroup) { where.push('b.category_group = ?'); params.push(f.categoryGroup); }
  if (f.status) { where.push('b.status = ?'); params.push(f.status); }
  if (f.hasProblems) where.push(`b.problems <> '[]'`);
  if (f.needsAccount) where.push(`b.status = 'active'`, `b.payment_channel = 'cash'`);
  return { where, params };
}

function commandCondition(f: SearchFilter): Conditions {
  return f.fromImport ? { where: [`b.rowid IN (${COMMAND_ROWIDS})`], params: [f.fromImport, f.fromImport] } : { where: [], params: [] };
}

/** Rowids of the people a command wrote: their own record, or one of their payment accounts. */
// CROSS JOIN: the command's entries first (change_log_command), then each record by its id.
const COMMAND_ROWIDS = `SELECT p.rowid FROM change_log l CROSS JOIN beneficiaries p ON p.id = l.entity_id
    WHERE l.command_id = ? AND l.entity = 'beneficiaries'
  UNION SELECT p.rowid FROM change_log l CROSS JOIN payment_accounts a ON a.id = l.entity_id CROSS JOIN beneficiaries p ON p.id = a.beneficiary_id
    WHERE l.command_id = ? AND l.entity = 'payment_accounts'`;

/** The four index ranges an ID fragment may fall in: start or end of the ID, start or end of the old ID. */
function idRanges(fragment: string): [index: string, range: { sql: string; params: string[] }][] {
  const reversed = reversedDigits(fragment);
  return [
    ['beneficiaries_id_number_reversed', startsWithRange('id_number_reversed', reversed)],
    ['beneficiaries_old_id_number_reversed', startsWithRange('old_id_number_reversed', reversed)],
    ['beneficiaries_id_number', startsWithRange('id_number', fragment)],
    ['beneficiaries_old_id_number', startsWithRange('old_id_number', fragment)],
  ];
}

function idCondition(fragment: string): Conditions {
  const ranges = idRanges(fragment).map(([, r]) => ({ sql: r.sql.replace(/(\(|AND )(\w+)/g, '$1b.$2'), params: r.params }));
  return { where: [`(${ranges.map((r) => r.sql).join(' OR ')})`], params: ranges.flatMap((r) => r.params) };
}

/** Words before the last are whole words, the last one a word start ("nguyen thi m"). */
function nameConditions(tokens: string[], skip: number | 'prefix' | null = null): Conditions {
  const last = tokens.length - 1;
  const kept = tokens.map((t, i) => [t, i] as const).filter(([, i]) => i !== (skip === 'prefix' ? last : skip));
  return {
    where: kept.map(([, i]) => (i === last ? `(' ' || b.search_name) LIKE ?` : `(' ' || b.search_name || ' ') LIKE ?`)),
    params: kept.map(([t, i]) => (i === last ? `% ${t}%` : `% ${t} %`)),
  };
}

const both = (...cs: Conditions[]): Conditions => ({ where: cs.flatMap((c) => c.where), params: cs.flatMap((c) => c.params) });

const withFunctions = new WeakSet<SqliteConnection>();

/** vi_sort_key(text): villages and category labels in Vietnamese alphabetical order. */
function registerFunctions(db: SqliteConnection): void {
  if (withFunctions.has(db)) return;
  db.function('vi_sort_key', { deterministic: true }, (text: unknown) => (typeof text === 'string' ? textSortKey(text) : null));
  withFunctions.add(db);
}

export function searchBeneficiaries(db: SqliteConnection, f: SearchFilter, tuning: SearchTuning = DEFAULT_TUNING): SearchPage {
  registerFunctions(db);
  const { quickSortCap, sortCap, walkBudget } = tuning;
  const wordWalkBudget = tuning.wordWalkBudget ?? DEFAULT_TUNING.wordWalkBudget!;
  const tokens = foldedTokens(f.query);
  const { fragment, words } = splitQuery(tokens);
  const filters = filterConditions(f);
  const byName = (f.sort ?? 'name') === 'name';
  const order = orderBy(f);
  const dir = f.descending ? 'DESC' : 'ASC';
  const wordConditions = nameConditions(words);
  const idConditions = fragment ? idCondition(fragment) : NONE;

  /** Fetches the candidates by rowid, keeps those that pass `rest`, sorts them: one pass, the page cut here. */
  const sortCandidates = (candidates: number[], rest: Conditions): SearchPage => {
    if (candidates.length === 0) return { rowids: [], total: 0, totalIsLowerBound: false };
    // NOT INDEXED: look the candidates up by rowid, rather than walk a sort index past a million rows.
    const sorted = cachedStatement(db, `SELECT b.rowid FROM beneficiaries b NOT INDEXED WHERE b.rowid IN (SELECT value FROM json_each(?))
      AND ${rest.where.join(' AND ')} ORDER BY ${order}`).pluck().all(JSON.stringify(candidates), ...rest.params) as number[];
    return { rowids: sorted.slice(f.offset, f.offset + f.limit), total: sorted.length, totalIsLowerBound: false };
  };
  /** Walks the name order (index only, unless a filter needs the row) until a page of matches is found. */
  const walk = (c: Conditions, budget: number | null) => {
    const source = budget === null ? 'beneficiaries b INDEXED BY beneficiaries_search_walk'
      : `(SELECT ${columnsOf(c)} FROM beneficiaries INDEXED BY beneficiaries_search_walk WHERE deleted = 0 ORDER BY sort_key ${dir} LIMIT ${budget}) b`;
    return cachedStatement(db, `SELECT b.rowid FROM ${source} WHERE ${c.where.join(' AND ')} ORDER BY ${order} LIMIT ? OFFSET ?`)
      .pluck().all(...c.params, f.limit, f.offset) as number[];
  };
  const lowerBound = (rowids: number[], bound: number): SearchPage =>
    rowids.length < f.limit ? { rowids, total: f.offset + rowids.length, totalIsLowerBound: false }
      : { rowids, total: Math.max(bound + 1, f.offset + rowids.length), totalIsLowerBound: true };

  // A common query ("nguyen", "tran thi", the start of an ID) has a page of matches among the first few thousand
  // people in name order: the covering walk index answers it without the full-text index (whose prefix lookups
  // merge every match first: 380,000 for "nguyen*" in a million) and without touching a row.
  const mayWalkFirst = tuning.quickWalk > 0 && byName && !f.fromImport && !f.hasProblems && !f.needsAccount && !f.village && !f.categoryGroup && !f.status;
  // The start of an ID ("035058": one birth year of a province, ~0.7% of the people) needs a longer walk than a
  // common name to fill a page; its check is a comparison of index columns, cheaper than sorting thousands of rows.
  const walkFirst = () => quickWalk(db, both(filters, wordConditions, fragment ? idWalkCondition(fragment) : NONE), dir, f,
    fragment ? tuning.quickWalk * 4 : tuning.quickWalk);

  if (fragment && words.length === 0 && byName && !f.fromImport && idMatchesAtMost(db, fragment, sortCap)) return idPage(db, fragment, filters, dir, f);
  if (fragment) {
    // The end of an ID: a few hundred people at most for four digits or more, from two small index ranges. The start
    // ("035", a province's code) may be most of the list: then the name order is walked and the count is a lower
    // bound, as for "ng".
    const ids = idCandidates(db, fragment, sortCap + 1);
    const rest = both(filters, commandCondition(f), wordConditions);
    if (ids.length <= quickSortCap) return sortCandidates(ids, rest);
    const quick = mayWalkFirst ? walkFirst() : null;
    if (quick) return quick;
    if (ids.length <= sortCap) return sortCandidates(ids, rest);
    if (byName) return lowerBound(walk(both(rest, idWalkCondition(fragment)), null), sortCap);
  } else if (words.length > 1 && byName && !f.fromImport && wordWalkBudget > 0) {
    // Several words: one word's postings, already in list order, checked for the others (name-word-walk.ts). When
    // they give no answer, the matches are few or far along the order: the short first walk would not find them.
    const onlyLive = filters.where.length === 1 && filters.params.length === 0;
    const page = walkNameWords(db, {
      words, descending: Boolean(f.descending), offset: f.offset, limit: f.limit, budget: wordWalkBudget,
      nameWhere: (skip) => nameConditions(words, skip), rowFilters: onlyLive ? null : filters,
    });
    if (page) return page;
  } else if (words.length > 0 && mayWalkFirst) {
    const quick = walkFirst();
    if (quick) return quick;
  }
  const rest = both(filters, idConditions);

  if (words.length === 0) {
    if (f.fromImport) return sortCandidates(cachedStatement(db, COMMAND_ROWIDS).pluck().all(f.fromImport, f.fromImport) as number[], rest);
    // Filters walk their partial index (in name order, and with everything the scope needs), never the table.
    const index = f.hasProblems ? ' INDEXED BY beneficiaries_problems_walk' : f.needsAccount ? ' INDEXED BY beneficiaries_unbanked_walk' : '';
    return sortedPage(db, `FROM beneficiaries b${index} WHERE ${rest.where.join(' AND ')}`, rest.params, order, f);
  }

  const last = words.length - 1;
  const match = words.map((t, i) => `"${t}"${i === last ? '*' : ''}`).join(' ');
  const fts = (cap: number) => cachedStatement(db, 'SELECT rowid FROM beneficiaries_fts WHERE beneficiaries_fts MATCH ? LIMIT ?').pluck().all(match, cap + 1) as number[];
  const withCommand = both(rest, commandCondition(f));
  const walkConditions = both(withCommand, wordConditions);

  // Another column's order: every match has to be seen anyway.
  if (!byName) return sortCandidates(fts(Number.MAX_SAFE_INTEGER - 1), withCommand);
  // One or two letters ("ng", "le") match a large share of a big list: skip the FTS merge and walk at once.
  if (words.length === 1 && words[0].length <= 2 && listSizeAtLeast(db, withCommand, sortCap + 1)) return lowerBound(walk(walkConditions, null), sortCap);
  const few = fts(quickSortCap);
  if (few.length <= quickSortCap) return sortCandidates(few, withCommand);
  const spread = walk(walkConditions, walkBudget);
  if (spread.length === f.limit) return lowerBound(spread, quickSortCap);
  const many = fts(sortCap);
  if (many.length <= sortCap) return sortCandidates(many, withCommand);
  return lowerBound(walk(walkConditions, null), sortCap);
}

/**
 * The first `budget` people in name order, checked from the walk index alone. Answers when they hold the page asked
 * for (the first matches of the whole list, then) or are the whole list; the count is then what was seen.
 */
function quickWalk(db: SqliteConnection, c: Conditions, dir: string, f: SearchFilter, budget: number): SearchPage | null {
  const matches = cachedStatement(db, `SELECT b.rowid FROM (SELECT ${columnsOf(c)} FROM beneficiaries INDEXED BY beneficiaries_search_walk
      WHERE deleted = 0 ORDER BY sort_key ${dir} LIMIT ?) b WHERE ${c.where.join(' AND ')} ORDER BY b.sort_key ${dir} LIMIT ?`)
    .pluck().all(budget + 1, ...c.params, budget + 1) as number[];
  const seenAll = cachedStatement(db, `SELECT count(*) FROM (SELECT 1 FROM beneficiaries INDEXED BY beneficiaries_search_walk WHERE deleted = 0 LIMIT ?)`)
    .pluck().get(budget + 1) as number <= budget;
  if (seenAll) return { rowids: matches.slice(f.offset, f.offset + f.limit), total: matches.length, totalIsLowerBound: false };
  if (matches.length < f.offset + f.limit) return null;
  return { rowids: matches.slice(f.offset, f.offset + f.limit), total: matches.length, totalIsLowerBound: true };
}

/** The ID fragment checked on the walk index's own ID columns (no row read): start or end of the ID or old ID. */
function idWalkCondition(fragment: string): Conditions {
  const n = fragment.length;
  return {
    where: [`(substr(b.id_number, 1, ${n}) = ? OR substr(b.id_number, -${n}) = ? OR substr(b.old_id_number, 1, ${n}) = ? OR substr(b.old_id_number, -${n}) = ?)`],
    params: [fragment, fragment, fragment, fragment],
  };
}

const NONE: Conditions = { where: [], params: [] };

/**
 * Digits alone, in name order: the page and the exact count straight from the four index ranges, each person once
 * (a part leaves out who an earlier part already has: a whole ID both starts and ends with itself). The start of
 * an ID ("035137": a province, sex and birth year, 12,000 people in a million) is read from the ID indexes alone,
 * which carry the name's sort key and the unit: no row is read to sort or count them.
 */
function idPage(db: SqliteConnection, fragment: string, filters: Conditions, dir: string, f: SearchFilter): SearchPage {
  // The big ranges first (the start of an ID, then of an old ID), so that the first is read from its index alone.
  const [end, oldEnd, start, oldStart] = idRanges(fragment);
  const ranges = [start, oldStart, end, oldEnd];
  const parts = ranges.map(([index, range], i) => {
    const earlier = ranges.slice(0, i).map(([, r]) => r);
    return {
      sql: `SELECT b.rowid AS rowid, b.sort_key AS sort_key FROM beneficiaries b INDEXED BY ${index} WHERE ${range.sql}
        ${earlier.map((r) => `AND coalesce(NOT ${r.sql}, 1)`).join(' ')} AND ${filters.where.join(' AND ')}`,
      params: [...range.params, ...earlier.flatMap((r) => r.params), ...filters.params],
    };
  });
  const union = parts.map((p) => p.sql).join(' UNION ALL ');
  const params = parts.flatMap((p) => p.params);
  const rowids = cachedStatement(db, `SELECT rowid FROM (${union}) ORDER BY sort_key ${dir}, rowid LIMIT ? OFFSET ?`).pluck().all(...params, f.limit, f.offset) as number[];
  const total = cachedStatement(db, `SELECT count(*) FROM (${union})`).pluck().get(...params) as number;
  return { rowids, total, totalIsLowerBound: false };
}

/** Whether the four ranges hold at most `cap` entries (three digits, a province's code, may be most of the list). */
function idMatchesAtMost(db: SqliteConnection, fragment: string, cap: number): boolean {
  let seen = 0;
  for (const [index, range] of idRanges(fragment)) {
    seen += cachedStatement(db, `SELECT count(*) FROM (SELECT 1 FROM beneficiaries INDEXED BY ${index} WHERE ${range.sql} LIMIT ?)`).pluck().get(...range.params, cap + 1 - seen) as number;
    if (seen > cap) return false;
  }
  return true;
}

/** People whose ID or old ID starts or ends with the digits: four index ranges, duplicates (a whole ID) removed. */
function idCandidates(db: SqliteConnection, fragment: string, cap: number): number[] {
  const found = new Set<number>();
  for (const [index, range] of idRanges(fragment)) {
    const rowids = cachedStatement(db, `SELECT rowid FROM beneficiaries INDEXED BY ${index} WHERE ${range.sql} LIMIT ?`).pluck().all(...range.params, cap) as number[];
    for (const r of rowids) found.add(r);
    if (found.size >= cap) break;
  }
  return [...found];
}

/** The columns a budgeted walk's subquery must hand on: those the conditions and the order read. */
function columnsOf(c: Conditions): string {
  const used = new Set(['rowid', 'deleted', 'sort_key']);
  for (const w of c.where) for (const m of w.matchAll(/\bb\.(\w+)/g)) used.add(m[1]);
  return [...used].join(', ');
}

function listSizeAtLeast(db: SqliteConnection, c: Conditions, n: number): boolean {
  return (cachedStatement(db, `SELECT count(*) FROM (SELECT 1 FROM beneficiaries b WHERE ${c.where.join(' AND ')} LIMIT ?)`).pluck().get(...c.params, n) as number) >= n;
}

function sortedPage(db: SqliteConnection, fromWhere: string, params: unknown[], order: string, f: SearchFilter): SearchPage {
  const total = cachedStatement(db, `SELECT count(*) FROM (SELECT 1 ${fromWhere} LIMIT ?)`).pluck().get(...params, COUNT_CAP + 1) as number;
  const rowids = cachedStatement(db, `SELECT b.rowid ${fromWhere} ORDER BY ${order} LIMIT ? OFFSET ?`).pluck().all(...params, f.limit, f.offset) as number[];
  if (total > COUNT_CAP) {
    const exact = cachedStatement(db, `SELECT count(*) ${fromWhere}`).pluck().get(...params) as number;
    return { rowids, total: exact, totalIsLowerBound: false };
  }
  return { rowids, total, totalIsLowerBound: false };
}
