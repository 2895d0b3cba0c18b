import { DEMO, expect, hostUrl, login, openApp, test } from './support/fixtures';

test.describe('đăng nhập', () => {
  test('the page is Vietnamese, shows the demo accounts and takes the launch key out of the address bar', async ({ page }) => {
    await openApp(page);
    await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
    expect(page.url()).not.toContain('#k=');
    await expect(page.getByTestId('demo-accounts')).toContainText('canbo123!');
    await expect(page.getByTestId('demo-accounts')).toContainText('Tiếp đón trạm y tế');
  });

  test('a wrong password is refused with the Vietnamese message; the right one enters', async ({ page }) => {
    await openApp(page);
    await page.getByLabel('Tên đăng nhập').fill('canbo');
    await page.getByLabel('Mật khẩu').fill('sai-mat-khau');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await expect(page.getByRole('alert')).toHaveText('Sai tên đăng nhập hoặc mật khẩu.');
    await expect(page.getByLabel('Mật khẩu')).toHaveValue('');

    await page.getByLabel('Mật khẩu').fill(DEMO.clerk.password);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await expect(page.getByTestId('signed-in')).toContainText('Nguyễn Thị Lan');
    await expect(page.getByTestId('signed-in')).toContainText('Cán bộ xã');
    await expect(page.getByRole('navigation')).toContainText('Đối tượng');
  });

  test('the launch key survives a reload of the tab (kept in sessionStorage only)', async ({ page }) => {
    const key = new URL(hostUrl()).hash.replace('#k=', '');
    await openApp(page);
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Đăng nhập' })).toBeVisible();
    const stored = await page.evaluate(() => ({
      session: Object.values(sessionStorage),
      local: Object.values(localStorage),
    }));
    expect(stored.session).toContain(key);
    expect(stored.local).not.toContain(key);
  });

  test('logging out goes back to the login screen and forgets the session', async ({ page }) => {
    await login(page, DEMO.clerk);
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await expect(page.getByRole('heading', { name: 'Đăng nhập' })).toBeVisible();
  });

  test('English is the second language and the choice can be switched back', async ({ page }) => {
    await openApp(page);
    await page.getByTestId('language').selectOption('en');
    await expect(page.getByRole('heading', { name: 'Log in' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await page.getByTestId('language').selectOption('vi');
    await expect(page.getByRole('heading', { name: 'Đăng nhập' })).toBeVisible();
  });

  test('a page opened without the launch key is refused with a clear message', async ({ browser }) => {
    const context = await browser.newContext(); // fresh sessionStorage: no key remembered
    const page = await context.newPage();
    await page.goto(new URL(hostUrl()).origin + '/');
    await expect(page.getByRole('alert')).toContainText('khóa phiên chạy');
    await expect(page.getByRole('heading', { name: 'Đăng nhập' })).toHaveCount(0);
    await context.close();
  });
});
