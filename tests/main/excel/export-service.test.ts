import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppDatabase } from '../../../main/core/database/open-database';
import { writeMeta } from '../../../main/core/database/meta';
import { runCommand } from '../../../main/core/write-path';
import { writeDistrictList } from '../../../main/excel/district-list';
import type { ExportListKind } from '../../../shared/contract/exports';
import { createExportService } from '../../../main/excel/export-service';
import { createImportService } from '../../../main/excel/import-service';
import { readWorkbook } from '../../../main/excel/read-workbook';
import { adminUnitTable, beneficiaryTable } from '../../../main/registry/synced-tables';
import { generateExportRecords } from '../../fixtures/excel/export-records';
import { openTempDatabase, tempDir } from '../../support/temp-database';
import { openWorkbook } from './exported-workbook';

const actor = { userId: null, origin: 'cli' as const };
const records = generateExportRecords(120);
let db: AppDatabase;
let dir: string;
let cleanup: () => void;
let unitId: string;
let stopped: string[];

const audits = () => db.sqlite.prepare("SELECT user_id AS userId, origin, action, detail FROM audit_events WHERE action = 'export' ORDER BY seq").all() as { userId: string | null; origin: string; action: string; detail: string }[];

beforeAll(async () => {
  ({ dir, cleanup } = tempDir());
  db = openTempDatabase(dir);
  runCommand(db, { userId: null, origin: 'system' }, 'seed', (w) => {
    const province = w.insert(adminUnitTable, { code: '35', effectiveFrom: '2025-07-01', name: 'Tỉnh Hà Nam', level: 'province' });
    unitId = w.insert(adminUnitTable, { code: '13279', effectiveFrom: '2025-07-01', name: 'Xã An Lão', level: 'commune', parentId: province });
    writeMeta(db, 'office.unitId', unitId);
  });
  // The register is filled the way an office fills it: by importing a list.
  const list = path.join(dir, 'seed.xlsx');
  await writeDistrictList(records, { communeName: 'Xã An Lão', provinceName: null, date: new Date() }, list);
  await createImportService(db).commit(actor, list);
  const unbanked = db.sqlite.prepare("SELECT b.id FROM beneficiaries b WHERE NOT EXISTS (SELECT 1 FROM payment_accounts a WHERE a.beneficiary_id = b.id) ORDER BY b.sort_key LIMIT 3").pluck().all() as string[];
  stopped = unbanked.slice(0, 2);
  runCommand(db, { userId: null, origin: 'system' }, 'status', (w) => {
    w.update(beneficiaryTable, stopped[0], { status: 'deceased' });
    w.update(beneficiaryTable, stopped[1], { status: 'stopped' });
  });
});
afterAll(() => { db.close(); cleanup(); });

describe('exporting lists', () => {
  it('writes each kind of list for the commune, with the province under the title, and logs each export', async () => {
    const service = createExportService(db);
    const date = new Date('2026-11-05T03:00:00Z');
    const counts: Record<ExportListKind, number> = { 'population-matching': records.length, unbanked: records.filter((r) => !r.accountNumber).length - 2, 'district-list': records.length };
    for (const kind of Object.keys(counts) as ExportListKind[]) {
      const file = path.join(dir, `${kind}.xlsx`);
      expect(await service.exportList(actor, kind, [unitId], file, { date })).toEqual({ kind, file, count: counts[kind] });
      const ws = await openWorkbook(file);
      expect(ws.getCell('A5').value).toBe('Xã An Lão, Tỉnh Hà Nam');
    }
    expect(audits().map((a) => ({ ...a, detail: JSON.parse(a.detail) }))).toEqual((Object.keys(counts) as ExportListKind[]).map((kind) => ({
      userId: null, origin: 'cli', action: 'export',
      detail: { kind, count: counts[kind], units: [unitId], sha256: createHash('sha256').update(readFileSync(path.join(dir, `${kind}.xlsx`))).digest('hex') },
    })));
    expect(readdirSync(dir).filter((f) => f.includes('partial'))).toEqual([]);
  });

  it('leaves people no longer receiving off the bank list', async () => {
    const file = path.join(dir, 'unbanked.xlsx');
    await createExportService(db).exportList(actor, 'unbanked', null, file);
    const names = (await readWorkbook(file)).records.map((r) => r.fullName);
    const gone = db.sqlite.prepare('SELECT full_name FROM beneficiaries WHERE id IN (?, ?)').pluck().all(...stopped) as string[];
    expect(names).toHaveLength(records.filter((r) => !r.accountNumber).length - 2);
    for (const name of gone) expect(names).not.toContain(name);
  });

  it('writes nothing and logs nothing when the file cannot be written', async () => {
    const before = audits().length;
    const file = path.join(dir, 'no-such-folder', 'list.xlsx');
    await expect(createExportService(db).exportList(actor, 'district-list', [unitId], file)).rejects.toMatchObject({ code: 'export-write-failed' });
    expect(existsSync(path.dirname(file))).toBe(false);
    expect(audits()).toHaveLength(before);
  });

  it('refuses an unknown kind of list and an unknown commune', async () => {
    const service = createExportService(db);
    await expect(service.exportList(actor, 'everything' as ExportListKind, null, path.join(dir, 'x.xlsx'))).rejects.toMatchObject({ code: 'export-kind' });
    await expect(service.exportList(actor, 'district-list', ['no-such-unit'], path.join(dir, 'x.xlsx'))).rejects.toMatchObject({ code: 'export-no-unit' });
    expect(existsSync(path.join(dir, 'x.xlsx'))).toBe(false);
  });
});
