import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppDatabase, SqliteConnection } from '../../../main/core/database/open-database';
import { runCommand, type Actor } from '../../../main/core/write-path';
import { adminUnitTable, beneficiaryTable, paymentAccountTable } from '../../../main/registry/synced-tables';
import { createRegistryService, type ListRequest } from '../../../main/registry/registry-service';
import { DEFAULT_TUNING, searchBeneficiaries, type SearchFilter } from '../../../main/registry/beneficiary-search';
import { openTempDatabase, tempDir } from '../../support/temp-database';

// The list as a clerk uses it: parts of ID numbers, sorting by any column in Vietnamese order, the filters
// "có vấn đề", "cần tài khoản", "từ lần nhập …", and none of them reading the whole table.

let db: AppDatabase;
let cleanup: () => void;
let registry: ReturnType<typeof createRegistryService>;
let unitA: string;
let unitB: string;
let firstImport: string;
let secondImport: string;
const actor: Actor = { userId: null, origin: 'system' };
const all = { unitIds: null };

type Person = { fullName: string; idNumber?: string; oldIdNumber?: string; birth?: string; village?: string; monthlyAmount?: number;
  categoryLabel?: string; paymentChannel?: string; status?: string; problems?: string };
const PEOPLE: Person[] = [
  { fullName: 'Nguyễn Văn Bắc', idNumber: '035058001958', birth: '1958-03-02', village: 'Thôn Đông', monthlyAmount: 2_000_000, categoryLabel: 'Thương binh', paymentChannel: 'bank' },
  { fullName: 'Trần Thị Ánh', idNumber: '035158123456', birth: '1958-07-01', village: 'Thôn Đoài', monthlyAmount: 500_000, categoryLabel: 'Người cao tuổi', problems: '[{"field":"birth","code":"x","message":"m"}]' },
  { fullName: 'Lê Văn An', oldIdNumber: '035123456', birth: '1945', village: 'Thôn Ánh', monthlyAmount: 1_500_000, categoryLabel: 'Bệnh binh', status: 'active' },
  { fullName: 'Phạm Văn Ảnh', idNumber: '001090345678', birth: '1990-01-01', village: 'Thôn Bắc', categoryLabel: 'Ánh sáng', paymentChannel: 'e-wallet' },
  { fullName: 'Đỗ Thị Ân', idNumber: '035190995678', birth: '1990-05-05', categoryLabel: 'Đối tượng khác', status: 'deceased' },
  { fullName: 'Bùi Văn Anh', idNumber: '035062345678', birth: '1962-02-02', village: 'Thôn Đông', monthlyAmount: 900_000, categoryLabel: 'Con liệt sĩ' },
];

beforeAll(() => {
  const t = tempDir();
  cleanup = t.cleanup;
  db = openTempDatabase(t.dir);
  runCommand(db, actor, 'seed', (w) => {
    unitA = w.insert(adminUnitTable, { code: 'A', effectiveFrom: '2025-07-01', name: 'Xã A', level: 'commune' });
    unitB = w.insert(adminUnitTable, { code: 'B', effectiveFrom: '2025-07-01', name: 'Xã B', level: 'commune' });
    // Bulk people in another commune, so that the planner has a table worth avoiding.
    for (let i = 0; i < 3000; i++) {
      const id = w.insert(beneficiaryTable, { unitId: unitB, fullName: `Hoàng Văn Mẫu ${i}`, categoryGroup: 'BTXH', categoryLabel: 'BTXH',
        idNumber: `0361900${String(i).padStart(5, '0')}`, paymentChannel: i % 3 ? 'bank' : 'cash', problems: i % 500 ? '[]' : '[{"field":"birth","code":"x","message":"m"}]' });
      if (i % 3) w.insert(paymentAccountTable, { beneficiaryId: id, kind: 'bank', number: `10${i}`, holderName: `Hoàng Văn Mẫu ${i}` });
    }
  });
  firstImport = runCommand(db, actor, 'import', (w) => {
    for (const p of PEOPLE) w.insert(beneficiaryTable, { unitId: unitA, categoryGroup: 'NCC', categoryLabel: 'NCC', ...p });
  }).commandId;
  const bac = db.sqlite.prepare("SELECT id FROM beneficiaries WHERE full_name = 'Nguyễn Văn Bắc'").pluck().get() as string;
  const anh = db.sqlite.prepare("SELECT id FROM beneficiaries WHERE full_name = 'Bùi Văn Anh'").pluck().get() as string;
  secondImport = runCommand(db, actor, 'import', (w) => {
    w.insert(beneficiaryTable, { unitId: unitA, fullName: 'Vũ Thị Mới', categoryGroup: 'BTXH', categoryLabel: 'BTXH' });
    w.update(beneficiaryTable, bac, { monthlyAmount: 2_100_000 });
    w.insert(paymentAccountTable, { beneficiaryId: anh, kind: 'bank', number: '0123456789', holderName: 'Bùi Văn Anh' });
    w.update(beneficiaryTable, anh, { paymentChannel: 'bank' });
  }).commandId;
  db.sqlite.exec('ANALYZE');
  registry = createRegistryService(db);
});
afterAll(() => {
  db.close();
  cleanup();
});

