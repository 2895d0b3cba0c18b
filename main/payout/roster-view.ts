import type { SqliteConnection } from '../core/database/open-database';
import type { RosterLineView, RosterView } from '../../shared/contract/payout';
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

export function lineView(data: RosterData, l: LineRow): RosterLineView {
  return {
    key: l.id, idNumber: l.idNumber, fullName: l.fullName, village: l.village, regime: l.regimeCode, amount: l.amount, months: l.months,
    channel: l.channel, bankBin: l.bankBin, accountNumber: l.accountNumber, blocked: JSON.parse(l.blocks) as Block[],
    released: (JSON.parse(l.releases) as Release[]).map((r) => ({ code: r.code, reason: r.reason })),
    state: lineState(data.roster, l, data.results.get(l.id) ?? []),
  };
}

const FILTERS: Record<string, (l: LineRow) => boolean> = {
  all: () => true,
  blocked: (l) => l.held === 1,
  cash: (l) => l.channel === 'cash' || l.channel === 'post-office',
  released: (l) => l.releases !== '[]',
};

export function rosterView(db: SqliteConnection, data: RosterData, unitName: string | null,
  page: { filter: keyof typeof FILTERS; offset: number; limit: number }): RosterView {
  const totalsInput = data.lines.map((l) => ({ village: l.village, amount: l.amount, channel: l.channel, blocked: l.held ? [1] : [] }));
  const totals = rosterTotals(totalsInput);
  const matching = data.lines.filter(FILTERS[page.filter] ?? FILTERS.all);
  return {
    period: data.roster.period,
    status: data.roster.status,
    unitName,
    lines: matching.slice(page.offset, page.offset + page.limit).map((l) => lineView(data, l)),
    matching: matching.length,
    totals: { ...totals, amountInWords: amountInWords(totals.amount) },
    villages: cashlessByVillage(totalsInput),
    openAmountChecks: amountCheckRows(db, 'open').length,
  };
}
