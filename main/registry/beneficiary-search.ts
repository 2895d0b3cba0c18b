import type { SqliteConnection } from '../core/database/open-database';
import { foldedTokens } from '../../shared/text/fold';

// Type-ahead over a commune's (or a district's 1,000,000-row) list, always in Vietnamese order.
// Two plans, chosen by how common the query is: rare queries go through the FTS index and sort their few
// matches; queries matching more than CAP rows walk the sort-order index and stop after one page.

export const COUNT_CAP = 5000;

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

  const match = tokens.map((t) => `"${t.replace(/"/g, '')}"*`).join(' ');
  const candidates = db.prepare('SELECT rowid FROM beneficiaries_fts WHERE beneficiaries_fts MATCH ? LIMIT ?').pluck()
    .all(match, COUNT_CAP + 1) as number[];
  if (candidates.length <= COUNT_CAP) {
    if (candidates.length === 0) return { rowids: [], total: 0, totalIsLowerBound: false };
    const inList = `b.rowid IN (SELECT value FROM json_each(?))`;
    return sortedPage(db, `FROM beneficiaries b WHERE ${inList} AND ${where.join(' AND ')}`, [JSON.stringify(candidates), ...params], f);
  }
  // Common query: every token must start a word of the folded name; walk in sort order, stop after the page.
  for (const t of tokens) {
    where.push(`(' ' || b.search_name) LIKE ?`);
    params.push(`% ${t.replace(/[%_]/g, '')}%`);
  }
  const rowids = db.prepare(`SELECT b.rowid FROM beneficiaries b INDEXED BY ${sortIndex(f)} WHERE ${where.join(' AND ')} ORDER BY b.sort_key LIMIT ? OFFSET ?`)
    .pluck().all(...params, f.limit, f.offset) as number[];
  return { rowids, total: Math.max(COUNT_CAP + 1, f.offset + rowids.length), totalIsLowerBound: true };
}

function sortIndex(f: SearchFilter): string {
  return f.unitIds && f.unitIds.length === 1 ? 'beneficiaries_unit_sort' : 'beneficiaries_sort';
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
