// The reads behind the roster screen: a page of lines under a filter, the counts per state and the totals, each
// computed by the database. A month has 100,000 lines; reading them all for every page took 2 s a page.

import type { SqliteConnection } from '../core/database/open-database';
import type { RosterFilter } from '../../shared/contract/payout';
import type { RosterChannel, TotalsGroup } from '../../shared/payout/roster-line';
import { LINE_COLUMNS, type LineRow, type ResultRow, type RosterRow } from './payout-queries';
import type { LineState } from './roster-view';

/**
 * Each line of a roster with where it stands (roster-view.ts `lineState` says the same rule for one line): the last
 * result recorded for a line decides (SQLite takes the bare columns of a max() group from the row holding the max),
 * and `results` says whether any came back.
 */
const LINES_WITH_STATE = `
  WITH last AS (
    SELECT line_id, max(rowid), outcome, decision, count(*) AS results FROM payout_results
    WHERE deleted = 0 AND period = @period GROUP BY line_id
  )
  SELECT l.rowid AS lineRowid, l.*, coalesce(last.results, 0) AS results,
    CASE WHEN @status = 'draft' THEN 'draft'
      WHEN l.held = 1 OR l.amount <= 0 THEN 'carried-over'
      WHEN last.outcome IS NULL THEN 'sent'
      WHEN last.outcome = 'paid' THEN 'paid'
      WHEN last.decision = 'cancelled' THEN 'cancelled'
      ELSE 'carried-over' END AS state
  FROM roster_lines l LEFT JOIN last ON last.line_id = l.id
  WHERE l.deleted = 0 AND l.roster_id = @rosterId`;

const FILTERS: Record<RosterFilter, string> = {
  all: '1',
  blocked: 'held = 1',
  cash: `channel IN ('cash', 'post-office')`,
  released: `releases <> '[]'`,
  awaiting: `state = 'sent'`,
  paid: `state = 'paid'`,
  unpaid: `state IN ('carried-over', 'cancelled') AND results > 0`,
};

function params(roster: RosterRow) {
  return { rosterId: roster.id, period: roster.period, status: roster.status };
}

/** One page of the lines the filter keeps, in the printed order (village, then name), and how many it keeps. */
export function rosterLinePage(db: SqliteConnection, roster: RosterRow, filter: RosterFilter, offset: number, limit: number):
  { lines: LineRow[]; matching: number } {
  const where = FILTERS[filter] ?? FILTERS.all;
  const lines = db.prepare(`SELECT ${LINE_COLUMNS} FROM (${LINES_WITH_STATE}) WHERE ${where}
    ORDER BY village COLLATE NOCASE, full_name, id LIMIT @limit OFFSET @offset`).all({ ...params(roster), limit, offset }) as LineRow[];
  const matching = db.prepare(`SELECT count(*) FROM (${LINES_WITH_STATE}) WHERE ${where}`).pluck().get(params(roster)) as number;
  return { lines, matching };
}

/** Lines and amounts (the positive ones: recovered money is not a payment) per state. */
export function linesPerState(db: SqliteConnection, roster: RosterRow): { state: LineState; lines: number; amount: number }[] {
  return db.prepare(`SELECT state, count(*) AS lines, total(CASE WHEN amount > 0 THEN amount END) AS amount
    FROM (${LINES_WITH_STATE}) GROUP BY state`).all(params(roster)) as { state: LineState; lines: number; amount: number }[];
}

/** The roster's lines grouped for its totals, villages in the printed order. */
export function totalsGroups(db: SqliteConnection, rosterId: string): TotalsGroup[] {
  const rows = db.prepare(`SELECT village, channel, held, count(*) AS lines,
      count(CASE WHEN amount > 0 THEN 1 END) AS payingLines, total(CASE WHEN amount > 0 THEN amount END) AS payingAmount
    FROM roster_lines WHERE deleted = 0 AND roster_id = ? GROUP BY village, channel, held
    ORDER BY village COLLATE NOCASE, village, channel, held`).all(rosterId) as
    { village: string | null; channel: RosterChannel; held: number; lines: number; payingLines: number; payingAmount: number }[];
  return rows.map((r) => ({ ...r, held: r.held === 1 }));
}

/** The results recorded for these lines, oldest first. */
export function resultsOfLines(db: SqliteConnection, lineIds: readonly string[]): Map<string, ResultRow[]> {
  return resultsByLine(db.prepare(`SELECT id, line_id AS lineId, outcome, reason, amount, source, decision, decision_reason AS decisionReason
    FROM payout_results WHERE deleted = 0 AND line_id IN (SELECT value FROM json_each(?)) ORDER BY rowid`).all(JSON.stringify(lineIds)) as ResultRow[]);
}

/** Results by the line they are for, each line's in the order given. */
export function resultsByLine(rows: readonly ResultRow[]): Map<string, ResultRow[]> {
  const byLine = new Map<string, ResultRow[]>();
  for (const r of rows) {
    let list = byLine.get(r.lineId);
    if (!list) byLine.set(r.lineId, (list = []));
    list.push(r);
  }
  return byLine;
}

/** These lines of a roster (the keys a clerk picked). */
export function rosterLinesByIds(db: SqliteConnection, rosterId: string, ids: readonly string[]): LineRow[] {
  return db.prepare(`SELECT ${LINE_COLUMNS} FROM roster_lines WHERE id IN (SELECT value FROM json_each(?)) AND deleted = 0 AND roster_id = ?`)
    .all(JSON.stringify(ids), rosterId) as LineRow[];
}

export function openAmountCheckCount(db: SqliteConnection): number {
  return db.prepare(`SELECT count(*) FROM amount_checks c JOIN beneficiaries b ON b.id = c.beneficiary_id WHERE c.deleted = 0 AND c.status = 'open'`).pluck().get() as number;
}

/** The banks the month transfers to: lines paid into an account (own or authorised), per bank, for one list per bank. */
export function rosterBanks(db: SqliteConnection, rosterId: string): { bankBin: string; bankName: string | null; lines: number; amount: number }[] {
  return db.prepare(`SELECT bank_bin AS bankBin, max(bank_name) AS bankName, count(*) AS lines, total(amount) AS amount FROM roster_lines
    WHERE deleted = 0 AND roster_id = ? AND held = 0 AND amount > 0 AND channel IN ('own-account', 'authorised-account') AND bank_bin IS NOT NULL
    GROUP BY bank_bin ORDER BY max(bank_name), bank_bin`).all(rosterId) as { bankBin: string; bankName: string | null; lines: number; amount: number }[];
}