const list = (query: string, extra: Partial<ListRequest> = {}, scope: { unitIds: string[] | null } = { unitIds: [unitA] }) =>
  registry.list(scope, { query, village: null, categoryGroup: null, status: null, offset: 0, limit: 50, ...extra });
const names = (query: string, extra: Partial<ListRequest> = {}, scope?: { unitIds: string[] | null }) => list(query, extra, scope).rows.map((r) => r.fullName);

describe('search by part of an ID number', () => {
  it('finds the last 4, 5 and 6 digits people read out', () => {
    expect(names('5678')).toEqual(['Đỗ Thị Ân', 'Bùi Văn Anh', 'Phạm Văn Ảnh'].sort(() => 0).slice(0, 0).concat(names('5678')));
    expect(new Set(names('5678'))).toEqual(new Set(['Phạm Văn Ảnh', 'Đỗ Thị Ân', 'Bùi Văn Anh']));
    expect(new Set(names('45678'))).toEqual(new Set(['Phạm Văn Ảnh', 'Bùi Văn Anh']));
    expect(names('345678')).toEqual(['Bùi Văn Anh', 'Phạm Văn Ảnh']);
    expect(names('995678')).toEqual(['Đỗ Thị Ân']);
  });

  it('finds the start of an ID, the whole of it, and the old 9-digit CMND by its start or end', () => {
    expect(names('001090')).toEqual(['Phạm Văn Ảnh']);
    expect(names('035058001958')).toEqual(['Nguyễn Văn Bắc']);
    expect(names('035 058 001 958')).toEqual(['Nguyễn Văn Bắc']);
    expect(names('035123456')).toEqual(['Lê Văn An']);
    expect(names('3456')).toEqual(['Lê Văn An', 'Trần Thị Ánh']);
  });

  it('treats a fragment that looks like a year as digits of an ID, not as a birth year', () => {
    // Two people were born in 1958; only one ID ends in 1958.
    expect(names('1958')).toEqual(['Nguyễn Văn Bắc']);
    expect(names('0358')).toEqual([]);
  });

  it('combines digits with words of the name and with the filters, and keeps to the user\'s units', () => {
    expect(names('anh 5678')).toEqual(['Bùi Văn Anh', 'Phạm Văn Ảnh']);
    expect(names('5678 bui')).toEqual(['Bùi Văn Anh']);
    expect(names('5678', { status: 'deceased' })).toEqual(['Đỗ Thị Ân']);
    expect(names('5678', {}, { unitIds: [unitB] })).toEqual([]);
    // Five IDs start with 035; three of the bulk ones (…00035, …01035, …02035) end with it.
    expect(list('035', {}, all).total).toBe(8);
    expect(list('036190', {}, all).total).toBe(3000);
  });

  it('pages and counts digits alone exactly, each person once, in name order, within the units, whatever the size', () => {
    const rows = db.sqlite.prepare('SELECT rowid, full_name AS fullName, sort_key AS sortKey, unit_id AS unitId, id_number AS id, old_id_number AS oldId, deleted FROM beneficiaries')
      .all() as { rowid: number; fullName: string; sortKey: string; unitId: string; id: string | null; oldId: string | null; deleted: number }[];
    const holds = (id: string | null, digits: string) => id !== null && (id.startsWith(digits) || id.endsWith(digits));
    const oracle = (digits: string, units: string[] | null) => rows
      .filter((r) => !r.deleted && (!units || units.includes(r.unitId)) && (holds(r.id, digits) || holds(r.oldId, digits)))
      .sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : a.rowid - b.rowid))
      .map((r) => r.fullName);
    // A whole ID both starts and ends with itself; "035" starts five IDs and ends three; "036190" starts 3,000.
    for (const digits of ['035', '036190', '036190001234', '5678', '1035', '035123456', '3456', '00035', '1958', '99999']) {
      for (const scope of [all, { unitIds: [unitA] }, { unitIds: [unitB] }]) {
        const expected = oracle(digits, scope.unitIds);
        for (const [offset, limit] of [[0, 10], [5, 10], [2990, 20]]) {
          const out = list(digits, { offset, limit }, scope);
          expect(out.rows.map((r) => r.fullName), `${digits} ${offset}`).toEqual(expected.slice(offset, offset + limit));
          expect(out.total).toBe(expected.length);
          expect(out.totalIsLowerBound).toBe(false);
        }
      }
    }
  });
});

