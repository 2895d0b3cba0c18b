import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listWorkbook } from '../support/list-workbook';
import { expect, listSettled, login, test, visibleNames } from './support/fixtures';
import { startHost, type RunningHost } from './support/host-process';
import { repoRoot } from './support/paths';

// An office above the commune (`ansinh init --province 37`: Ninh Bình) works in one of its communes at a time:
// a person added by hand and a list imported each go to the commune the clerk chooses, among the office's own.
const ADMIN = { username: 'tinh', password: 'mat-khau-tinh-1' };

let dir: string;
let host: RunningHost;
let workbook: string;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ansinh-e2e-province-'));
  const db = join(dir, 'ninh-binh.db');
  const made = execFileSync(process.execPath, ['bin/ansinh.mjs', 'init', '--db', db, '--province', '37', '--admin', ADMIN.username, '--json'],
    { cwd: repoRoot, env: { ...process.env, ANSINH_PASSWORD: ADMIN.password }, stdio: 'pipe' });
  const passphrase = (JSON.parse(made.toString()) as { recoveryPassphrase: string }).recoveryPassphrase;
  workbook = join(dir, 'DS BTXH An Lao.xlsx');
  const above = [['UBND XÃ AN LÃO', null, null, null, null, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'], ['DANH SÁCH ĐỐI TƯỢNG BẢO TRỢ XÃ HỘI']];
  writeFileSync(workbook, await listWorkbook([[1, 'Trần Thị Nụ', 1949, '035149001234', 'Xóm Trại', 500000]], { above }));
  host = await startHost(db, { ANSINH_DB_PASSPHRASE: passphrase, ANSINH_UPLOADS_DIR: join(dir, 'uploads') });
});

test.afterAll(async () => {
  await host?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test.describe('văn phòng cấp tỉnh', () => {
  test('Thêm đối tượng asks for the commune, among the office\'s communes only, and the record goes there', async ({ page }) => {
    await login(page, ADMIN, host.url);
    await page.getByTestId('nav-beneficiaries').click();
    await page.getByTestId('add-person').click();
    const form = page.getByTestId('person-form');
    const select = form.getByTestId('edit-input-unitId');
    await expect(select).toBeVisible();
    const names = await select.locator('option').allTextContents();
    expect(names.length).toBeGreaterThan(100); // the province's communes in force, and the empty choice
    expect(names).toContain('Xã Bình Sơn');
    expect(names.slice(1).every((n) => /^(Xã|Phường|Đặc khu) /.test(n))).toBe(true);
    expect(names).not.toContain('Tỉnh Ninh Bình');

    await form.getByTestId('edit-input-fullName').fill('Đinh Văn Lâm');
    await form.getByTestId('edit-input-birth').fill('12/03/1950');
    await form.getByTestId('edit-input-categoryLabel').fill('Người cao tuổi');
    await form.getByTestId('edit-save').click();
    await expect(form.getByTestId('edit-error-unitId')).toHaveText('Hãy chọn xã/phường của đối tượng.');
    await expect(select).toBeFocused();

    // A few letters narrow the list; one left is chosen.
    await form.getByTestId('edit-commune-filter').fill('binh son');
    await expect(select.locator('option')).toHaveText(['— Chọn xã/phường —', 'Xã Bình Sơn']);
    await expect(select).toHaveValue('vn:13558@2025-07-01');
    await expect(form.getByTestId('edit-error-unitId')).toHaveCount(0);
    await form.getByTestId('edit-save').click();

    const detail = page.getByTestId('beneficiary-detail');
    await expect(detail).toBeVisible();
    await expect(detail.getByTestId('field-fullName')).toContainText('Đinh Văn Lâm');
    await expect(detail.getByTestId('field-unitName')).toContainText('Xã Bình Sơn');
  });

  test('an imported list goes to the commune chosen before the preview; the title proposes the one it names', async ({ page }) => {
    await login(page, ADMIN, host.url);
    await page.getByTestId('nav-import').click();
    await page.getByTestId('import-file').setInputFiles(workbook);
    const choice = page.getByTestId('import-commune-choice');
    await expect(choice).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId('import-commune-proposed')).toContainText('Xã Bình Sơn');
    await expect(page.getByTestId('import-commune-proposed')).toContainText('UBND XÃ AN LÃO');
    await expect(page.getByTestId('import-commune-select')).toHaveValue('vn:13558@2025-07-01');

    // Another commune of the province: choose it instead.
    await page.getByTestId('import-commune-select').selectOption('');
    await page.getByTestId('import-commune-continue').click();
    await expect(page.getByTestId('import-commune-error')).toHaveText('Hãy chọn xã/phường nhận danh sách.');
    await page.getByTestId('import-commune-filter').fill('Hoa Lư');
    await page.getByTestId('import-commune-select').selectOption({ label: 'Phường Hoa Lư' });
    await page.getByTestId('import-commune-continue').click();

    await expect(page.getByTestId('import-preview')).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId('import-section')).toContainText('Nhập vào: Phường Hoa Lư');
    await page.getByTestId('import-commit').click();
    await page.getByTestId('import-confirm-yes').click();
    await expect(page.getByTestId('import-done')).toBeVisible({ timeout: 30_000 });

    await page.getByTestId('import-show-list').click();
    await listSettled(page);
    await page.getByTestId('search').fill('Trần Thị Nụ');
    expect(await visibleNames(page)).toEqual(['Trần Thị Nụ']);
    await page.getByTestId('beneficiary-row').first().click();
    await expect(page.getByTestId('beneficiary-detail').getByTestId('field-unitName')).toContainText('Phường Hoa Lư');
  });
});
