import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeDatabase, startHost, type RunningHost } from './support/host-process';
import { expect, test } from './support/fixtures';

test.describe('lần chạy đầu', () => {
  let dir: string;
  let host: RunningHost;

  test.beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ansinh-e2e-setup-'));
    makeDatabase(join(dir, 'office.db'), 0);
    host = await startHost(join(dir, 'office.db'));
  });

  test.afterAll(async () => {
    await host?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  test('an empty database asks for the first administrator, checks the form, then signs them in', async ({ page }) => {
    await page.goto(host.url);
    await expect(page.getByRole('heading', { name: 'Thiết lập lần đầu' })).toBeVisible();
    await expect(page.getByTestId('demo-accounts')).toHaveCount(0);

    await page.getByLabel('Họ và tên').fill('Phạm Văn Quản');
    await page.getByLabel('Tên đăng nhập').fill('quantri');
    await page.getByLabel('Mật khẩu', { exact: true }).fill('ngan');
    await page.getByLabel('Nhập lại mật khẩu').fill('ngan');
    await page.getByRole('button', { name: 'Tạo tài khoản quản trị' }).click();
    await expect(page.getByRole('alert')).toHaveText('Mật khẩu cần ít nhất 8 ký tự.');

    await page.getByLabel('Mật khẩu', { exact: true }).fill('mat-khau-dai-1');
    await page.getByLabel('Nhập lại mật khẩu').fill('mat-khau-dai-2');
    await page.getByRole('button', { name: 'Tạo tài khoản quản trị' }).click();
    await expect(page.getByRole('alert')).toHaveText('Hai mật khẩu không giống nhau.');

    await page.getByLabel('Nhập lại mật khẩu').fill('mat-khau-dai-1');
    await page.getByRole('button', { name: 'Tạo tài khoản quản trị' }).click();
    await expect(page.getByTestId('signed-in')).toContainText('Phạm Văn Quản (Quản trị viên)');
    await expect(page.getByTestId('result-count')).toHaveText('Hiển thị 0 đối tượng');
    await expect(page.getByTestId('list-empty')).toBeVisible();

    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await expect(page.getByRole('heading', { name: 'Đăng nhập' })).toBeVisible(); // set up once: now the login screen
    await page.getByLabel('Tên đăng nhập').fill('quantri');
    await page.getByLabel('Mật khẩu').fill('mat-khau-dai-1');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await expect(page.getByTestId('signed-in')).toBeVisible();
  });
});
