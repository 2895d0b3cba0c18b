import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeMeta } from '../../../../main/core/database/meta';
import { runCommand } from '../../../../main/core/write-path';
import type { CliContext } from '../../../../main/doors/cli/cli-command';
import { importCommand } from '../../../../main/doors/cli/commands/import';
import { adminUnitTable } from '../../../../main/registry/synced-tables';
import { writeGovernmentWorkbook } from '../../../fixtures/excel/government-xlsx';
import { openTempDatabase, tempDir } from '../../../support/temp-database';

let dir: string;
let cleanup: () => void;
let dbPath: string;

beforeAll(() => {
  const t = tempDir();
  dir = t.dir;
  cleanup = t.cleanup;
  const db = openTempDatabase(dir);
  dbPath = db.path;
  runCommand(db, { userId: null, origin: 'system' }, 'seed', (w) => {
    writeMeta(db, 'office.unitId', w.insert(adminUnitTable, { code: '1', effectiveFrom: '2025-07-01', name: 'Xã A', level: 'commune' }));
  });
  db.close();
});
afterAll(() => cleanup());

function context(file: string, json: boolean, extra: Record<string, boolean> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const ctx: CliContext = {
    positionals: [file], values: { json, ...extra }, json, dbPath,
    io: { stdout: (t) => out.push(t), stderr: (t) => err.push(t) },
    print: (doc, human) => out.push(json ? JSON.stringify(doc) + '\n' : human + '\n'),
    progress: (l) => err.push(l),
  };
  return { ctx, out, err };
}

describe('ansinh import', () => {
  it('prints one JSON document in the shape of the CLI design', async () => {
    const file = path.join(dir, 'list.xlsx');
    const expected = await writeGovernmentWorkbook(file, { rows: 50, text: 'tcvn3' });
    const { ctx, out } = context(file, true);
    expect(await importCommand.run(ctx)).toBe(0);
    expect(out).toHaveLength(1);
    const doc = JSON.parse(out[0]);
    expect(doc).toMatchObject({ file: 'list.xlsx', format: 'xlsx', imported: expected.records.length, updated: 0, unchanged: 0, importId: expect.any(String) });
    expect(doc.sheets[0]).toEqual({ name: 'DS chi tra', layout: expect.any(String), dataRows: expected.dataRows });
    expect(doc.needsFixing[0]).toEqual({ sheet: 'DS chi tra', row: expect.any(Number), field: expect.any(String), code: expect.any(String), message: expect.any(String) });
  });

  it('previews without importing', async () => {
    const file = path.join(dir, 'list.xlsx');
    const { ctx, out } = context(file, true, { preview: true });
    expect(await importCommand.run(ctx)).toBe(0);
    expect(JSON.parse(out[0])).toMatchObject({ imported: 0, unchanged: expect.any(Number) });
  });
});
