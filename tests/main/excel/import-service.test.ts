import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppDatabase } from '../../../main/core/database/open-database';
import { writeMeta } from '../../../main/core/database/meta';
import { runCommand } from '../../../main/core/write-path';
import { createImportService, type ImportService } from '../../../main/excel/import-service';
import { canonicalRecords } from '../../../main/registry/canonical-records';
import { adminUnitTable, beneficiaryTable } from '../../../main/registry/synced-tables';
import { writeGovernmentWorkbook, type ExpectedImport } from '../../fixtures/excel/government-xlsx';
import { writeCommuneXls } from '../../fixtures/excel/commune-xls';
import { generateExportRecords } from '../../fixtures/excel/export-records';
import { writeDistrictList } from '../../../main/excel/district-list';
import { openTempDatabase, tempDir } from '../../support/temp-database';
import { verifyField } from '../../../main/identity/verification';

const actor = { userId: null, origin: 'cli' as const };
let db: AppDatabase;
let dir: string;
let cleanup: () => void;
let service: ImportService;
let expected: ExpectedImport;
let file: string;

const live = () => [...canonicalRecords(db.sqlite, null)];
const commands = () => db.sqlite.prepare("SELECT count(*) FROM commands WHERE name = 'import'").pluck().get() as number;

beforeAll(async () => {
  const t = tempDir();
  dir = t.dir;
  cleanup = t.cleanup;
  db = openTempDatabase(dir);
  runCommand(db, { userId: null, origin: 'system' }, 'seed', (w) => {
    const unit = w.insert(adminUnitTable, { code: '13279', effectiveFrom: '2025-07-01', name: 'Xã An Lão', level: 'commune' });
    writeMeta(db, 'office.unitId', unit);
  });
  service = createImportService(db);
  file = path.join(dir, 'list.xlsx');
  expected = await writeGovernmentWorkbook(file, { rows: 200, text: 'tcvn3' });
});

afterAll(() => {
  db.close();
  cleanup();
});

