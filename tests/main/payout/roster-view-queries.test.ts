import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppDatabase } from '../../../main/core/database/open-database';
import { runCommand } from '../../../main/core/write-path';
import { seededRandom } from '../../../main/demo/seeded-random';
import { rosterFor, type LineRow, type ResultRow } from '../../../main/payout/payout-queries';
import { rosterData, rosterView, lineState } from '../../../main/payout/roster-view';
import { payoutResultTable, rosterLineTable, rosterTable } from '../../../main/payout/synced-tables';
import { ROSTER_FILTERS, type RosterFilter } from '../../../shared/contract/payout';
import { CASHLESS, CHANNELS } from '../../../shared/payout/roster-line';
import { openTempDatabase, tempDir } from '../../support/temp-database';

// The roster screen's page, states and totals are counted by the database; here they are checked against the rule
// written out line by line, on a roster of random lines and results.

const UNIT = 'unit-x';
const VILLAGES = ['Thôn Bắc', ' Thôn Bắc ', 'thôn bắc', 'Thôn Nam', 'Xóm Chùa', null, ''];
let db: AppDatabase;
let cleanup: () => void;
const system = { userId: null, origin: 'system' as const };

function makeRoster(period: string, status: 'draft' | 'approved', seed: number): void {
  const random = seededRandom(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random.next() * xs.length)];
  const rosterId = `${UNIT}:${period}`;
  runCommand(db, system, 'fixture', (w) => {
    w.insert(rosterTable, { id: rosterId, unitId: UNIT, period, status });
    for (let i = 0; i < 400; i++) {
      const held = random.next() < 0.2;
      const amount = random.next() < 0.1 ? -500_000 : random.next() < 0.05 ? 0 : 500_000 + Math.floor(random.next() * 20) * 100_000;
      const id = `${period}:p${i}:btxh`;
      w.insert(rosterLineTable, { id, rosterId, period, beneficiaryId: `p${i}`, regimeCode: 'btxh', fullName: `Người ${pick(['An', 'Bình', 'Cường'])} ${i}`,
        idNumber: null, village: pick(VILLAGES), amount, months: 1, detail: '[]', channel: pick(CHANNELS), bankBin: null, bankName: null,
        accountNumber: null, holderName: null, blocks: held ? '[{"code":"deceased","message":"x"}]' : '[]',
        releases: random.next() < 0.1 ? '[{"code":"no-usable-account","reason":"r"}]' : '[]', held: held ? 1 : 0 });
      const results = random.next() < 0.5 ? 0 : 1 + Math.floor(random.next() * 3);
      for (let k = 0; k < results; k++) {
        const outcome = pick(['paid', 'failed', 'returned'] as const);
        w.insert(payoutResultTable, { lineId: id, period, outcome, reason: null, amount, source: `file-${k}`,
          decision: outcome === 'paid' ? null : pick(['carried-over', 'cash', 'cancelled'] as const) });
      }
    }
  });
}

/** The rule, line by line: what the screen showed before the database counted it. */
function reference(lines: LineRow[], results: Map<string, ResultRow[]>, status: 'draft' | 'approved', filter: RosterFilter) {
  const keep = (l: LineRow, state: string, rs: readonly ResultRow[]) => ({
    all: true, blocked: l.held === 1, cash: l.channel === 'cash' || l.channel === 'post-office', released: l.releases !== '[]',
    awaiting: state === 'sent', paid: state === 'paid', unpaid: (state === 'carried-over' || state === 'cancelled') && rs.length > 0,
  })[filter];
  const states: Record<string, { lines: number; amount: number }> = {};
  const kept: string[] = [];
  let blocked = 0, count = 0, amount = 0, cashless = 0;
  for (const l of lines) {
    const rs = results.get(l.id) ?? [];
    const state = lineState({ status }, l, rs);
    states[state] ??= { lines: 0, amount: 0 };
    states[state].lines += 1;
    if (l.amount > 0) states[state].amount += l.amount;
    if (keep(l, state, rs)) kept.push(l.id);
    if (l.held) blocked += 1;
    else if (l.amount > 0) {
      count += 1;
      amount += l.amount;
      if (CASHLESS.has(l.channel)) cashless += 1;
    }
  }
  return { states, kept, totals: { blocked, lines: count, amount, cashless } };
}

beforeAll(() => {
  const t = tempDir();
  cleanup = t.cleanup;
  db = openTempDatabase(t.dir);
  makeRoster('2026-11', 'draft', 7);
  makeRoster('2026-12', 'approved', 8);
});
afterAll(() => {
  db.close();
  cleanup();
});

describe('the roster page, states and totals counted by the database', () => {
  for (const period of ['2026-11', '2026-12']) {
    it(`${period}: every filter keeps the lines the rule keeps, page by page in the printed order, with the same states and totals`, () => {
      const roster = rosterFor(db.sqlite, UNIT, period)!;
      const data = rosterData(db.sqlite, UNIT, period)!;
      for (const filter of ROSTER_FILTERS) {
        const want = reference(data.lines, data.results, roster.status as 'draft' | 'approved', filter);
        const seen: string[] = [];
        let view;
        for (let offset = 0; ; offset += 37) {
          view = rosterView(db.sqlite, roster, 'Xã thử', { filter, offset, limit: 37 });
          seen.push(...view.lines.map((l) => l.key));
          for (const l of view.lines) {
            const line = data.lines.find((x) => x.id === l.key)!;
            expect(l.state).toBe(lineState(roster, line, data.results.get(l.key) ?? []));
            expect(l.result?.outcome ?? null).toBe(data.results.get(l.key)?.at(-1)?.outcome ?? null);
          }
          if (view.lines.length < 37) break;
        }
        expect(view.matching, filter).toBe(want.kept.length);
        expect(seen, filter).toEqual(data.lines.map((l) => l.id).filter((id) => want.kept.includes(id)));
        for (const [state, figures] of Object.entries(view.states)) expect(figures, state).toEqual(want.states[state] ?? { lines: 0, amount: 0 });
        expect({ blocked: view.totals.blocked, lines: view.totals.lines, amount: view.totals.amount }).toEqual(
          { blocked: want.totals.blocked, lines: want.totals.lines, amount: want.totals.amount });
        expect(view.totals.cashlessShare.byCount).toBe(Math.round((want.totals.cashless / want.totals.lines) * 10_000) / 10_000);
      }
    });
  }

  it('villages written with stray spaces count as one; a line with no village counts under "(không rõ thôn)"', () => {
    const view = rosterView(db.sqlite, rosterFor(db.sqlite, UNIT, '2026-12')!, null, { filter: 'all', offset: 0, limit: 1 });
    const names = view.villages.map((v) => v.village);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toContain('(không rõ thôn)');
    expect(names.filter((n) => n.includes('Bắc') || n.includes('bắc')).length).toBeLessThanOrEqual(2);
    expect(view.villages.reduce((s, v) => s + v.lines, 0)).toBe(view.totals.lines);
    expect(view.villages.reduce((s, v) => s + v.amount, 0)).toBe(view.totals.amount);
  });
});
