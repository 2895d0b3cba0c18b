import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { repoRoot } from './support/paths';
import { DEMO, expect, login, test, visibleNames } from './support/fixtures';

/** Today as the page sees it: the browser runs in Vietnam's time zone, whatever this machine's is. */
const today = () => new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric' }).format(new Date());

test.describe('nhật ký truy cập', () => {
  test('a record the clerk opened shows in the administrator\'s audit, filtered by person, action and day, and exports', async ({ page }, testInfo) => {
    await login(page, DEMO.clerk);
    await expect(page.getByTestId('beneficiary-row').first()).toBeVisible();
    const name = (await visibleNames(page))[0];
    await page.getByTestId('beneficiary-row').first().click();
    await expect(page.getByTestId('beneficiary-detail').getByRole('heading', { level: 1 })).toHaveText(name);
    await page.getByRole('button', { name: 'Đăng xuất' }).click();

    await login(page, DEMO.admin);
    await page.getByTestId('nav-admin').click();
    await page.getByTestId('admin-tab-audit').click();
    const panel = page.getByTestId('audit-panel');
    await expect(panel.getByTestId('audit-row').first()).toBeVisible();

    await panel.getByLabel('Người có dữ liệu').fill(name);
    await panel.getByLabel('Việc').selectOption('record-open');
    const row = panel.getByTestId('audit-row').first();
    await expect(row).toContainText(name);
    await expect(row).toContainText('Mở hồ sơ');
    await expect(row).toContainText('Nguyễn Thị Lan');
    await expect(panel.locator('[data-testid="audit-row"]:not([data-action="record-open"])')).toHaveCount(0);

    await panel.getByLabel('Từ ngày').fill('31/02/2026');
    await expect(panel.getByRole('alert')).toContainText('hãy viết theo dạng dd/mm/yyyy');
    await expect(panel.getByTestId('audit-export')).toBeDisabled();
    await panel.getByLabel('Từ ngày').fill(today());
    await panel.getByLabel('Đến ngày').fill(today());
    await expect(panel.getByRole('alert')).toHaveCount(0);
    await expect(row).toContainText(name);
    await panel.getByLabel('Đến ngày').fill('01/01/2020');
    await expect(panel.getByRole('alert')).toContainText('“Từ ngày” phải trước');
    await panel.getByLabel('Đến ngày').fill(today());

    const downloading = page.waitForEvent('download');
    await panel.getByTestId('audit-export').click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^Nhat_ky_truy_cap_\d{2}-\d{2}-\d{4}\.xlsx$/);
    await expect(panel.getByTestId('audit-export-done')).toContainText(/Đã xuất \d+ dòng nhật ký/);
    const saved = testInfo.outputPath('audit.xlsx');
    await download.saveAs(saved);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(saved);
    const texts = (workbook.worksheets[0].getSheetValues().flat() as unknown[]).filter((v): v is string => typeof v === 'string');
    expect(texts).toContain('Mở hồ sơ');
    expect(texts.some((t) => t.startsWith(name))).toBe(true);

    await panel.getByLabel('Người có dữ liệu').fill('');
    await panel.getByLabel('Việc').selectOption('audit-export');
    await expect(panel.getByTestId('audit-row').first()).toContainText('Quản trị viên');
    await expect(panel.getByTestId('audit-row').first()).toContainText('SHA-256');
  });

  test('fits a 1024×768 screen', async ({ page }) => {
    await page.setViewportSize({ width: 1024, height: 768 });
    await login(page, DEMO.admin);
    await page.getByTestId('nav-admin').click();
    await page.getByTestId('admin-tab-audit').click();
    await expect(page.getByTestId('audit-table-wrap')).toHaveAttribute('aria-busy', 'false');
    await expect(page.getByTestId('audit-export')).toBeInViewport();
    expect(await page.locator('.content').evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(repoRoot, 'test-results/screens', '60-admin-audit-1024.png') });
  });
});