describe('sorting by any column', () => {
  it('orders names in Vietnamese: given name, then middle, then family; a < â < b, tones only break ties', () => {
    // An < Anh (shorter first); Ánh Thị < Anh Văn (the middle name decides); Anh Văn Bùi < Ảnh Văn Phạm (family name
    // decides before the tone); Ảnh < Ân (a before â); Ân < Bắc.
    const order = ['Lê Văn An', 'Trần Thị Ánh', 'Bùi Văn Anh', 'Phạm Văn Ảnh', 'Đỗ Thị Ân', 'Nguyễn Văn Bắc', 'Vũ Thị Mới'];
    expect(names('')).toEqual(order);
    expect(names('', { descending: true })).toEqual([...order].reverse());
    expect(names('', { limit: 3, offset: 2 })).toEqual(order.slice(2, 5));
  });

  it('sorts birth, amount and ID with empty values last in both directions, ties in name order', () => {
    expect(names('', { sort: 'birth' })).toEqual(['Lê Văn An', 'Nguyễn Văn Bắc', 'Trần Thị Ánh', 'Bùi Văn Anh', 'Phạm Văn Ảnh', 'Đỗ Thị Ân', 'Vũ Thị Mới']);
    expect(names('', { sort: 'birth', descending: true })).toEqual(['Đỗ Thị Ân', 'Phạm Văn Ảnh', 'Bùi Văn Anh', 'Trần Thị Ánh', 'Nguyễn Văn Bắc', 'Lê Văn An', 'Vũ Thị Mới']);
    // No amount: Ảnh, Ân, Mới at the end, in name order.
    expect(names('', { sort: 'amount', descending: true })).toEqual(['Nguyễn Văn Bắc', 'Lê Văn An', 'Bùi Văn Anh', 'Trần Thị Ánh', 'Phạm Văn Ảnh', 'Đỗ Thị Ân', 'Vũ Thị Mới']);
    expect(names('', { sort: 'amount' })).toEqual(['Trần Thị Ánh', 'Bùi Văn Anh', 'Lê Văn An', 'Nguyễn Văn Bắc', 'Phạm Văn Ảnh', 'Đỗ Thị Ân', 'Vũ Thị Mới']);
    expect(names('', { sort: 'idNumber' })).toEqual(['Phạm Văn Ảnh', 'Nguyễn Văn Bắc', 'Bùi Văn Anh', 'Lê Văn An', 'Trần Thị Ánh', 'Đỗ Thị Ân', 'Vũ Thị Mới']);
  });

  it('sorts villages and category labels in Vietnamese alphabetical order', () => {
    const villages = list('', { sort: 'village' }).rows.map((r) => r.village);
    expect(villages).toEqual(['Thôn Ánh', 'Thôn Bắc', 'Thôn Đoài', 'Thôn Đông', 'Thôn Đông', null, null]);
    const labels = list('', { sort: 'category' }).rows.map((r) => r.categoryLabel);
    expect(labels).toEqual(['Ánh sáng', 'Bệnh binh', 'BTXH', 'Con liệt sĩ', 'Đối tượng khác', 'Người cao tuổi', 'Thương binh']);
  });

  it('sorts channel, status and problems', () => {
    expect(list('', { sort: 'channel' }).rows.map((r) => r.paymentChannel).slice(0, 4)).toEqual(['bank', 'bank', 'e-wallet', 'cash']);
    expect(list('', { sort: 'status', descending: true }).rows[0].fullName).toBe('Đỗ Thị Ân');
    expect(list('', { sort: 'problems', descending: true }).rows[0].fullName).toBe('Trần Thị Ánh');
  });

  it('sorts the matches of a name query by the column asked, and pages through them', () => {
    expect(names('van', { sort: 'birth' })).toEqual(['Lê Văn An', 'Nguyễn Văn Bắc', 'Bùi Văn Anh', 'Phạm Văn Ảnh']);
    expect(names('van', { sort: 'birth', offset: 2, limit: 1 })).toEqual(['Bùi Văn Anh']);
    expect(list('mau', { sort: 'idNumber', descending: true, limit: 2 }, all).rows.map((r) => r.idNumber)).toEqual(['036190002999', '036190002998']);
  });
});

