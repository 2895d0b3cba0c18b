import { test as base, expect, type Page } from '@playwright/test';

export const DEMO = {
  admin: { username: 'quantri', password: 'quantri123!' },
  clerk: { username: 'canbo', password: 'canbo123!' },
  clinic: { username: 'yte', password: 'yte12345!' },
  district: { username: 'huyen', password: 'huyen123!' },
} as const;

export function hostUrl(): string {
  const url = process.env.ANSINH_E2E_URL;
  if (!url) throw new Error('ANSINH_E2E_URL is not set: run through playwright.config.ts (its globalSetup starts the host).');
  return url;
}

/** Every page fails its test on a script error or a Content-Security-Policy violation (the build must need neither). */
export const test = base.extend<{ pageProblems: string[] }>({
  pageProblems: [async ({ page }, use) => {
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error' && !/status of 4\d\d/.test(m.text())) problems.push(`console: ${m.text()}`);
      if (/Content.Security.Policy/i.test(m.text())) problems.push(`csp: ${m.text()}`);
    });
    await use(problems);
    expect(problems, 'script errors or CSP violations on the page').toEqual([]);
  }, { auto: true }],
});

export { expect };

export async function openApp(page: Page, url = hostUrl()): Promise<void> {
  await page.goto(url);
  await expect(page.getByRole('heading', { name: 'Đăng nhập' })).toBeVisible();
}

export async function login(page: Page, account: { username: string; password: string }, url = hostUrl()): Promise<void> {
  await openApp(page, url);
  await page.getByLabel('Tên đăng nhập').fill(account.username);
  await page.getByLabel('Mật khẩu').fill(account.password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page.getByTestId('signed-in')).toBeVisible();
}

/** Waits until the list shows the answer to the current search and filters (the grid is no longer aria-busy). */
export async function listSettled(page: Page): Promise<void> {
  await expect(page.getByTestId('beneficiary-grid')).toHaveAttribute('aria-busy', 'false');
  await expect(page.getByTestId('beneficiary-row-loading')).toHaveCount(0);
}

/** The names in the visible rows, top to bottom, once the list has settled. */
export async function visibleNames(page: Page): Promise<string[]> {
  await listSettled(page);
  const rows = page.getByTestId('beneficiary-row');
  const items = await rows.evaluateAll((els) => els
    .map((el) => ({ index: Number(el.getAttribute('data-index')), name: el.querySelector('[data-col="fullName"] .cell-text')?.textContent ?? '' }))
    .sort((a, b) => a.index - b.index));
  return items.map((i) => i.name);
}

/** The number in "Hiển thị 1.234 đối tượng". */
export async function shownCount(page: Page): Promise<number> {
  await listSettled(page);
  const text = (await page.getByTestId('result-count').textContent()) ?? '';
  const m = /(\d[\d.]*)/.exec(text);
  if (!m) throw new Error(`no count in "${text}"`);
  return Number(m[1].replace(/\./g, ''));
}
