import type { SqliteConnection } from '../core/database/open-database';
import type { RosterFilter, RosterLineView, RosterView } from '../../shared/contract/payout';
import { amountInWords } from '../../shared/payout/amount-in-words';
import { cashlessByVillage, rosterTotals, type Block } from '../../shared/payout/roster-line';
import { resultsOf, rosterFor, rosterLines, type LineRow, type ResultRow, type RosterRow } from './payout-queries';
import { linesPerState, openAmountCheckCount, resultsByLine, resultsOfLines, rosterBanks, rosterLinePage, totalsGroups } from './roster-view-queries';
import { rosterIdOf, type Release } from './roster-create';

export type LineState = RosterLineView['state'];

/** Where a line stands: every line of a roster whose results are in ends paid, carried over or cancelled. */
export function lineState(roster: Pick<RosterRow, 'status'>, line: Pick<LineRow, 'held' | 'amount'>, results: readonly ResultRow[]): LineState {
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
  return { roster, lines: rosterLines(db, rosterIdOf(officeUnitId, period)), results: resultsByLine(resultsOf(db, period)) };
}

/** A result the commune recorded itself (cash paid at the commune, a post-office list signed), not from a payer's file. */
export const MANUAL_SOURCE_PREFIX = 'manual:';

export function lineView(l: LineRow, results: readonly ResultRow[], status: RosterRow['status']): RosterLineView {
  const last = results[results.length - 1];
  return {
    key: l.id, idNumber: l.idNumber, fullName: l.fullName, village: l.village, regime: l.regimeCode, amount: l.amount, months: l.months,
    channel: l.channel, bankBin: l.bankBin, accountNumber: l.accountNumber, blocked: JSON.parse(l.blocks) as Block[],
    released: (JSON.parse(l.releases) as Release[]).map((r) => ({ code: r.code, reason: r.reason })),
    state: lineState({ status }, l, results),
    result: last ? { outcome: last.outcome, reason: last.reason, amount: last.amount, manual: last.source.startsWith(MANUAL_SOURCE_PREFIX),
      decision: last.decision, decisionReason: last.decisionReason } : null,
  };
}

/** One page of a roster under a filter, with the whole roster's totals and states (all counted by the database). */
export function rosterView(db: SqliteConnection, roster: RosterRow, unitName: string | null,
  page: { filter: RosterFilter; offset: number; limit: number }): RosterView {
  const groups = totalsGroups(db, roster.id);
  const totals = rosterTotals(groups);
  const states: RosterView['states'] = { draft: { lines: 0, amount: 0 }, sent: { lines: 0, amount: 0 }, paid: { lines: 0, amount: 0 },
    'carried-over': { lines: 0, amount: 0 }, cancelled: { lines: 0, amount: 0 } };
  for (const s of linesPerState(db, roster)) states[s.state] = { lines: s.lines, amount: s.amount };
  const { lines, matching } = rosterLinePage(db, roster, page.filter, page.offset, page.limit);
  const results = resultsOfLines(db, lines.map((l) => l.id));
  return {
    period: roster.period,
    status: roster.status,
    unitName,
    lines: lines.map((l) => lineView(l, results.get(l.id) ?? [], roster.status)),
    matching,
    totals: { ...totals, amountInWords: amountInWords(totals.amount) },
    villages: cashlessByVillage(groups),
    openAmountChecks: openAmountCheckCount(db),
    banks: rosterBanks(db, roster.id),
    states,
  };
}
