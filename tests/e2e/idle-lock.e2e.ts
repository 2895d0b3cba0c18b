import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDemoDatabase, startHost, type RunningHost } from './support/host-process';
import { DEMO, expect, login, test } from './support/fixtures';

test.describe('khóa màn hình', () => {
  test('after the idle minutes without input the screen locks; only the password opens it, and the list is as it was', async ({ page }) => {
    await page.clock.install();
    await login(page, DEMO.clerk);
    await page.getByTestId('filter-category').selectOption('BTXH');
    await expect(page.getByTestId('beneficiary-row').first()).toBeVisible();

    await page.clock.fastForward('16:00'); // the demo host locks after 15 minutes
    const lock = page.getByTestId('lock-screen');
    await expect(lock).toBeVisible();
    await expect(lock).toContainText('Nguyễn Thị Lan');
    await expect(page.getByTestId('beneficiary-grid')).toBeHidden();

    await page.getByLabel('Mật khẩu').fill('sai-mat-khau');
    await page.getByRole('button', { name: 'Mở khóa' }).click();
    await expect(page.getByRole('alert')).toHaveText('Mật khẩu không đúng.');

    await page.getByLabel('Mật khẩu').fill(DEMO.clerk.password);
    await page.getByRole('button', { name: 'Mở khóa' }).click();
    await expect(lock).toHaveCount(0);
    await expect(page.getByTestId('beneficiary-grid')).toBeVisible();
    await expect(page.getByTestId('filter-category')).toHaveValue('BTXH');
  });

  test('the lock button locks at once', async ({ page }) => {
    await login(page, DEMO.clerk);
    await page.getByRole('button', { name: 'Khóa màn hình' }).click();
    await expect(page.getByTestId('lock-screen')).toBeVisible();
    await page.getByRole('button', { name: 'Đăng nhập tài khoản khác' }).click();
    await expect(page.getByRole('heading', { name: 'Đăng nhập' })).toBeVisible();
  });

  test.describe('when the main process locked the session', () => {
    let dir: string;
    let host: RunningHost;

    test.beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'ansinh-e2e-lock-'));
      createDemoDatabase(join(dir, 'demo.db'));
      host = await startHost(join(dir, 'demo.db'), { ANSINH_IDLE_LOCK_MINUTES: '1' });
    });

    test.afterAll(async () => {
      await host?.stop();
      rmSync(dir, { recursive: true, force: true });
    });

    test('a call answered "session-locked" leads to the lock screen with the server\'s message', async ({ page }) => {
      test.setTimeout(120_000);
      // Freeze the page's clock so that only the host's own (real) idle timer can lock.
      // Paused a little ahead of the time it was installed at: the page's clock runs on while the call travels,
      // and pausing at a moment it has already passed is refused.
      const installedAt = Date.now();
      await page.clock.install({ time: installedAt });
      await page.clock.pauseAt(installedAt + 5_000);
      await login(page, DEMO.clerk, host.url);
      await expect(page.getByTestId('beneficiary-row').first()).toBeVisible();
      await page.waitForTimeout(62_000); // real time: the host locks after 1 minute without requests
      await expect(page.getByTestId('lock-screen')).toHaveCount(0);

      await page.getByTestId('search').fill('nguyen');
      await page.clock.runFor(500); // the type-ahead pause
      const lock = page.getByTestId('lock-screen');
      await expect(lock).toBeVisible();
      await expect(lock).toContainText('Màn hình đã khóa do không sử dụng');

      await page.getByLabel('Mật khẩu').fill(DEMO.clerk.password);
      await page.getByRole('button', { name: 'Mở khóa' }).click();
      await expect(lock).toHaveCount(0);
      await page.getByTestId('search').fill('nguyen ');
      await page.clock.runFor(500);
      await expect(page.getByTestId('beneficiary-row').first()).toContainText('Nguyễn');
    });
  });
});
