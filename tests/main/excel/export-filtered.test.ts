import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppDatabase } from '../../../main/core/database/open-database';
import { writeMeta } from '../../../main/core/database/meta';
import { runCommand } from '../../../main/core/write-path';
import { createExportService } from '../../../main/excel/export-service';
import { createRegistryService } from '../../../main/registry/registry-service';
import { adminUnitTable, beneficiaryTable } from '../../../main/registry/synced-tables';
import { listFiltersSchema, type ListFilterInput } from '../../../shared/contract/beneficiaries';
import { openTempDatabase, tempDir } from '../../support/temp-database';
import { openWorkbook } from './exported-workbook';

// "Export exactly the filtered list": the workbook's people are the rows the list shows with the same filters, in
// the same order, and the audit says which filter was used.

const actor = { userId: null, origin: 'cli' as const };
let db: AppDatabase;
let dir: string;
let cleanup: () => void;
let unitId: string;
const PROBLEM = '[{"field":"idNumber","code":"id-checksum","message":"Số CCCD sai"}]';

beforeAll(() => {
  ({ dir, cleanup } = tempDir());
  db = openTempDatabase(dir);
  runCommand(db, { userId: null, origin: 'system' }, 'seed', (w) => {
    unitId = w.insert(adminUnitTable, { code: '13279', effectiveFrom: '2025-07-01', name: 'Xã An Lão', level: 'commune' });
    writeMeta(db, 'office.unitId', unitId);
    const villages = ['Thôn Đông', 'Thôn Đoài', 'Thôn Ánh'];
    const given = ['An', 'Bình', 'Ánh', 'Cúc', 'Dũng', 'Đào', 'Giang', 'Hà'];
    for (let i = 0; i < 60; i++) {
      w.insert(beneficiaryTable, {
        unitId, fullName: `Nguyễn Văn ${given[i % given.length]} ${String.fromCharCode(65 + (i % 26))}`, village: villages[i % 3],
        birth: `${1930 + i}-01-0${1 + (i % 9)}`, categoryGroup: 'NCC', categoryLabel: 'Thương binh', monthlyAmount: 1_000_000 + i * 1000,
        idNumber: `0350${String(i).padStart(8, '0')}`, problems: i % 4 === 0 ? PROBLEM : '[]', paymentChannel: i % 5 === 0 ? 'bank' : 'cash',
      });
    }
  });
});
afterAll(() => {
  db.close();
  cleanup();
});

/** The names in the workbook's data rows (those whose first cell is a row number), in order. */
async function workbookNames(file: string): Promise<string[]> {
  const ws = await openWorkbook(file);
  const names: string[] = [];
  ws.eachRow((row) => { if (typeof row.getCell(1).value === 'number') names.push(String(row.getCell(2).value)); });
  return names;
}

function listNames(filters: ListFilterInput): string[] {
  return createRegistryService(db).list({ unitIds: [unitId] }, { ...filters, offset: 0, limit: 500 }).rows.map((r) => r.fullName);
}

describe('exporting the filtered list', () => {
  it.each([
    ['a village with problems', { village: 'Thôn Đông', hasProblems: true }],
    ['people needing an account, by birth, newest first', { needsAccount: true, sort: 'birth' as const, descending: true }],
    ['part of an ID', { query: '0000001' }],
  ])('%s: the workbook has the list\'s rows, in its order', async (_name, partial) => {
    const filters = listFiltersSchema.parse(partial);
    const expected = listNames(filters);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(60);
    for (const kind of ['district-list', 'population-matching'] as const) {
      const file = path.join(dir, `${kind}-${expected.length}.xlsx`);
      const report = await createExportService(db).exportList(actor, kind, [unitId], file, { filters });
      expect(report.count).toBe(expected.length);
      const names = await workbookNames(file);
      // The district's layout groups by village (its sections); within the filter the set is the same.
      if (kind === 'district-list') expect([...names].sort()).toEqual([...expected].sort());
      else expect(names).toEqual(expected);
    }
  });

  it('without filters, everyone of the units; the audit records the filter used', async () => {
    const file = path.join(dir, 'all.xlsx');
    expect((await createExportService(db).exportList(actor, 'population-matching', [unitId], file)).count).toBe(60);
    const filters = listFiltersSchema.parse({ hasProblems: true });
    await createExportService(db).exportList(actor, 'population-matching', [unitId], path.join(dir, 'p.xlsx'), { filters });
    const detail = JSON.parse(db.sqlite.prepare("SELECT detail FROM audit_events WHERE action = 'export' ORDER BY seq DESC LIMIT 1").pluck().get() as string);
    expect(detail).toMatchObject({ kind: 'population-matching', count: 15, filters: { hasProblems: true } });
    expect(detail.sha256).toMatch(/^[0-9a-f]{64}$/);
  });
});
