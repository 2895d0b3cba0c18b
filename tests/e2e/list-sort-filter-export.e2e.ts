import ExcelJS from 'exceljs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { DEMO, expect, listSettled, login, test, visibleNames } from './support/fixtures';
import { repoRoot } from './support/paths';

// The list as a clerk uses it: sorting by a column header, the row number, the new filters, a part of an ID typed
// into the search, exporting exactly what the list shows, the layout at 1024×768, and the card screen saying
// before any read whether a card can be read at all.

const shot = (page: Page, name: string) => page.screenshot({ path: join(repoRoot, 'test-results/screens', `${name}.png`), fullPage: false });

/** "07/03/1985" or "1945" → a comparable "1985-03-07" / "1945". */
const birthKey = (text: string) => {
  const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(text.trim());
  return m ? `${m[3]}-${m[2]}-${m[1]}` : text.trim();
};

async function visibleCells(page: Page, col: string): Promise<string[]> {
  await listSettled(page);
  return page.getByTestId('beneficiary-row').evaluateAll((els, c) => els
    .map((el) => ({ i: Number(el.getAttribute('data-index')), text: el.querySelector(`[data-col="${c}"]`)?.textContent ?? '' }))
    .sort((a, b) => a.i - b.i).map((x) => x.text), col);
}

