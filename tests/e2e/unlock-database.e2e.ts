import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './support/paths';
import { startHost, type RunningHost } from './support/host-process';
import { expect, test } from './support/fixtures';

// The Electron door on a new PC (no OS key store slot yet) and a host started without ANSINH_DB_PASSPHRASE show the
// same screen: the recovery passphrase printed at setup opens the office's data.
test.describe('mở khóa cơ sở dữ liệu mã hóa', () => {
  let dir: string;
  let host: RunningHost;
  let passphrase: string;

  test.beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ansinh-e2e-unlock-'));
    const db = join(dir, 'office.db');
    const made = execFileSync(process.execPath, ['bin/ansinh.mjs', 'init', '--db', db, '--commune', '13558', '--admin', 'quantri', '--display-name', 'Phạm Văn Quản', '--json'],
      { cwd: repoRoot, env: { ...process.env, ANSINH_PASSWORD: 'mat-khau-dai-1' }, stdio: 'pipe' });
    passphrase = (JSON.parse(made.toString()) as { recoveryPassphrase: string }).recoveryPassphrase;
    host = await startHost(db, { ANSINH_DB_PASSPHRASE: '' });
  });

  test.afterAll(async () => {
    await host?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  test('asks for the recovery passphrase, refuses a wrong one at the field, then opens the sign-in', async ({ page }) => {
    await page.goto(host.url);
    await expect(page.getByRole('heading', { name: 'Mở khóa dữ liệu của văn phòng' })).toBeVisible();
    const field = page.getByLabel('Cụm mật khẩu khôi phục');
    await page.getByRole('button', { name: 'Mở khóa dữ liệu' }).click();
    await expect(page.getByRole('alert')).toHaveText('Hãy nhập cụm mật khẩu khôi phục.');

    await field.fill('AAAAA-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF');
    await page.getByRole('button', { name: 'Mở khóa dữ liệu' }).click();
    await expect(page.getByRole('alert')).toContainText('Cụm mật khẩu khôi phục không đúng');
    await expect(page.getByRole('heading', { name: 'Mở khóa dữ liệu của văn phòng' })).toBeVisible();

    await field.fill(passphrase.toLowerCase());
    await page.getByRole('button', { name: 'Mở khóa dữ liệu' }).click();
    await expect(page.getByRole('heading', { name: 'Đăng nhập' })).toBeVisible();
    await expect(page.getByText('Đơn vị: Xã Bình Sơn, Tỉnh Ninh Bình')).toBeVisible();
    await page.getByLabel('Tên đăng nhập').fill('quantri');
    await page.getByLabel('Mật khẩu').fill('mat-khau-dai-1');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await expect(page.getByTestId('signed-in')).toContainText('Phạm Văn Quản');

    // Another window of the same host finds it open: the passphrase is asked once per start.
    const second = await page.context().newPage();
    await second.goto(host.url);
    await expect(second.getByRole('heading', { name: 'Đăng nhập' })).toBeVisible();
  });
});
