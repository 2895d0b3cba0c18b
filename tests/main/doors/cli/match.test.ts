import path from 'node:path';
import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../main/core/database/open-database';
import { migrationsDir } from '../../../../main/core/app-paths';
import { seedDemo } from '../../../../main/demo/seed-demo';
import { main } from '../../../../main/doors/cli/index';
import { tempDir } from '../../../support/temp-database';
import { readSentBatch, writeResultsWorkbook } from '../../../fixtures/matching/police-results';

let dir: string;
let cleanup: () => void;
let dbPath: string;

beforeAll(() => {
  ({ dir, cleanup } = tempDir());
  process.env.ANSINH_DOWNLOADS_DIR = path.join(dir, 'downloads');
  process.env.ANSINH_UPLOADS_DIR = path.join(dir, 'uploads');
  dbPath = path.join(dir, 'demo.db');
  const db = openDatabase({ path: dbPath, migrationsFolder: migrationsDir(), create: true });
  seedDemo(db, { people: 30 });
  db.close();
}, 60_000);
afterAll(() => cleanup());

async function ansinh(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main([...args, '--db', dbPath], { stdout: (t) => out.push(t), stderr: (t) => err.push(t), env: { ANSINH_USER: 'canbo', ANSINH_PASSWORD: 'canbo123!' }, promptSecret: null });
  return { code, out: out.join(''), err: err.join('') };
}

describe('ansinh match', () => {
  it('exports a batch, takes the results back and prints exactly the documented JSON', async () => {
    const file = path.join(dir, 'dot1.xlsx');
    const exported = await ansinh(['match', 'export', '--out', file, '--json']);
    expect(exported.code, exported.err).toBe(0);
    const doc = JSON.parse(exported.out);
    expect(Object.keys(doc).sort()).toEqual(['batch', 'people']);
    const sent = await readSentBatch(file);
    expect(sent.rows).toHaveLength(doc.people);

    const [a, b] = sent.rows.filter((r) => r.idNumber);
    const results = path.join(dir, 'ket-qua.xlsx');
    await writeResultsWorkbook(results, [
      { ...a, outcome: 'Trùng khớp' },
      { ...b, outcome: 'Sai thông tin', difference: 'Quê quán: Xã Kim Đông, Kim Sơn, Ninh Bình' },
      { rowKey: null, fullName: 'Không Ai Cả', birth: '1960-01-01', sex: 'M', idNumber: '001060000001', hometown: null, permanentAddress: null, outcome: 'Trùng khớp' },
    ], { layout: 'appended', batch: doc.batch, wording: 2, text: 'vni' });
    const before = readFileSync(results);
    const preview = await ansinh(['match', 'import', results, '--preview', '--json']);
    expect(preview.code, preview.err).toBe(0);
    const imported = await ansinh(['match', 'import', results, '--json']);
    expect(imported.code, imported.err).toBe(0);
    expect(imported.out.trim().split('\n')).toHaveLength(1);
    const report = JSON.parse(imported.out);
    expect(JSON.parse(preview.out)).toEqual(report);
    expect(Object.keys(report).sort()).toEqual(['batch', 'counts', 'layout', 'people', 'rows', 'unlinked']);
    expect(report).toMatchObject({ batch: doc.batch, layout: 'appended', rows: 3, counts: { match: 1, mismatch: 1, notfound: 0, unlinked: 1 } });
    expect(report.people[0]).toEqual({ idNumber: a.idNumber, fullName: a.fullName, outcome: 'match', fields: [], spellingOnly: [], enriched: [] });
    expect(report.people[1]).toMatchObject({ idNumber: b.idNumber, outcome: 'mismatch', fields: ['hometown'] });
    expect(report.unlinked).toEqual([{ sheet: 'Kết quả', row: 7, fullName: 'Không Ai Cả', idNumber: '001060000001', reason: expect.any(String) }]);
    expect(readFileSync(results)).toEqual(before);

    const again = await ansinh(['match', 'import', results, '--json']);
    expect(again.code).not.toBe(0);
    expect(again.out).toBe('');
    expect(again.err.trim().split('\n')).toHaveLength(1);
    expect(again.err).toMatch(/đã được nhập/);

    const canonical = await ansinh(['export', 'beneficiaries', '--format', 'json']);
    const records = JSON.parse(canonical.out) as { idNumber: string; verification: { status: string; batch: string; verifiedFields: string[] } }[];
    expect(records.find((r) => r.idNumber === a.idNumber)!.verification).toEqual({ status: 'verified', batch: doc.batch, verifiedFields: expect.arrayContaining(['birth', 'fullName', 'idNumber']) });
    expect(records.find((r) => r.idNumber === b.idNumber)!.verification).toMatchObject({ status: 'mismatched', batch: doc.batch, verifiedFields: [] });
  }, 120_000);

  it('refuses a list that is not a results workbook with one line', async () => {
    const bad = path.join(dir, 'plain.csv');
    writeFileSync(bad, 'Họ và tên,Ngày sinh\nAi Đó,1950\n');
    const r = await ansinh(['match', 'import', bad, '--json']);
    expect(r.code).not.toBe(0);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(/Không nhận ra tệp kết quả/);
  });
});
