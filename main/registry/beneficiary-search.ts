import type { SqliteConnection } from '../core/database/open-database';
import { foldedTokens } from '../../shared/text/fold';

// Type-ahead over a commune's (or a district's 1,000,000-row) list, always in Vietnamese order.
// Words before the last are complete ("nguyen thi m": nguyen AND thi AND m…). Two plans, chosen by how common
// the query is: up to SORT_CAP matches come from the FTS index and are sorted exactly; beyond that, matches are
// dense enough that walking the covering sort-order index finds a page at once.

export const SORT_CAP = 20_000;
/** Browse lists (no query) count exactly; a search beyond SORT_CAP reports "more than SORT_CAP". */
export const COUNT_CAP = SORT_CAP;

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

export function searchBeneficiaries(db: SqliteConnection, f: SearchFilter): SearchPage {
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
  // One or two letters ("ng", "le") match a large share of a big list: skip the FTS merge and walk at once.
  const walk = tokens.length === 1 && tokens[0].length <= 2 && listSizeAtLeast(db, where, params, SORT_CAP + 1);
  const candidates = walk ? [] : db.prepare('SELECT rowid FROM beneficiaries_fts WHERE beneficiaries_fts MATCH ? LIMIT ?').pluck().all(match, SORT_CAP + 1) as number[];
  if (!walk && candidates.length <= SORT_CAP) {
    if (candidates.length === 0) return { rowids: [], total: 0, totalIsLowerBound: false };
    // NOT INDEXED: fetch the candidates by rowid and sort them, rather than walk a sort index past a million rows.
    const inList = `b.rowid IN (SELECT value FROM json_each(?))`;
    return sortedPage(db, `FROM beneficiaries b NOT INDEXED WHERE ${inList} AND ${where.join(' AND ')}`, [JSON.stringify(candidates), ...params], f);
  }
  // Very common query: the same condition on the folded name, checked while walking the covering sort index.
  tokens.forEach((t, i) => {
    where.push(i === last ? `(' ' || b.search_name) LIKE ?` : `(' ' || b.search_name || ' ') LIKE ?`);
    params.push(i === last ? `% ${t}%` : `% ${t} %`);
  });
  const rowids = db.prepare(`SELECT b.rowid FROM beneficiaries b INDEXED BY beneficiaries_search_walk WHERE ${where.join(' AND ')} ORDER BY b.sort_key LIMIT ? OFFSET ?`)
    .pluck().all(...params, f.limit, f.offset) as number[];
  if (rowids.length < f.limit) return { rowids, total: f.offset + rowids.length, totalIsLowerBound: false };
  return { rowids, total: Math.max(SORT_CAP + 1, f.offset + rowids.length), totalIsLowerBound: true };
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