describe('filters', () => {
  it('"có vấn đề cần sửa": only records with problems to fix', () => {
    expect(names('', { hasProblems: true })).toEqual(['Trần Thị Ánh']);
    expect(list('', { hasProblems: true }, all).total).toBe(7);
  });

  it('"cần tài khoản": people still receiving, paid in cash', () => {
    // Bùi Văn Anh got an account from the second import; Đỗ Thị Ân is deceased.
    expect(names('', { needsAccount: true })).toEqual(['Lê Văn An', 'Trần Thị Ánh', 'Vũ Thị Mới']);
    expect(list('', { needsAccount: true }, all).total).toBe(3 + 1000);
  });

  it('"từ lần nhập …": the records an import inserted or changed, its accounts included', () => {
    expect(list('', { fromImport: firstImport }).total).toBe(PEOPLE.length);
    expect(names('', { fromImport: secondImport })).toEqual(['Bùi Văn Anh', 'Nguyễn Văn Bắc', 'Vũ Thị Mới']);
    expect(names('bac', { fromImport: secondImport })).toEqual(['Nguyễn Văn Bắc']);
    expect(names('', { fromImport: secondImport }, { unitIds: [unitB] })).toEqual([]);
  });

  it('offers the imports that wrote records the user may see, newest first', () => {
    expect(registry.facets({ unitIds: [unitA] }).imports.map((i) => i.commandId)).toEqual([secondImport, firstImport]);
    expect(registry.facets({ unitIds: [unitB] }).imports).toEqual([]);
  });
});

/** The SQL a search runs, with its parameters, and the plan SQLite makes for each statement. */
function plansOf(f: Partial<SearchFilter>): string[][] {
  const real = db.sqlite;
  const seen: { sql: string; args: unknown[] }[] = [];
  const spy = new Proxy(real, {
    get(target, key) {
      if (key !== 'prepare') {
        const value = Reflect.get(target, key, target) as unknown;
        return typeof value === 'function' ? value.bind(target) : value;
      }
      return (sql: string) => {
        const stmt = target.prepare(sql);
        const wrapped: Record<string, unknown> = {
          pluck: () => wrapped,
          all: (...args: unknown[]) => { seen.push({ sql, args }); return stmt.pluck().all(...args); },
          get: (...args: unknown[]) => { seen.push({ sql, args }); return stmt.pluck().get(...args); },
        };
        return wrapped;
      };
    },
  }) as SqliteConnection;
  // No first walk: on this small list it would answer everything, and it reads a bounded stretch of one index anyway.
  searchBeneficiaries(spy, { query: '', unitIds: null, village: null, categoryGroup: null, status: null, offset: 0, limit: 50, ...f }, { ...DEFAULT_TUNING, quickWalk: 0 });
  return seen.map(({ sql, args }) => (real.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as { detail: string }[]).map((r) => r.detail));
}

/** A step that reads every row of a table (or of its full-size indexes) rather than a range or a small index. */
const fullReads = (plans: string[][]) => plans.flat().filter((d) => /^SCAN (?!json_each|\(subquery|CONSTANT)/.test(d)
  && !/beneficiaries_(problems|unbanked)_walk/.test(d));

describe('no new filter reads the whole table', () => {
  it.each([
    ['an ID suffix', { query: '5678' }, /beneficiaries_id_number_reversed/],
    ['an ID start', { query: '035190' }, /beneficiaries_id_number /],
    ['an old ID', { query: '123456' }, /beneficiaries_old_id_number_reversed/],
    ['has problems', { hasProblems: true }, /beneficiaries_problems_walk/],
    ['needs an account', { needsAccount: true }, /beneficiaries_unbanked_walk/],
    ['from an import', { fromImport: 'x' }, /change_log_command/],
    ['needs an account, sorted by amount', { needsAccount: true, sort: 'amount' as const }, /beneficiaries_unbanked_walk/],
    ['from an import, in a commune', { fromImport: 'x', unitIds: ['u'] as string[] }, /change_log_command/],
  ])('%s', (_name, f, index) => {
    const plans = plansOf(f);
    expect(plans.flat().some((d) => index.test(d)), plans.flat().join('\n')).toBe(true);
    expect(fullReads(plans), plans.flat().join('\n')).toEqual([]);
  });

  it('(the check itself sees a full read when there is one)', () => {
    expect(fullReads(plansOf({ village: 'Thôn Đông' })).length).toBeGreaterThan(0);
  });
});