test.describe('danh sách: sắp xếp, lọc, xuất theo bộ lọc', () => {
  test('a header click sorts by that column, a second click reverses it; rows are numbered', async ({ page }) => {
    await login(page, DEMO.clerk);
    await listSettled(page);
    expect((await visibleCells(page, 'number')).slice(0, 3)).toEqual(['1', '2', '3']);
    await page.getByTestId('sort-birth').click();
    await expect(page.locator('[role="columnheader"][data-col="birth"]')).toHaveAttribute('aria-sort', 'ascending');
    const up = (await visibleCells(page, 'birth')).filter(Boolean).map(birthKey);
    expect(up.length).toBeGreaterThan(5);
    expect(up).toEqual([...up].sort());
    await page.getByTestId('sort-birth').click();
    await expect(page.locator('[role="columnheader"][data-col="birth"]')).toHaveAttribute('aria-sort', 'descending');
    const down = (await visibleCells(page, 'birth')).filter(Boolean).map(birthKey);
    expect(down).toEqual([...down].sort().reverse());
    expect((await visibleCells(page, 'number'))[0]).toBe('1');
    await page.getByTestId('sort-fullName').click();
    await expect(page.locator('[role="columnheader"][data-col="fullName"]')).toHaveAttribute('aria-sort', 'ascending');
  });

  test('the last digits of an ID find the person', async ({ page }) => {
    await login(page, DEMO.clerk);
    const ids = (await visibleCells(page, 'idNumber')).map((s) => s.replace(/\D/g, '')).filter((s) => s.length === 12);
    const [name] = await visibleNames(page);
    const firstId = (await visibleCells(page, 'idNumber'))[0].replace(/\D/g, '');
    expect(ids.length).toBeGreaterThan(0);
    await page.getByTestId('search').fill(firstId.slice(-5));
    await listSettled(page);
    expect(await visibleNames(page)).toContain(name);
    expect((await visibleCells(page, 'idNumber')).every((s) => s.replace(/\D/g, '').endsWith(firstId.slice(-5)) || s.replace(/\D/g, '').startsWith(firstId.slice(-5)))).toBe(true);
  });

  test('filters narrow the list and the export writes exactly those people, saying which filter it used', async ({ page }, testInfo) => {
    await login(page, DEMO.clerk);
    await listSettled(page);
    // The demo commune has no record with problems: that filter must empty the list, and is then taken off again.
    await page.getByTestId('filter-problems').check();
    await listSettled(page);
    const dots = await page.getByTestId('beneficiary-row').evaluateAll((els) => els.map((el) => el.querySelector('[data-col="problems"] .problem-dot') !== null));
    expect(dots.every(Boolean)).toBe(true);
    await page.getByTestId('filter-problems').uncheck();
    const village = (await page.getByTestId('filter-village').locator('option').nth(1).textContent())!;
    await page.getByTestId('filter-village').selectOption(village);
    await page.getByTestId('filter-needs-account').check();
    await listSettled(page);
    expect((await visibleCells(page, 'channel')).every((c) => c === 'Tiền mặt')).toBe(true);
    expect((await visibleCells(page, 'village')).every((v) => v === village)).toBe(true);
    expect((await visibleCells(page, 'status')).every((v) => v === 'Đang hưởng')).toBe(true);
    const count = Number((await page.getByTestId('result-count').textContent())!.replace(/\D/g, ''));
    const names = await visibleNames(page);
    expect(count).toBeGreaterThan(0);
    expect(names.length).toBe(count);
    await shot(page, '40-list-filtered');

    await page.getByTestId('export-open').click();
    const panel = page.getByTestId('export-panel');
    await expect(panel.getByTestId('export-scope')).toHaveText(`Xuất ${count} người theo bộ lọc: ${village}, cần tài khoản.`);
    await panel.getByTestId('export-kind-population-matching').check();
    const downloading = page.waitForEvent('download');
    await panel.getByTestId('export-run').click();
    const download = await downloading;
    await expect(panel.getByTestId('export-done')).toContainText(`Đã xuất ${count} người`);
    // The police's list is a batch, as `ansinh match export` sends it: its number in the file name and the notice.
    await expect(panel.getByTestId('export-done')).toContainText(/Đợt gửi 13558-\d{8}-\d{2}/);
    expect(download.suggestedFilename()).toMatch(/^DS_doi_chieu_dot_13558-\d{8}-\d{2}\.xlsx$/);
    const saved = testInfo.outputPath('filtered.xlsx');
    await download.saveAs(saved);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(saved);
    const rows: string[] = [];
    workbook.worksheets[0].eachRow((row) => { if (typeof row.getCell(1).value === 'number') rows.push(String(row.getCell(3).value)); });
    expect(rows).toEqual(names);
  });

  for (const [width, height] of [[1366, 768], [1024, 768]] as const) {
    test(`the list fits ${width}×${height}: no sideways scrolling, long category labels readable`, async ({ page }) => {
      await page.setViewportSize({ width, height });
      await login(page, DEMO.clerk);
      await listSettled(page);
      const overflow = await page.locator('.grid-scroll').evaluate((el) => el.scrollWidth - el.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      const bodyOverflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(bodyOverflow).toBeLessThanOrEqual(0);
      const category = page.getByTestId('beneficiary-row').first().locator('[data-col="category"]');
      await expect(category).toHaveAttribute('title', /.+: .+/);
      await expect(page.getByTestId('sort-category')).toBeVisible();
      await expect(page.getByTestId('filter-needs-account')).toBeVisible();
      await shot(page, `41-list-${width}x${height}`);
    });
  }

  test('the card screen says before a read whether a card can be read, and the button waits for a reader', async ({ page }) => {
    await login(page, DEMO.clerk);
    await page.getByTestId('nav-card').click();
    const status = page.getByTestId('reader-status');
    await expect(status).not.toHaveAttribute('data-availability', 'starting', { timeout: 15_000 });
    await page.getByTestId('card-can').fill('123456');
    const availability = await status.getAttribute('data-availability');
    const readers = await page.getByTestId('reader').count();
    await shot(page, '42-card-reader-state');
    if (availability !== 'ready' || readers === 0) {
      // This host has no PC/SC service or no reader: said plainly, and nothing to press.
      await expect(page.getByTestId('card-read')).toBeDisabled();
      await expect(page.getByTestId('card-read-blocked')).toContainText('Chưa đọc được');
      if (availability === 'ready') await expect(page.getByTestId('reader-none')).toBeVisible();
      else await expect(page.getByTestId('reader-availability')).toContainText(/PC\/SC|dịch vụ/);
    } else {
      await expect(page.getByTestId('card-read')).toBeEnabled();
      await expect(page.getByTestId('card-read-blocked')).toHaveCount(0);
    }
    testInfo(availability, readers);
  });
});

function testInfo(availability: string | null, readers: number): void {
  test.info().annotations.push({ type: 'reader', description: `availability=${availability}, readers=${readers}` });
}
