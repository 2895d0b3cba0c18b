import type { Page } from '@playwright/test';
import { DEMO, expect, login, openApp, test } from './support/fixtures';

async function openAdmin(page: Page) {
  await login(page, DEMO.admin);
  await page.getByTestId('nav-admin').click();
  await expect(page.getByTestId('users-table')).toBeVisible();
}

/** The office's own commune, as the header names it ("Đơn vị: Xã …"). */
async function officeUnitName(page: Page): Promise<string> {
  const text = (await page.locator('.topbar-title .muted').textContent()) ?? '';
  return text.replace(/^Đơn vị:\s*/, '').trim();
}

test.describe('quản trị người dùng', () => {
  test('the administrator creates a clerk, resets the password, and the clerk must change it at sign-in', async ({ page }) => {
    await openAdmin(page);
    const username = `canbo${Date.now() % 1_000_000}`;
    const unitName = await officeUnitName(page);

    await page.getByTestId('user-add').click();
    await page.getByTestId('user-form-submit').click();
    const form = page.getByTestId('user-form');
    await expect(form.getByRole('alert')).toHaveCount(3);
    await expect(form).toContainText('Tên đăng nhập chỉ gồm chữ thường');
    await expect(form).toContainText('Hãy nhập họ và tên.');
    await expect(form).toContainText('Hãy chọn ít nhất một xã/phường');

    await page.getByLabel('Tên đăng nhập').fill(username);
    await page.getByLabel('Họ và tên').fill('Phạm Văn Bình');
    // The header names the commune with its province; the picker is searched by the commune's name.
    await page.getByTestId('unit-search').fill(unitName.split(',')[0].trim());
    await page.getByTestId('unit-picker').getByRole('checkbox').first().check();
    await expect(page.getByTestId('unit-picker').locator('.unit-chip')).toHaveCount(1);
    await page.getByTestId('user-form-submit').click();
    await expect(page.getByTestId('admin-notice')).toContainText(`Đã tạo tài khoản ${username}`);
    const row = page.locator(`[data-testid="user-row"][data-username="${username}"]`);
    await expect(row).toContainText('Phạm Văn Bình');
    await expect(row).toContainText('Cán bộ xã');
    await expect(row).toContainText(unitName.split(',')[0].trim());
    await expect(row).toContainText('Phải đổi mật khẩu khi đăng nhập');

    await row.getByRole('button', { name: 'Đặt lại mật khẩu' }).click();
    const temporary = await page.locator('#reset-password').inputValue();
    expect(temporary).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
    await page.getByTestId('reset-run').click();
    await expect(page.getByTestId('admin-notice')).toContainText(`Mật khẩu tạm: ${temporary}`);

    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.getByLabel('Tên đăng nhập').fill(username);
    await page.getByLabel('Mật khẩu').fill(temporary);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await expect(page.getByTestId('change-password-screen')).toBeVisible();
    await expect(page.getByTestId('signed-in')).toHaveCount(0);

    await page.getByLabel('Mật khẩu hiện tại (do quản trị viên đưa)').fill(temporary);
    await page.getByLabel('Mật khẩu mới', { exact: true }).fill('mat-khau-cua-binh');
    await page.getByLabel('Nhập lại mật khẩu mới').fill('mat-khau-khac');
    await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
    await expect(page.getByTestId('change-password-screen').getByRole('alert')).toHaveText('Hai mật khẩu không giống nhau.');
    await page.getByLabel('Nhập lại mật khẩu mới').fill('mat-khau-cua-binh');
    await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
    await expect(page.getByTestId('signed-in')).toContainText('Phạm Văn Bình');
    await expect(page.getByRole('navigation')).toContainText('Đối tượng');
    await expect(page.getByTestId('nav-admin')).toHaveCount(0);

    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await login(page, { username, password: 'mat-khau-cua-binh' });
  });

  test('the last administrator cannot be disabled; sign-in attempts are listed with their outcome', async ({ page }) => {
    await openApp(page);
    await page.getByLabel('Tên đăng nhập').fill('khongcoai');
    await page.getByLabel('Mật khẩu').fill('sai-mat-khau');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await expect(page.getByRole('alert')).toHaveText('Sai tên đăng nhập hoặc mật khẩu.');

    await openAdmin(page);
    const me = page.locator('[data-testid="user-row"][data-username="quantri"]');
    await me.getByRole('button', { name: 'Khóa' }).click();
    await page.getByTestId('disable-run').click();
    await expect(page.getByRole('alert')).toContainText('đây là quản trị viên duy nhất còn hoạt động');
    await expect(me).toContainText('Đang hoạt động');

    await page.getByTestId('admin-tab-attempts').click();
    await page.locator('#attempts-username').fill('khongcoai');
    await expect(page.getByTestId('attempt-row').first()).toContainText('Sai mật khẩu');
    await expect(page.getByTestId('attempt-row').first()).toContainText('trình duyệt');
  });

  test('after 5 wrong passwords the login screen says how long to wait', async ({ page }) => {
    await openApp(page);
    const username = `doan${Date.now() % 1_000_000}`;
    for (let i = 1; i <= 5; i++) {
      await page.getByLabel('Tên đăng nhập').fill(username);
      await page.getByLabel('Mật khẩu').fill(`sai-lan-${i}`);
      await page.getByRole('button', { name: 'Đăng nhập' }).click();
      if (i < 5) await expect(page.getByRole('alert')).toHaveText('Sai tên đăng nhập hoặc mật khẩu.');
    }
    await expect(page.getByRole('alert')).toHaveText('Sai tên đăng nhập hoặc mật khẩu. Đã nhập sai mật khẩu 5 lần liên tiếp: hãy chờ 30 giây rồi thử lại.');
    await page.getByLabel('Mật khẩu').fill('lan-thu-sau');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await expect(page.getByRole('alert')).toContainText(/hãy chờ \d+ giây rồi thử lại/);
  });

  test('fits a 1024×768 screen', async ({ page }) => {
    await page.setViewportSize({ width: 1024, height: 768 });
    await openAdmin(page);
    const overflow = await page.locator('.content').evaluate((el) => el.scrollWidth - el.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.getByTestId('user-add').click();
    await page.getByTestId('user-form-submit').scrollIntoViewIfNeeded();
    await expect(page.getByTestId('user-form-submit')).toBeInViewport();
    await expect(page.getByTestId('unit-search')).toBeInViewport();
    expect(await page.locator('.content').evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
  });
});
