import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../../main/app/services';
import { downloadPath } from '../../../main/app/downloads';
import { call, demoServices, loginAs } from '../../support/services';
import { tempDir } from '../../support/temp-database';
import { formerUnitId } from '../../../main/registry/admin-unit-reference';

let services: Services;
let cleanup: () => void;
beforeAll(() => {
  const t = tempDir();
  cleanup = t.cleanup;
  process.env.ANSINH_DOWNLOADS_DIR = join(t.dir, 'downloads');
  mkdirSync(process.env.ANSINH_DOWNLOADS_DIR);
  services = demoServices(t.dir, { people: 80 });
});
afterAll(async () => {
  await services.close();
  delete process.env.ANSINH_DOWNLOADS_DIR;
  cleanup();
});

describe('export.list: a workbook for people, from the app', () => {
  it('writes the list for the door to hand over, and logs who exported what', async () => {
    const clerk = await loginAs(services, 'canbo', 'canbo123!');
    const before = services.db.sqlite.prepare("SELECT count(*) FROM audit_events WHERE action = 'export'").pluck().get() as number;
    const res = await clerk('export.list', { kind: 'population-matching' });
    expect(res).toMatchObject({ ok: true, output: { kind: 'population-matching', fileName: expect.stringMatching(/^DS_doi_chieu_CSDL_dan_cu_\d{2}-\d{2}-\d{4}\.xlsx$/) } });
    const output = (res as { output: { downloadRef: string; count: number } }).output;
    expect(output.count).toBeGreaterThan(0);
    const file = downloadPath(output.downloadRef);
    expect(file).not.toBeNull();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file!);
    const texts = workbook.worksheets[0].getSheetValues().flat().filter((v) => typeof v === 'string') as string[];
    expect(texts.some((v) => v.includes('Nguyễn Thị Lan'))).toBe(true); // the signed-in clerk as "Người lập biểu"
    const audit = services.db.sqlite.prepare("SELECT user_id AS userId, detail FROM audit_events WHERE action = 'export' ORDER BY seq DESC LIMIT 1").get() as { userId: string; detail: string };
    expect(services.db.sqlite.prepare("SELECT count(*) FROM audit_events WHERE action = 'export'").pluck().get()).toBe(before + 1);
    expect(JSON.parse(audit.detail)).toEqual({ kind: 'population-matching', count: output.count, units: expect.any(Array), sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(audit.userId).not.toBeNull();
  });

  it('is not for clinic reception, and not without a session', async () => {
    const clinic = await loginAs(services, 'yte', 'yte12345!');
    expect(await clinic('export.list', { kind: 'unbanked' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await call(services, 'export.list', { kind: 'unbanked' })).toMatchObject({ ok: false, error: { code: 'session-expired' } });
    expect(await call(services, 'export.list', { kind: 'everything' })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('refuses a commune outside the user\'s area', async () => {
    const admin = await loginAs(services, 'quantri', 'quantri123!');
    const units = (await admin('units.list')) as { output: { id: string; level: string; effectiveTo: string | null }[] };
    await admin('users.create', { username: 'xacu2', displayName: 'Xã cũ', password: 'mat-khau-4', role: 'commune-clerk', unitIds: [formerUnitId('13561')], mustChangePassword: false });
    const clerk = await loginAs(services, 'xacu2', 'mat-khau-4');
    const mine = units.output.find((u) => u.level === 'commune' && !u.effectiveTo)!;
    expect(await clerk('export.list', { kind: 'district-list', unitId: mine.id })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(existsSync(process.env.ANSINH_DOWNLOADS_DIR!)).toBe(true);
  });
});
