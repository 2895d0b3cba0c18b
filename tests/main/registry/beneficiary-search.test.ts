import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppDatabase } from '../../../main/core/database/open-database';
import { runCommand } from '../../../main/core/write-path';
import { adminUnitTable, beneficiaryTable } from '../../../main/registry/synced-tables';
import { createRegistryService } from '../../../main/registry/registry-service';
import { QUICK_SORT_CAP, SORT_CAP, searchBeneficiaries, type SearchTuning } from '../../../main/registry/beneficiary-search';
import { rowsByRowid } from '../../../main/registry/beneficiary-queries';
import { openTempDatabase, tempDir } from '../../support/temp-database';

let db: AppDatabase;
let cleanup: () => void;
let registry: ReturnType<typeof createRegistryService>;
let unitA: string;
let unitB: string;
const all = { unitIds: null };
const list = (query: string, extra: Partial<Parameters<typeof registry.list>[1]> = {}, scope: { unitIds: string[] | null } = all) =>
  registry.list(scope, { query, village: null, categoryGroup: null, status: null, offset: 0, limit: 50, ...extra });

const PEOPLE = [
  ['Nguyễn Đức Anh', 'Thôn Đông', 'BTXH', 'active', '035090001234'],
  ['Nguyễn Văn Đức', 'Thôn Đoài', 'NCC', 'active', null],
  ['Trần Thị Hoà', 'Thôn Đông', 'BTXH', 'deceased', '035190004321'],
  ['Lê Đức Thọ', 'Thôn Nam', 'TNCC', 'active', null],
  ['Phạm Thị Ánh', 'Thôn Đông', 'BTXH', 'stopped', null],
  ['Đỗ Văn Ảnh', 'Thôn Nam', 'NCC', 'active', null],
] as const;

beforeAll(() => {
  const t = tempDir();
  cleanup = t.cleanup;
  db = openTempDatabase(t.dir);
  runCommand(db, { userId: null, origin: 'system' }, 'seed', (w) => {
    unitA = w.insert(adminUnitTable, { code: 'A', effectiveFrom: '2025-07-01', name: 'Xã A', level: 'commune' });
    unitB = w.insert(adminUnitTable, { code: 'B', effectiveFrom: '2025-07-01', name: 'Xã B', level: 'commune' });
    for (const [fullName, village, categoryGroup, status, idNumber] of PEOPLE) {
      w.insert(beneficiaryTable, { unitId: unitA, fullName, village, categoryGroup, categoryLabel: categoryGroup, status, idNumber });
    }
    // Enough "Nguyễn Thị …" to push a common query past the sort cap onto the index walk.
    for (let i = 0; i < SORT_CAP + 200; i++) {
      w.insert(beneficiaryTable, { unitId: unitB, fullName: `Nguyễn Thị Mẫu ${i}`, categoryGroup: 'BTXH', categoryLabel: 'BTXH' });
    }
  });
  registry = createRegistryService(db);
});
afterAll(() => {
  db.close();
  cleanup();
});

const names = (out: ReturnType<typeof list>) => out.rows.map((r) => r.fullName);
const registrySearch = (query: string, offset: number, limit: number, tuning: SearchTuning, descending = false) =>
  rowsByRowid(db.sqlite, searchBeneficiaries(db.sqlite, { query, unitIds: null, village: null, categoryGroup: null, status: null, offset, limit, descending }, tuning).rowids).map((r) => r.fullName);

