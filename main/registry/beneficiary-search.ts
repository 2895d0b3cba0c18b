import type { SqliteConnection } from '../core/database/open-database';
import { foldedTokens } from '../../shared/text/fold';

// Type-ahead over a commune's (or a district's 1,000,000-row) list, always in Vietnamese order.
// Words before the last are complete ("nguyen thi m": nguyen AND thi AND m…). The plan depends on how common
// the query is, because sorting matches costs a row lookup each while walking the sort index costs a step per row:
//  - up to QUICK_SORT_CAP matches: take them from the FTS index and sort them;
//  - more: walk the covering sort-order index for at most WALK_BUDGET rows, which finds a page at once when the
//    matches are spread through the list;
//  - matches bunched late in the order ("nguyen yen": given names sort last): sort up to SORT_CAP FTS matches;
//  - beyond SORT_CAP, the matches are so many that the full walk meets them early.

export interface SearchTuning {
  quickSortCap: number;
  sortCap: number;
  walkBudget: number;
}

/** Measured on 1,000,000 generated people (npm run bench:search). */
export const DEFAULT_TUNING: SearchTuning = { quickSortCap: 4_000, sortCap: 20_000, walkBudget: 100_000 };
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
  offset: number;
  limit: number;
}

export interface SearchPage {
  rowids: number[];
  total: number;
  totalIsLowerBound: boolean;
}

export function searchBeneficiaries(db: SqliteConnection, f: SearchFilter, tuning: SearchTuning = DEFAULT_TUNING): SearchPage {
  const { quickSortCap, sortCap, walkBudget } = tuning;
  const tokens = foldedTokens(f.query);
  const digits = /^\d{3,12}$/.test(f.query.trim()) ? f.query.trim() : null;
  const where: string[] = ['b.deleted = 0'];
  const params: unknown[] = [];
  if (f.unitIds) {
    where.push(`b.unit_id IN (${f.unitIds.map(() => '?').join(',') || "''"})`);
    params.push(...f.unitIds);
  }
  if (f.village) { where.push('b.village = ?'); params.push(f.village); }
  if (f.categoryGroup) { where.push('b.category_group = ?'); params.push(f.categoryGroup); }
  if (f.status) { where.push('b.status = ?'); params.push(f.status); }

  if (digits) {
    where.push('(b.id_number LIKE ? OR b.old_id_number LIKE ?)');
    params.push(`${digits}%`, `${digits}%`);
    return sortedPage(db, `FROM beneficiaries b WHERE ${where.join(' AND ')}`, params, f);
  }
  if (tokens.length === 0) return sortedPage(db, `FROM beneficiaries b WHERE ${where.join(' AND ')}`, params, f);

  const last = tokens.length - 1;
  const match = tokens.map((t, i) => `"${t}"${i === last ? '*' : ''}`).join(' ');
  const walkWhere = [...where];
  const walkParams = [...params];
  tokens.forEach((t, i) => {
    walkWhere.push(i === last ? `(' ' || b.search_name) LIKE ?` : `(' ' || b.search_name || ' ') LIKE ?`);
    walkParams.push(i === last ? `% ${t}%` : `% ${t} %`);
  });
  const walk = (budget: number | null) => {
    const source = budget === null ? 'beneficiaries b INDEXED BY beneficiaries_search_walk'
      : `(SELECT rowid, * FROM beneficiaries INDEXED BY beneficiaries_search_walk WHERE deleted = 0 ORDER BY sort_key LIMIT ${budget}) b`;
    return db.prepare(`SELECT b.rowid FROM ${source} WHERE ${walkWhere.join(' AND ')} ORDER BY b.sort_key LIMIT ? OFFSET ?`)
      .pluck().all(...walkParams, f.limit, f.offset) as number[];
  };
  const fts = (cap: number) => db.prepare('SELECT rowid FROM beneficiaries_fts WHERE beneficiaries_fts MATCH ? LIMIT ?').pluck().all(match, cap + 1) as number[];
  const sortCandidates = (candidates: number[]): SearchPage => {
    if (candidates.length === 0) return { rowids: [], total: 0, totalIsLowerBound: false };
    // NOT INDEXED: fetch the candidates by rowid and sort them, rather than walk a sort index past a million rows.
    const inList = `b.rowid IN (SELECT value FROM json_each(?))`;
    return sortedPage(db, `FROM beneficiaries b NOT INDEXED WHERE ${inList} AND ${where.join(' AND ')}`, [JSON.stringify(candidates), ...params], f);
  };
  const lowerBound = (rowids: number[], bound: number): SearchPage =>
    rowids.length < f.limit ? { rowids, total: f.offset + rowids.length, totalIsLowerBound: false }
      : { rowids, total: Math.max(bound + 1, f.offset + rowids.length), totalIsLowerBound: true };

  // One or two letters ("ng", "le") match a large share of a big list: skip the FTS merge and walk at once.
  if (tokens.length === 1 && tokens[0].length <= 2 && listSizeAtLeast(db, where, params, sortCap + 1)) return lowerBound(walk(null), sortCap);
  const few = fts(quickSortCap);
  if (few.length <= quickSortCap) return sortCandidates(few);
  const spread = walk(walkBudget);
  if (spread.length === f.limit) return lowerBound(spread, quickSortCap);
  const many = fts(sortCap);
  if (many.length <= sortCap) return sortCandidates(many);
  return lowerBound(walk(null), sortCap);
}

function listSizeAtLeast(db: SqliteConnection, where: string[], params: unknown[], n: number): boolean {
  return (db.prepare(`SELECT count(*) FROM (SELECT 1 FROM beneficiaries b WHERE ${where.join(' AND ')} LIMIT ?)`).pluck().get(...params, n) as number) >= n;
}

function sortedPage(db: SqliteConnection, fromWhere: string, params: unknown[], f: SearchFilter): SearchPage {
  const total = db.prepare(`SELECT count(*) FROM (SELECT 1 ${fromWhere} LIMIT ?)`).pluck().get(...params, COUNT_CAP + 1) as number;
  const rowids = db.prepare(`SELECT b.rowid ${fromWhere} ORDER BY b.sort_key LIMIT ? OFFSET ?`).pluck().all(...params, f.limit, f.offset) as number[];
  if (total > COUNT_CAP) {
    const exact = db.prepare(`SELECT count(*) ${fromWhere}`).pluck().get(...params) as number;
    return { rowids, total: exact, totalIsLowerBound: false };
  }
  return { rowids, total, totalIsLowerBound: false };
}
