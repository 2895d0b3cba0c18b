import path from 'node:path';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeMeta } from '../../../../main/core/database/meta';
import { runCommand } from '../../../../main/core/write-path';
import { createAccountsService } from '../../../../main/accounts/accounts-service';
import { main } from '../../../../main/doors/cli/index';
import { adminUnitTable } from '../../../../main/registry/synced-tables';
import { writeGovernmentWorkbook } from '../../../fixtures/excel/government-xlsx';
import { openTempDatabase, tempDir } from '../../../support/temp-database';
import { listWorkbook } from '../../../support/list-workbook';
import { openDatabase } from '../../../../main/core/database/open-database';
import { migrationsDir } from '../../../../main/core/app-paths';

let dir: string;
let uploads: string;
let cleanup: () => void;
let dbPath: string;
const previousUploads = process.env.ANSINH_UPLOADS_DIR;

// A real office database (not the demo): one commune, one clerk of it.
beforeAll(() => {
  const t = tempDir();
  dir = t.dir;
  cleanup = t.cleanup;
  uploads = path.join(dir, 'uploads');
  process.env.ANSINH_UPLOADS_DIR = uploads;
  const db = openTempDatabase(dir);
  dbPath = db.path;
  const { result: unitId } = runCommand(db, { userId: null, origin: 'system' }, 'seed', (w) => {
    const id = w.insert(adminUnitTable, { code: '1', effectiveFrom: '2025-07-01', name: 'Xã A', level: 'commune' });
    writeMeta(db, 'office.unitId', id);
    return id;
  });
  const accounts = createAccountsService(db, { idleLockMinutes: 15 });
  accounts.createUser({ userId: null, origin: 'system' },
    { username: 'lan', displayName: 'Lan', password: 'mat-khau-1', role: 'commune-clerk', unitIds: [unitId], mustChangePassword: false });
  accounts.createUser({ userId: null, origin: 'system' },
    { username: 'moi', displayName: 'Mới', password: 'tam-thoi-1', role: 'commune-clerk', unitIds: [unitId], mustChangePassword: true });
  db.close();
});
afterAll(() => {
  if (previousUploads === undefined) delete process.env.ANSINH_UPLOADS_DIR;
  else process.env.ANSINH_UPLOADS_DIR = previousUploads;
  cleanup();
});

async function ansinh(args: string[], env: NodeJS.ProcessEnv = { ANSINH_USER: 'lan', ANSINH_PASSWORD: 'mat-khau-1' }) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main([...args, '--db', dbPath], { stdout: (t) => out.push(t), stderr: (t) => err.push(t), env, promptSecret: null });
  return { code, out, err };
}

describe('ansinh import', () => {
  it('prints one JSON document in the shape of the CLI design', async () => {
    const file = path.join(dir, 'list.xlsx');
    const expected = await writeGovernmentWorkbook(file, { rows: 50, text: 'tcvn3' });
    const before = readFileSync(file);
    const { code, out, err } = await ansinh(['import', file, '--json']);
    expect(code, err.join('')).toBe(0);
    expect(out).toHaveLength(1);
    const doc = JSON.parse(out[0]);
    expect(doc).toMatchObject({ file: 'list.xlsx', format: 'xlsx', imported: expected.records.length, updated: 0, unchanged: 0, importId: expect.any(String) });
    expect(doc.sheets[0]).toEqual({ name: 'DS chi tra', layout: expect.any(String), dataRows: expected.dataRows });
    // The CLI design's fields, and what the clerk needs to fix the row: the person, the column, the file's value, the record.
    expect(doc.needsFixing[0]).toEqual({
      sheet: 'DS chi tra', row: expect.any(Number), field: expect.any(String), code: expect.any(String), message: expect.any(String),
      fullName: expect.any(String), column: expect.any(String), value: expect.any(String), beneficiaryId: expect.any(String),
    });
    // Handed over by reference where it lies: never copied to the uploads folder, never removed.
    expect(readFileSync(file)).toEqual(before);
    expect(existsSync(uploads) ? readdirSync(uploads) : []).toEqual([]);
  });

  it('previews without importing', async () => {
    const file = path.join(dir, 'list.xlsx');
    const { code, out } = await ansinh(['import', file, '--json', '--preview']);
    expect(code).toBe(0);
    const doc = JSON.parse(out[0]);
    expect(doc).toMatchObject({ file: 'list.xlsx', imported: 0, unchanged: expect.any(Number) });
    expect(doc.sample).toBeUndefined();
  });

  it('refuses a file that is not there with one line, as the signed-in user', async () => {
    const { code, out, err } = await ansinh(['import', path.join(dir, 'khong-co.xlsx'), '--preview']);
    expect(code).toBe(1);
    expect(out).toEqual([]);
    expect(err.join('').trim().split('\n')).toHaveLength(1);
    expect(err.join('')).toMatch(/^Không đọc được tệp/);
  });

  it('gives a list without a category column the category chosen with --category-group and --category', async () => {
    const file = path.join(dir, 'khong-dien.xlsx');
    writeFileSync(file, await listWorkbook([[1, 'Lò Văn Ba', 1930, '035030000103', 'Xóm Trại', 500000], [2, 'Lò Thị Bốn', 1931, '035131000104', 'Xóm Trại', 500000]]));
    const preview = await ansinh(['import', file, '--preview']);
    expect(preview.code).toBe(0);
    expect(preview.out.join('')).toContain('2 dòng không ghi diện đối tượng: sẽ để trống diện (chọn diện cho cả tệp bằng --category-group)');

    const bad = await ansinh(['import', file, '--category-group', 'ABC', '--json']);
    expect(bad.code).toBe(1);
    expect(bad.err.join('').trim().split('\n')).toHaveLength(1);
    expect(bad.err.join('')).toMatch(/^Nhóm đối tượng "ABC" không có trong danh mục: dùng NCC, TNCC, BTXH, OTHER/);
    const labelAlone = await ansinh(['import', file, '--category', 'Người cao tuổi']);
    expect(labelAlone.err.join('')).toMatch(/^Cần --category-group/);

    const { code, out, err } = await ansinh(['import', file, '--category-group', 'btxh', '--category', 'Người cao tuổi từ 80 tuổi trở lên', '--json']);
    expect(code, err.join('')).toBe(0);
    expect(JSON.parse(out[0])).toMatchObject({ imported: 2, withoutCategory: 2, category: { group: 'BTXH', label: 'Người cao tuổi từ 80 tuổi trở lên' } });
    const db = openDatabase({ path: dbPath, migrationsFolder: migrationsDir() });
    try {
      expect(db.sqlite.prepare("SELECT DISTINCT category_group || ' / ' || category_label FROM beneficiaries WHERE full_name LIKE 'Lò %'").pluck().all())
        .toEqual(['BTXH / Người cao tuổi từ 80 tuổi trở lên']);
    } finally {
      db.close();
    }
  });

  it('refuses a temporary password until it has been changed in the app', async () => {
    const { code, out, err } = await ansinh(['import', path.join(dir, 'list.xlsx'), '--preview'], { ANSINH_USER: 'moi', ANSINH_PASSWORD: 'tam-thoi-1' });
    expect(code).toBe(1);
    expect(out).toEqual([]);
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(/^Mật khẩu của "moi" là mật khẩu tạm thời/);
  });
});