describe('importing a list into the register', () => {
  it('previews without writing anything', async () => {
    const preview = await service.preview(file);
    expect(preview.imported).toBe(expected.records.length);
    expect(preview.needsFixing.length).toBeGreaterThan(0);
    expect(live()).toHaveLength(0);
    expect(commands()).toBe(0);
  });

  it('tells how far a preview has read while it runs, and nothing once it is over', async () => {
    const large = path.join(dir, 'large.xlsx');
    await writeGovernmentWorkbook(large, { rows: 6000, text: 'tcvn3', seed: 5 });
    expect(service.previewProgress(large)).toBeNull();
    const seen: number[] = [];
    const running = service.preview(large);
    const asking = setInterval(() => { const p = service.previewProgress(large); if (p) seen.push(p.rowsRead); }, 2);
    try {
      expect((await running).records).toBeGreaterThan(5000);
    } finally {
      clearInterval(asking);
    }
    expect(seen.length).toBeGreaterThan(0); // asked and answered while the preview ran
    expect(Math.max(...seen)).toBeGreaterThan(0);
    expect(service.previewProgress(large)).toBeNull();
  });

  it('commits every record in one command, with accounts as text', async () => {
    const report = await service.commit(actor, file);
    expect(report).toMatchObject({ imported: expected.records.length, updated: 0, unchanged: 0, format: 'xlsx' });
    expect(report.sheets).toEqual([{ name: 'DS chi tra', layout: expect.stringMatching(/^L[0-9a-f]{8}$/), dataRows: expected.dataRows }]);
    expect(commands()).toBe(1);
    const stored = live();
    expect(stored).toHaveLength(expected.records.length);
    const withAccount = expected.records.filter((p) => p.accountNumber && !p.accountCorrupted);
    expect(stored.filter((r) => r.accountNumber)).toHaveLength(withAccount.length);
    expect(new Set(stored.map((r) => r.accountNumber).filter(Boolean))).toEqual(new Set(withAccount.map((p) => p.accountNumber)));
  });

  it('is idempotent: the same file again changes nothing', async () => {
    const report = await service.commit(actor, file);
    expect(report).toMatchObject({ imported: 0, updated: 0, unchanged: expected.records.length });
    expect(live()).toHaveLength(expected.records.length);
  });

  it('updates from a corrected file, matching people without an ID by name and birth', async () => {
    const corrected = path.join(dir, 'corrected.xlsx');
    const fixed = await writeGovernmentWorkbook(corrected, { rows: 200, text: 'unicode', quirks: false });
    const report = await service.commit(actor, corrected);
    const repaired = expected.records.filter((p) => p.accountCorrupted || p.idRejected).length;
    expect(report.imported).toBe(expected.namelessRows.length);
    expect(report.updated).toBe(repaired);
    expect(live()).toHaveLength(fixed.records.length);
    expect(live().filter((r) => r.problems.length > 0)).toHaveLength(0);
  });

  it('never overwrites a verified field: it reports the difference', async () => {
    const target = db.sqlite.prepare('SELECT id, monthly_amount AS amount FROM beneficiaries WHERE deleted = 0 LIMIT 1').get() as { id: string; amount: number };
    runCommand(db, { userId: null, origin: 'system' }, 'manual edit', (w) => {
      w.update(beneficiaryTable, target.id, { monthlyAmount: 123 });
      verifyField(w, target.id, 'monthlyAmount', { source: 'manual', userId: null });
    });
    const report = await service.commit(actor, path.join(dir, 'corrected.xlsx'));
    expect(report.verifiedDifferences).toEqual([expect.objectContaining({ beneficiaryId: target.id, field: 'monthlyAmount', verifiedBy: 'manual', stored: 123, inFile: target.amount })]);
    expect(db.sqlite.prepare('SELECT monthly_amount FROM beneficiaries WHERE id = ?').pluck().get(target.id)).toBe(123);
    // The list's value waits in the mismatch queue for a decision.
    expect(db.sqlite.prepare("SELECT source, field, record_value AS recordValue, source_value AS sourceValue, status FROM mismatches WHERE beneficiary_id = ?").all(target.id))
      .toEqual([{ source: 'import', field: 'monthlyAmount', recordValue: '123', sourceValue: String(target.amount), status: 'open' }]);
  });

  it('refuses a file it cannot read without writing anything', async () => {
    const before = commands();
    await expect(service.commit(actor, path.join(dir, 'missing.xlsx'))).rejects.toMatchObject({ code: 'file-missing' });
    expect(commands()).toBe(before);
  });

  it('undoes an import as a whole', async () => {
    const other = path.join(dir, 'other.xls');
    const xls = writeCommuneXls(other, 30, 99);
    const before = live().length;
    const report = await service.commit(actor, other);
    expect(report.imported).toBe(xls.records.length);
    expect(live()).toHaveLength(before + xls.records.length);
    service.undo(actor, { userId: 'admin', role: 'administrator', scope: null }, report.importId);
    expect(live()).toHaveLength(before);
  });

  it('remembers a corrected column mapping per layout', async () => {
    const layout = (await service.preview(file)).sheets[0].layout!;
    const mapping = { ...(await service.preview(file)).sheets[0].mapping!, hometown: undefined, permanentAddress: 5 };
    service.rememberMapping(actor, layout, mapping);
    const preview = await service.preview(file);
    expect(preview.sheets[0].mapping).toMatchObject({ permanentAddress: 5 });
    expect(preview.sample[0].permanentAddress).toBe(expected.records[0].hometown);
  });

  it('merges a person listed twice in one file, first without and then with an ID', async () => {
    const person = generateExportRecords(40).find((r) => r.idNumber && r.village)!;
    const twice = path.join(dir, 'twice.xlsx');
    await writeDistrictList([{ ...person, idNumber: null, fullName: `${person.fullName} Thị` }, { ...person, idNumber: null }, person], { communeName: 'Xã An Lão', provinceName: null, date: new Date() }, twice);
    const before = live().length;
    const report = await service.commit(actor, twice);
    expect(report).toMatchObject({ imported: 2, updated: 1 });
    expect(live()).toHaveLength(before + 2);
    expect(live().filter((r) => r.idNumber === person.idNumber)).toEqual([expect.objectContaining({ fullName: person.fullName, birth: person.birth })]);
  });

  it('finds by name a person whose name the same file corrected a few rows above', async () => {
    const person = generateExportRecords(60, 5).find((r) => r.idNumber && r.village && r.birth)!;
    const office = { communeName: 'Xã An Lão', provinceName: null, date: new Date() };
    const first = path.join(dir, 'first.xlsx');
    await writeDistrictList([person], office, first);
    expect(await service.commit(actor, first)).toMatchObject({ imported: 1 });
    const renamed = `${person.fullName} Hoa`;
    const second = path.join(dir, 'second.xlsx');
    await writeDistrictList([{ ...person, fullName: renamed }, { ...person, fullName: renamed, idNumber: null, monthlyAmount: 4_000_000 }], office, second);
    expect(await service.commit(actor, second)).toMatchObject({ imported: 0, updated: 2 });
    expect(live().filter((r) => r.fullName === renamed)).toEqual([expect.objectContaining({ idNumber: person.idNumber, monthlyAmount: 4_000_000 })]);
  });
});