describe('beneficiary search', () => {
  it('ignores tones and folds đ: "nguyen duc" finds "Nguyễn Đức Anh" and "Nguyễn Văn Đức"', () => {
    expect(names(list('nguyen duc', {}, { unitIds: [unitA] }))).toEqual(['Nguyễn Đức Anh', 'Nguyễn Văn Đức']);
    expect(names(list('NGUYỄN ĐỨC', {}, { unitIds: [unitA] }))).toEqual(['Nguyễn Đức Anh', 'Nguyễn Văn Đức']);
  });

  it('matches the word being typed as a prefix, earlier words whole, and old tone placement', () => {
    expect(names(list('hoa', {}, { unitIds: [unitA] }))).toEqual(['Trần Thị Hoà']);
    expect(names(list('tran thi h', {}, { unitIds: [unitA] }))).toEqual(['Trần Thị Hoà']);
    expect(names(list('tr', {}, { unitIds: [unitA] }))).toEqual(['Trần Thị Hoà']);
    expect(names(list('tr thi', {}, { unitIds: [unitA] }))).toEqual([]);
    expect(names(list('xyz', {}, { unitIds: [unitA] }))).toEqual([]);
  });

  it('lists in Vietnamese order (given name, then middle, then family name)', () => {
    expect(names(list('', {}, { unitIds: [unitA] }))).toEqual(['Nguyễn Đức Anh', 'Phạm Thị Ánh', 'Đỗ Văn Ảnh', 'Nguyễn Văn Đức', 'Trần Thị Hoà', 'Lê Đức Thọ']);
  });

  it('filters by village, category and status, and finds by ID number digits', () => {
    expect(names(list('', { village: 'Thôn Đông', status: 'active' }))).toEqual(['Nguyễn Đức Anh']);
    expect(names(list('', { categoryGroup: 'NCC' }))).toEqual(['Đỗ Văn Ảnh', 'Nguyễn Văn Đức']);
    expect(names(list('0351900'))).toEqual(['Trần Thị Hoà']);
  });

  it('keeps users to their units', () => {
    expect(list('nguyen duc', {}, { unitIds: [unitB] }).total).toBe(0);
    expect(list('', {}, { unitIds: [] }).total).toBe(0);
  });

  it('answers a very common query with one page in order and a lower-bound count', () => {
    const out = list('nguyen thi', { limit: 20 });
    expect(out.totalIsLowerBound).toBe(true);
    // The count says "more than" what was seen, never more than there is.
    expect(out.total).toBeGreaterThan(20);
    expect(out.total).toBeLessThanOrEqual(SORT_CAP + 200);
    expect(list('mau', { limit: 20 }).total).toBeGreaterThan(QUICK_SORT_CAP);
    expect(out.rows).toHaveLength(20);
    expect(out.rows.every((r) => r.fullName.startsWith('Nguyễn Thị'))).toBe(true);
    const next = list('nguyen thi', { limit: 20, offset: 20 });
    expect(next.rows[0].fullName).not.toBe(out.rows[19].fullName);
  });

  it('gives the same page, in exact Vietnamese order, whichever plan the size of the result picks', () => {
    const db2 = db.sqlite;
    const all = db2.prepare('SELECT rowid, full_name AS fullName, search_name AS searchName, sort_key AS sortKey FROM beneficiaries WHERE deleted = 0').all() as { rowid: number; fullName: string; searchName: string; sortKey: string }[];
    const oracle = (query: string, offset: number, limit: number, descending = false) => {
      const tokens = query.split(' ');
      const words = (s: string) => s.split(' ');
      return all
        .filter((r) => tokens.every((t, i) => (i === tokens.length - 1 ? words(r.searchName).some((w) => w.startsWith(t)) : words(r.searchName).includes(t))))
        .sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : a.rowid - b.rowid) * (descending ? -1 : 1))
        .slice(offset, offset + limit)
        .map((r) => r.fullName);
    };
    const tunings = [
      { quickWalk: 0, quickSortCap: 10, sortCap: 50, walkBudget: 30 }, // tiny caps: every plan gets used
      { quickWalk: 0, quickSortCap: 10, sortCap: 30_000, walkBudget: 40 }, // walk budget too small: falls back to the exact sort
      { quickWalk: 0, quickSortCap: 100_000, sortCap: 100_000, walkBudget: 100_000 },
      { quickWalk: 60, quickSortCap: 10, sortCap: 50, walkBudget: 30 }, // a short first walk, then the other plans
      { quickWalk: 100_000, quickSortCap: 10, sortCap: 50, walkBudget: 30 }, // the first walk sees the whole list
      { quickWalk: 0, quickSortCap: 10, sortCap: 50, walkBudget: 30, wordWalkBudget: 0 }, // no name-word postings
      { quickWalk: 0, quickSortCap: 10, sortCap: 50, walkBudget: 30, wordWalkBudget: 3 }, // their walks cut short: other plans
      { quickWalk: 0, quickSortCap: 10, sortCap: 50, walkBudget: 30, wordWalkBudget: 2_000 }, // some walks cut, some whole
    ];
    for (const query of ['nguyen thi', 'nguyen thi mau 1', 'mau 19', 'nguyen duc', 'thi', 'hoa', 'nguyen thi m', 'thi m', 'nguyen d', 'duc a', 'van d', 'mau 1']) {
      for (const [offset, limit] of [[0, 25], [40, 25]]) {
        for (const tuning of tunings) {
          const page = registrySearch(query, offset, limit, tuning);
          expect(page, `${query} ${offset} ${JSON.stringify(tuning)}`).toEqual(oracle(query, offset, limit));
          if (tuning.wordWalkBudget !== undefined) {
            expect(registrySearch(query, offset, limit, tuning, true), `${query} ${offset} desc ${JSON.stringify(tuning)}`).toEqual(oracle(query, offset, limit, true));
          }
        }
      }
    }
  });

  it('walks the sort order at once for a one- or two-letter query on a big list, with the same answers as the index', () => {
    const walked = list('ng', { limit: 30 });
    expect(walked.rows).toHaveLength(30);
    expect(walked.rows.map((r) => r.fullName)).toEqual(list('nguyen', { limit: 30 }).rows.map((r) => r.fullName));
    expect(names(list('ho', {}, { unitIds: [unitA] }))).toEqual(['Trần Thị Hoà']);
  });

  it('counts the whole browse list exactly for the scrollbar', () => {
    expect(list('').total).toBe(PEOPLE.length + SORT_CAP + 200);
    expect(list('').totalIsLowerBound).toBe(false);
  });
});
