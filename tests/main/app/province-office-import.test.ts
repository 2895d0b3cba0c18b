import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices, type Services } from '../../../main/app/services';
import { saveUpload } from '../../../main/app/uploads';
import { communePhrases } from '../../../main/excel/list-title';
import { loginAs, okOutput as ok } from '../../support/services';
import { runCli } from '../../support/run-cli';
import { tempDir } from '../../support/temp-database';
import { listWorkbook } from '../../support/list-workbook';

// An office above the commune (made by `ansinh init --province 37`, Ninh Bình) imports a commune's list: it is asked
// which commune the list is for, the list's title proposes one (an old name, "xã An Lão", through the official
// successions), and the list never goes to the province itself or to a commune outside the office's area.

let services: Services;
let cleanup: () => void;
const previous = { passphrase: process.env.ANSINH_DB_PASSPHRASE, uploads: process.env.ANSINH_UPLOADS_DIR };
const BINH_SON = 'vn:13558@2025-07-01';

function list(title: string[]): Promise<Uint8Array> {
  const above = [...title.map((t) => [t, null, null, null, null, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM']), ['DANH SÁCH ĐỐI TƯỢNG BẢO TRỢ XÃ HỘI']];
  return listWorkbook([[1, 'Trần Thị Nụ', 1949, '035149001234', 'Xóm Trại', 500000]], { above });
}

beforeAll(() => {
  const t = tempDir();
  cleanup = t.cleanup;
  const db = join(t.dir, 'ninh-binh.db');
  const made = runCli(['init', '--db', db, '--province', '37', '--admin', 'tinh', '--json'], { ANSINH_PASSWORD: 'mat-khau-tinh-1' });
  expect(made.stderr).toBe('');
  process.env.ANSINH_DB_PASSPHRASE = JSON.parse(made.stdout).recoveryPassphrase;
  process.env.ANSINH_UPLOADS_DIR = join(t.dir, 'uploads');
  services = createServices({ dbPath: db, quiet: true, idleLockMinutes: 15 });
}, 120_000);
afterAll(async () => {
  await services?.close();
  for (const [key, value] of [['ANSINH_DB_PASSPHRASE', previous.passphrase], ['ANSINH_UPLOADS_DIR', previous.uploads]] as const) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  cleanup();
});

describe('a province office importing a commune\'s list', { timeout: 120_000 }, () => {
  it('is asked which commune, and the title "UBND xã An Lão" proposes Xã Bình Sơn, the commune An Lão became', async () => {
    const admin = await loginAs(services, 'tinh', 'mat-khau-tinh-1');
    const fileRef = saveUpload(await list(['UBND XÃ AN LÃO', 'Xã An Lão - Tháng 11 năm 2026']));
    const choice = ok<{ required: boolean; communes: { id: string; name: string }[]; proposedId: string | null; titleLine: string | null }>(
      await admin('import.communes', { fileRef }));
    expect(choice.required).toBe(true);
    expect(choice.communes.length).toBeGreaterThan(100); // Ninh Bình's communes in force, no province, no old commune
    expect(choice.communes.map((c) => c.name)).toContain('Xã Bình Sơn');
    expect(choice.communes.every((c) => /^(Xã|Phường|Thị trấn|Đặc khu) /.test(c.name))).toBe(true);
    expect(choice.proposedId).toBe(BINH_SON);
    expect(choice.titleLine).toMatch(/XÃ AN LÃO/);

    // Without a choice, into the province, into another province's commune, into an old commune: refused, in Vietnamese.
    expect(await admin('import.preview', { fileRef, fileName: 'DS.xlsx' })).toMatchObject({ ok: false, error: { code: 'choose-commune', message: expect.stringContaining('hãy chọn xã/phường') } });
    expect(await admin('import.preview', { fileRef, fileName: 'DS.xlsx', unitId: 'vn:37@2025-07-01' }))
      .toMatchObject({ ok: false, error: { code: 'not-a-commune', message: '“Tỉnh Ninh Bình” là đơn vị cấp tỉnh: danh sách và hồ sơ chỉ ghi vào một xã/phường. Hãy chọn xã/phường.' } });
    const elsewhere = services.db.sqlite.prepare(`SELECT c.id, c.name, p.name AS province FROM admin_units c JOIN admin_units p ON p.id = c.parent_id
      WHERE c.level = 'commune' AND c.effective_to IS NULL AND p.code <> '37' ORDER BY c.code LIMIT 1`).get() as { id: string; name: string; province: string };
    expect(await admin('import.preview', { fileRef, fileName: 'DS.xlsx', unitId: elsewhere.id }))
      .toMatchObject({ ok: false, error: { code: 'outside-office-area', message: `“${elsewhere.name}, ${elsewhere.province}” không thuộc địa bàn của văn phòng này.` } });
    const old = services.db.sqlite.prepare("SELECT id FROM admin_units WHERE level = 'commune' AND effective_to IS NOT NULL LIMIT 1").pluck().get() as string;
    expect(await admin('import.preview', { fileRef, fileName: 'DS.xlsx', unitId: old })).toMatchObject({ ok: false, error: { code: 'unit-not-in-force' } });

    // The chosen commune takes the list.
    const report = ok<{ imported: number }>(await admin('import.commit', { fileRef, fileName: 'DS.xlsx', unitId: BINH_SON }));
    expect(report.imported).toBe(1);
    expect(services.db.sqlite.prepare("SELECT unit_id FROM beneficiaries WHERE full_name = 'Trần Thị Nụ'").pluck().get()).toBe(BINH_SON);
  });

  it('proposes nothing when the title names no commune of its area, and the clerk chooses', async () => {
    const admin = await loginAs(services, 'tinh', 'mat-khau-tinh-1');
    const fileRef = saveUpload(await list(['UBND PHƯỜNG HOÀN KIẾM']));
    expect(ok<{ proposedId: string | null }>(await admin('import.communes', { fileRef })).proposedId).toBeNull();
  });

  it('reads commune names out of title lines, not "xã hội"', () => {
    expect(communePhrases(['UBND XÃ AN LÃO; CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Xã An Lão - Tháng 11 năm 2026',
      'DANH SÁCH ĐỐI TƯỢNG BẢO TRỢ XÃ HỘI xã Bình Sơn tháng 6', 'ubnd phường Hoa Lư, tỉnh Ninh Bình']))
      .toEqual(['XÃ AN LÃO', 'Xã An Lão', 'xã Bình Sơn', 'phường Hoa Lư, tỉnh Ninh Bình']);
  });
});

describe('a province office adding a person by hand', { timeout: 60_000 }, () => {
  it('lists its communes in force for the form, refuses a new person without one or outside its area, and saves into the one chosen', async () => {
    const admin = await loginAs(services, 'tinh', 'mat-khau-tinh-1');
    const choice = ok<{ required: boolean; communes: { id: string; name: string }[] }>(await admin('beneficiaries.communes', {}));
    expect(choice.required).toBe(true);
    expect(choice.communes.map((c) => c.id)).toContain(BINH_SON);
    expect(choice.communes.every((c) => /^(Xã|Phường|Thị trấn|Đặc khu) /.test(c.name))).toBe(true);

    const fields = { fullName: 'Đinh Văn Lâm', birth: '12/03/1950', categoryLabel: 'Người cao tuổi' };
    expect(await admin('beneficiaries.save', { id: null, fields })).toMatchObject({ ok: false, error: { code: 'choose-commune' } });
    expect(await admin('beneficiaries.save', { id: null, unitId: 'vn:37@2025-07-01', fields })).toMatchObject({ ok: false, error: { code: 'not-a-commune' } });
    expect(services.db.sqlite.prepare("SELECT count(*) FROM beneficiaries WHERE full_name = 'Đinh Văn Lâm'").pluck().get()).toBe(0);

    const saved = ok<{ outcome: string; id: string }>(await admin('beneficiaries.save', { id: null, unitId: BINH_SON, fields }));
    expect(saved.outcome).toBe('saved');
    expect(services.db.sqlite.prepare('SELECT unit_id FROM beneficiaries WHERE id = ?').pluck().get(saved.id)).toBe(BINH_SON);
  });
});
