import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { runCli } from '../../../support/run-cli';
import { tempDir } from '../../../support/temp-database';
import { writeGovernmentWorkbook } from '../../../fixtures/excel/government-xlsx';

let dir: string;
let cleanup: () => void;
let db: string;
/** The demo commune's clerk (README), signed in as every data command requires. */
const clerk = { ANSINH_USER: 'canbo', ANSINH_PASSWORD: 'canbo123!' };
beforeAll(() => {
  ({ dir, cleanup } = tempDir());
  db = join(dir, 'demo.db');
});
afterAll(() => cleanup());

describe('ansinh CLI', () => {
  it('creates the demo commune and prints its users (text and --json)', () => {
    const r = runCli(['demo', '--db', db, '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.beneficiaries).toBeGreaterThanOrEqual(300);
    expect(out.users.map((u: { username: string }) => u.username)).toEqual(['quantri', 'canbo', 'yte', 'huyen']);
    const again = runCli(['demo', '--db', db]);
    expect(again.code).not.toBe(0);
    expect(again.stderr.trim().split('\n')).toHaveLength(1);
    expect(again.stderr).toMatch(/không ghi đè/);
  }, 180_000);

  it('exports canonical records as JSON, logs the export, and keeps personal data out of stderr', () => {
    const r = runCli(['export', 'beneficiaries', '--db', db, '--format', 'json'], clerk);
    expect(r.code).toBe(0);
    const records = JSON.parse(r.stdout);
    expect(records.length).toBeGreaterThanOrEqual(300);
    expect(Object.keys(records[0]).sort()).toEqual(['bankBin', 'bankName', 'birth', 'categoryGroup', 'categoryLabel', 'fullName', 'hometown',
      'idNumber', 'monthlyAmount', 'oldIdNumber', 'permanentAddress', 'problems', 'sex', 'accountNumber', 'verification'].sort());
    // Nobody of a fresh demo was sent to the police yet; what the chip or the police verified is listed per field.
    expect(records[0].verification).toEqual({ status: 'not-sent', batch: null, verifiedFields: [] });
    for (const rec of records) {
      expect(rec.birth).toMatch(/^\d{4}(-\d{2}-\d{2})?$/);
      expect(['M', 'F']).toContain(rec.sex);
      if (rec.accountNumber !== null) expect(typeof rec.accountNumber).toBe('string');
    }
    expect(r.stderr).toBe('');
  }, 180_000);

  it('exports an xlsx workbook whose ID and account columns are text', async () => {
    const out = join(dir, 'ds.xlsx');
    const r = runCli(['export', 'beneficiaries', '--db', db, '--format', 'xlsx', '--out', out, '--json'], clerk);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ file: out, format: 'xlsx' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const sheet = wb.worksheets[0];
    expect(sheet.getRow(1).getCell(1).value).toBe('Họ và tên');
    const idCell = sheet.getRow(2).getCell(4);
    expect(typeof idCell.value === 'string' || idCell.value === null).toBe(true);
    expect(sheet.rowCount).toBeGreaterThan(300);
  }, 180_000);

  it('exports the three lists for people as workbooks, logged in the audit trail', async () => {
    for (const kind of ['population-matching', 'unbanked', 'district-list']) {
      const out = join(dir, `${kind}.xlsx`);
      const r = runCli(['export', kind, '--db', db, '--out', out, '--json'], clerk);
      expect(r.code, r.stderr).toBe(0);
      const report = JSON.parse(r.stdout);
      expect(report).toMatchObject({ kind, count: expect.any(Number) });
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(out);
      expect(wb.worksheets[0].pageSetup.orientation).toBe('landscape');
    }
    const audit = runCli(['export', 'unbanked', '--db', db], clerk);
    expect(audit.code).toBe(1);
    expect(audit.stderr).toMatch(/--out/);
  }, 180_000);

  it('imports a government-format workbook into the demo commune and reports it in the --json shape', async () => {
    const file = join(dir, 'ds-tcvn3.xlsx');
    await writeGovernmentWorkbook(file, { rows: 30, text: 'tcvn3' });
    const r = runCli(['import', file, '--db', db, '--json'], clerk);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ file: 'ds-tcvn3.xlsx', format: 'xlsx', imported: 30, updated: 0 });
    expect(typeof out.importId).toBe('string');
    expect(Array.isArray(out.needsFixing)).toBe(true);
    const again = JSON.parse(runCli(['import', file, '--db', db, '--json'], clerk).stdout);
    expect(again).toMatchObject({ imported: 0, updated: 0, unchanged: 30 });
  }, 180_000);

  it('fails with one Vietnamese/English line and a non-zero code on bad input, touching nothing', () => {
    const notDb = join(dir, 'notes.db');
    writeFileSync(notDb, 'không phải cơ sở dữ liệu');
    const r = runCli(['export', 'beneficiaries', '--db', notDb, '--format', 'json'], clerk);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/không phải cơ sở dữ liệu An Sinh Desk.* \/ Not an An Sinh Desk database/);
    expect(readFileSync(notDb, 'utf8')).toBe('không phải cơ sở dữ liệu');
    expect(runCli(['export', 'beneficiaries', '--db', db, '--format', 'pdf'], clerk).code).toBe(1);
    expect(runCli(['khong-co-lenh']).code).toBe(2);
    expect(runCli(['export', 'beneficiaries', '--bogus']).code).toBe(2);
  }, 180_000);
});
