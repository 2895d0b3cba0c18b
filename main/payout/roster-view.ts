import type { SqliteConnection } from '../core/database/open-database';
import type { RosterFilter, RosterLineView, RosterView } from '../../shared/contract/payout';
import { amountInWords } from '../../shared/payout/amount-in-words';
import { cashlessByVillage, rosterTotals, type Block } from '../../shared/payout/roster-line';
import { amountCheckRows, resultsOf, rosterFor, rosterLines, type LineRow, type ResultRow, type RosterRow } from './payout-queries';
import { rosterIdOf, type Release } from './roster-create';

export type LineState = RosterLineView['state'];

/** Where a line stands: every line of a roster whose results are in ends paid, carried over or cancelled. */
export function lineState(roster: RosterRow, line: LineRow, results: readonly ResultRow[]): LineState {
  if (roster.status === 'draft') return 'draft';
  if (line.held || line.amount <= 0) return 'carried-over';
  const last = results[results.length - 1];
  if (!last) return 'sent';
  if (last.outcome === 'paid') return 'paid';
  return last.decision === 'cancelled' ? 'cancelled' : 'carried-over';
}

export interface RosterData {
  roster: RosterRow;
  lines: LineRow[];
  results: Map<string, ResultRow[]>;
}

export function rosterData(db: SqliteConnection, officeUnitId: string, period: string): RosterData | null {
  const roster = rosterFor(db, officeUnitId, period);
  if (!roster) return null;
  const results = new Map<string, ResultRow[]>();
  for (const r of resultsOf(db, period)) {
    let list = results.get(r.lineId);
    if (!list) results.set(r.lineId, (list = []));
    list.push(r);
  }
  return { roster, lines: rosterLines(db, rosterIdOf(officeUnitId, period)), results };
}

/** A result the commune recorded itself (cash paid at the commune, a post-office list signed), not from a payer's file. */
export const MANUAL_SOURCE_PREFIX = 'manual:';

export function lineView(data: RosterData, l: LineRow): RosterLineView {
  const results = data.results.get(l.id) ?? [];
  const last = results[results.length - 1];
  return {
    key: l.id, idNumber: l.idNumber, fullName: l.fullName, village: l.village, regime: l.regimeCode, amount: l.amount, months: l.months,
    channel: l.channel, bankBin: l.bankBin, accountNumber: l.accountNumber, blocked: JSON.parse(l.blocks) as Block[],
    released: (JSON.parse(l.releases) as Release[]).map((r) => ({ code: r.code, reason: r.reason })),
    state: lineState(data.roster, l, results),
    result: last ? { outcome: last.outcome, reason: last.reason, amount: last.amount, manual: last.source.startsWith(MANUAL_SOURCE_PREFIX),
      decision: last.decision, decisionReason: last.decisionReason } : null,
  };
}

type Filter = (l: LineRow, state: LineState, results: readonly ResultRow[]) => boolean;
const FILTERS: Record<RosterFilter, Filter> = {
  all: () => true,
  blocked: (l) => l.held === 1,
  cash: (l) => l.channel === 'cash' || l.channel === 'post-office',
  released: (l) => l.releases !== '[]',
  awaiting: (_l, state) => state === 'sent',
  paid: (_l, state) => state === 'paid',
  unpaid: (_l, state, results) => (state === 'carried-over' || state === 'cancelled') && results.length > 0,
};

export function rosterView(db: SqliteConnection, data: RosterData, unitName: string | null,
  page: { filter: RosterFilter; offset: number; limit: number }): RosterView {
  const totalsInput = data.lines.map((l) => ({ village: l.village, amount: l.amount, channel: l.channel, blocked: l.held ? [1] : [] }));
  const totals = rosterTotals(totalsInput);
  const keep = FILTERS[page.filter] ?? FILTERS.all;
  const states: RosterView['states'] = { draft: { lines: 0, amount: 0 }, sent: { lines: 0, amount: 0 }, paid: { lines: 0, amount: 0 },
    'carried-over': { lines: 0, amount: 0 }, cancelled: { lines: 0, amount: 0 } };
  const matching: LineRow[] = [];
  for (const l of data.lines) {
    const results = data.results.get(l.id) ?? [];
    const state = lineState(data.roster, l, results);
    states[state].lines += 1;
    if (l.amount > 0) states[state].amount += l.amount;
    if (keep(l, state, results)) matching.push(l);
  }
  return {
    period: data.roster.period,
    status: data.roster.status,
    unitName,
    lines: matching.slice(page.offset, page.offset + page.limit).map((l) => lineView(data, l)),
    matching: matching.length,
    totals: { ...totals, amountInWords: amountInWords(totals.amount) },
    villages: cashlessByVillage(totalsInput),
    openAmountChecks: amountCheckRows(db, 'open').length,
    states,
  };
}
