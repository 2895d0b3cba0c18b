import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHost, type RunningHost } from './support/host-process';
import { expect, test } from './support/fixtures';

test.describe('lần chạy đầu của một văn phòng thật', () => {
  let dir: string;
  let host: RunningHost;

  test.beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ansinh-e2e-setup-'));
    // `ansinh serve --db NEW`: the file does not exist yet; the host creates it empty (the official units only).
    host = await startHost(join(dir, 'office.db'));
  });

  test.afterAll(async () => {
    await host?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  test('a new database asks for the office\'s commune (found by search) and its administrator, then shows the unit', async ({ page }, testInfo) => {
    await page.goto(host.url);
    await expect(page.getByRole('heading', { name: 'Thiết lập lần đầu' })).toBeVisible();
    await expect(page.getByTestId('demo-accounts')).toHaveCount(0);

    await page.getByLabel('Họ và tên').fill('Phạm Văn Quản');
    await page.getByLabel('Tên đăng nhập').fill('quantri');
    await page.getByLabel('Mật khẩu', { exact: true }).fill('mat-khau-dai-1');
    await page.getByLabel('Nhập lại mật khẩu').fill('mat-khau-dai-1');
    await page.getByRole('button', { name: 'Tạo tài khoản quản trị' }).click();
    await expect(page.getByRole('alert')).toHaveText('Hãy tìm và chọn xã/phường của văn phòng.');

    const search = page.getByRole('combobox', { name: 'Tìm xã/phường' });
    await search.fill('an lão');
    const options = page.getByTestId('unit-option');
    await expect(options).toHaveCount(2);
    await expect(options.filter({ hasText: 'Xã An Lão' }).filter({ hasText: 'Thành phố Hải Phòng' })).toHaveCount(1);
    await expect(options.filter({ hasText: 'Xã An Lão' }).filter({ hasText: 'Tỉnh Gia Lai' })).toHaveCount(1);

    await search.fill('binh son');
    await options.filter({ hasText: 'Xã Bình Sơn' }).filter({ hasText: 'Tỉnh Ninh Bình' }).click();
    await expect(page.getByTestId('chosen-unit')).toContainText('Đã chọn: Xã Bình Sơn, Tỉnh Ninh Bình (mã 13558)');

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

    // The office's database is now encrypted: its recovery passphrase is shown once, to print and keep.
    await expect(page.getByRole('heading', { name: 'Cụm mật khẩu khôi phục' })).toBeVisible();
    const passphrase = (await page.getByTestId('recovery-passphrase').textContent())!.trim();
    expect(passphrase).toMatch(/^[A-Z0-9]{5}(-[A-Z0-9]{5}){5}$/);
    await expect(page.getByRole('button', { name: 'In cụm mật khẩu' })).toBeVisible();
    await page.getByRole('button', { name: 'Tiếp tục vào ứng dụng' }).click();
    await expect(page.getByRole('alert')).toHaveText('Hãy in hoặc chép lại cụm mật khẩu rồi đánh dấu ô xác nhận trước khi tiếp tục.');
    await expect(page.getByTestId('signed-in')).toHaveCount(0);
    const file = readFileSync(join(dir, 'office.db'));
    expect(file.subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\u0000');
    expect(file.includes(Buffer.from('Bình Sơn'))).toBe(false);
    expect(existsSync(join(dir, 'office.db.keys.json'))).toBe(true);
    await page.getByLabel('Tôi đã in/chép lại cụm mật khẩu khôi phục').check();
    await page.getByRole('button', { name: 'Tiếp tục vào ứng dụng' }).click();
    await expect(page.getByTestId('signed-in')).toContainText('Phạm Văn Quản');
    await expect(page.getByText('Đơn vị: Xã Bình Sơn, Tỉnh Ninh Bình')).toBeVisible();
    await expect(page.getByTestId('result-count')).toHaveText('Hiển thị 0 đối tượng'); // no demo people in an office's database

    // Quản trị → Sao lưu: a backup of the open database, still encrypted, handed over as one file.
    await page.getByTestId('nav-admin').click();
    await page.getByTestId('admin-tab-backup').click();
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Sao lưu ngay' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^Sao_luu_\d{2}-\d{2}-\d{4}_\d{2}h\d{2}\.ansinh-backup$/);
    await expect(page.getByTestId('backup-result')).toContainText('Đã sao lưu 0 đối tượng');
    const saved = testInfo.outputPath('office.ansinh-backup');
    await download.saveAs(saved);
    const backup = readFileSync(saved);
    expect(backup.subarray(0, 18).toString('latin1')).toBe('ANSINH-DESK-BACKUP');
    expect(backup.includes(Buffer.from('Bình Sơn'))).toBe(false);

    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await expect(page.getByRole('heading', { name: 'Đăng nhập' })).toBeVisible(); // set up once: now the login screen
    await expect(page.getByTestId('not-encrypted')).toHaveCount(0);
    await expect(page.getByText('Đơn vị: Xã Bình Sơn, Tỉnh Ninh Bình')).toBeVisible();
    await expect(page.getByTestId('demo-accounts')).toHaveCount(0);
    await page.getByLabel('Tên đăng nhập').fill('quantri');
    await page.getByLabel('Mật khẩu').fill('mat-khau-dai-1');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await expect(page.getByTestId('signed-in')).toBeVisible();
    await expect(page.getByText('Đơn vị: Xã Bình Sơn, Tỉnh Ninh Bình')).toBeVisible();
  });
});
