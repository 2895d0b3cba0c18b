import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { DEMO, expect, listSettled, login, openApp, test } from './support/fixtures';
import { repoRoot } from './support/paths';

// The main screens at an office PC's common size (1366×768), saved under test-results/screens (not in git) for a
// person to look at, and checked for what a person would notice: nothing spills sideways, no header is cut off.
const shot = (page: Page, name: string) => page.screenshot({ path: join(repoRoot, 'test-results/screens', `${name}.png`) });

async function expectNoSidewaysSpill(page: Page) {
  const { scroll, width } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: window.innerWidth }));
  expect(scroll).toBeLessThanOrEqual(width);
}

async function clippedTexts(page: Page, selector: string): Promise<string[]> {
  return page.locator(selector).evaluateAll((els) => els.filter((el) => el.scrollWidth > el.clientWidth + 1).map((el) => el.textContent ?? ''));
}

/** Column headers whose text is cut (sideways, or past the two lines a header may wrap to); a hidden column aside. */
async function clippedHeaders(page: Page): Promise<string[]> {
  return page.locator('[role="columnheader"] .cell-text').evaluateAll((els) => els
    .filter((el) => getComputedStyle(el).visibility !== 'hidden')
    .filter((el) => el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1).map((el) => el.textContent ?? ''));
}

test.describe('màn hình chính', () => {
  test('login and list', async ({ page }) => {
    await openApp(page);
    await expectNoSidewaysSpill(page);
    await shot(page, '01-login');

    await login(page, DEMO.clerk);
    await listSettled(page);
    await expectNoSidewaysSpill(page);
    expect(await clippedHeaders(page)).toEqual([]);
    expect(await clippedTexts(page, '.sidenav button')).toEqual([]);
    await page.mouse.move(0, 0);
    await shot(page, '02-list');

    // The other common office screen: the sex column goes, every other header is read whole.
    await page.setViewportSize({ width: 1024, height: 768 });
    await expectNoSidewaysSpill(page);
    expect(await clippedHeaders(page)).toEqual([]);
    await shot(page, '02-list-1024');
    await page.setViewportSize({ width: 1366, height: 768 });

    await page.getByTestId('search').fill('nguyen thi');
    await page.getByTestId('filter-village').selectOption({ index: 2 });
    await listSettled(page);
    await shot(page, '03-search-filter');
  });

  test('detail with history', async ({ page }) => {
    await login(page, DEMO.clerk);
    await page.getByTestId('filter-status').selectOption('active');
    await listSettled(page);
    await page.getByTestId('beneficiary-row').nth(3).click();
    await expect(page.getByTestId('history-row').first()).toBeVisible();
    await expectNoSidewaysSpill(page);
    await shot(page, '04-detail');
    await page.getByTestId('history').scrollIntoViewIfNeeded();
    await page.getByTestId('history-row').first().locator('summary').click();
    await shot(page, '05-detail-history');
  });

  test('lock, clinic reception and English', async ({ page }) => {
    await login(page, DEMO.clerk);
    await page.getByRole('button', { name: 'Khóa màn hình' }).click();
    await expect(page.getByTestId('lock-screen')).toBeVisible();
    await shot(page, '06-lock');
    await page.getByRole('button', { name: 'Đăng nhập tài khoản khác' }).click();

    await page.getByLabel('Tên đăng nhập').fill(DEMO.clinic.username);
    await page.getByLabel('Mật khẩu').fill(DEMO.clinic.password);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await expect(page.getByTestId('clinic-section')).toBeVisible();
    await expect(page.getByTestId('officer-form')).toBeVisible(); // the officer's own name and CCCD, asked once
    await expectNoSidewaysSpill(page);
    await shot(page, '07-clinic-reception');
    await page.getByRole('button', { name: 'Đăng xuất' }).click();

    await login(page, DEMO.district);
    await page.getByTestId('language').selectOption('en');
    await listSettled(page);
    await expect(page.getByTestId('result-count')).toHaveText(/^Showing [\d.]+ beneficiaries$/);
    expect(await clippedHeaders(page)).toEqual([]);
    await page.mouse.move(0, 0);
    await shot(page, '08-list-english');
    await page.getByTestId('language').selectOption('vi');
  });
});
