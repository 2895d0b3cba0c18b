import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../../main/app/services';
import type { SqliteConnection } from '../../../main/core/database/open-database';
import { currentUnitId } from '../../../main/registry/admin-unit-reference';
import { heldLineCount, linesByRowids, payableLineOutline, peopleForRoster } from '../../../main/payout/payout-queries';
import { demoServices, loginAs } from '../../support/services';
import { tempDir } from '../../support/temp-database';
import { addPeople } from './payout-fixture';

// A month reads the whole register and the whole roster: each read a page or a key at a time, never a sort of the
// whole table per page (which made the roster of a commune of 100,000 quadratic).

let services: Services;
let cleanup: () => void;

beforeAll(async () => {
  const t = tempDir();
  cleanup = t.cleanup;
  services = demoServices(t.dir, { people: 0 });
  addPeople(services, Array.from({ length: 30 }, (_, i) => ({
    fullName: `Nguyễn Văn ${i}`, village: i % 2 ? 'Thôn Bắc' : 'Thôn Nam', birth: '1940-03-02', idNumber: `0350400000${String(i).padStart(2, '0')}`,
    categoryGroup: 'BTXH' as const, categoryLabel: 'Người cao tuổi (80 tuổi trở lên)', account: i % 3 ? 'self' as const : null,
  })));
  services.db.sqlite.exec('ANALYZE');
  // The statistics of a commune of 100,000 (as the bench's register left them): with them, and not with a handful of
  // rows, the planner is tempted by the list's covering index.
  const bigCommune: [string, string][] = [['beneficiaries_search_walk', '100000 1740 76 76 76 1 1'], ['beneficiaries_unit_sort', '100000 1740 1740 76 1 1'],
    ['sqlite_autoindex_beneficiaries_1', '100000 1'], ['beneficiaries_id_number', '100000 1 1 1 1'], ['beneficiaries_old_id_number', '100000 1740 1740 76 76'],
    ['beneficiaries_unbanked_walk', '11691 1740 9 9'], ['beneficiaries_id_number_reversed', '100000 1'], ['beneficiaries_household', '100000 1740']];
  const stats = services.db.sqlite;
  stats.prepare("DELETE FROM sqlite_stat1 WHERE tbl = 'beneficiaries'").run();
  for (const [idx, stat] of bigCommune) stats.prepare("INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES ('beneficiaries', ?, ?)").run(idx, stat);
  services.db.sqlite.exec('ANALYZE sqlite_schema');
  const clerk = await loginAs(services, 'canbo', 'canbo123!');
  const made = await clerk('payout.create', { period: '2026-12' });
  if (!made.ok) throw new Error(made.error!.message);
});
afterAll(() => cleanup?.());

/** Each statement `read` runs, with the plan SQLite makes for it. */
function plansOf(read: (spy: SqliteConnection) => unknown): string[][] {
  const real = services.db.sqlite;
  const seen: { sql: string; args: unknown[] }[] = [];
  const spy = new Proxy(real, {
    get(target, key) {
      if (key !== 'prepare') {
        const value = Reflect.get(target, key, target) as unknown;
        return typeof value === 'function' ? value.bind(target) : value;
      }
      return (sql: string) => {
        const stmt = target.prepare(sql);
        const record = (args: unknown[]) => seen.push({ sql, args });
        const wrapped: Record<string, unknown> = {
          raw: () => wrapped, pluck: () => wrapped,
          all: (...args: unknown[]) => { record(args); return stmt.all(...args); },
          get: (...args: unknown[]) => { record(args); return stmt.get(...args); },
          iterate: (...args: unknown[]) => { record(args); return stmt.iterate(...args); },
        };
        return wrapped;
      };
    },
  }) as SqliteConnection;
  const result = read(spy);
  if (result && typeof result === 'object' && Symbol.iterator in result) [...(result as Iterable<unknown>)];
  return seen.map(({ sql, args }) => (real.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as { detail: string }[]).map((r) => r.detail));
}

const rosterId = () => services.db.sqlite.prepare("SELECT id FROM rosters WHERE period = '2026-12'").pluck().get() as string;

describe('the month reads a page or a key at a time', () => {
  it('pages through the register by row key, with or without an area, and sorts nothing', () => {
    for (const area of [null, [currentUnitId('13558')]]) {
      const plans = plansOf((db) => peopleForRoster(db, area, 0, 10)).flat();
      expect(plans[0]).toMatch(/^SEARCH beneficiaries USING INTEGER PRIMARY KEY \(rowid>\?\)/);
      expect(plans.join('\n')).not.toMatch(/TEMP B-TREE/);
    }
  });

  it('counts the lines still held back from its own small index', () => {
    const plans = plansOf((db) => heldLineCount(db, rosterId())).flat();
    expect(plans.join('\n')).toMatch(/roster_lines_held/);
  });

  it('reads an export\'s lines by their row keys, each found in one step', () => {
    const keys = [...payableLineOutline(services.db.sqlite, rosterId(), null)].map((l) => l.key);
    expect(keys.length).toBeGreaterThan(0);
    const lines = linesByRowids(services.db.sqlite, keys.slice(0, 5));
    expect(lines.map((l) => l.key).sort()).toEqual(keys.slice(0, 5).sort());
    const plans = plansOf((db) => linesByRowids(db, keys.slice(0, 5))).flat();
    expect(plans[0]).toMatch(/^SEARCH roster_lines USING INTEGER PRIMARY KEY \(rowid=\?\)/);
  });
});
