import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { DEMO, expect, login, test } from './support/fixtures';
import { repoRoot } from './support/paths';

test.describe('xuất danh sách', () => {
  test('the clerk exports the bank\'s list from the list screen and gets a workbook to save', async ({ page }, testInfo) => {
    await login(page, DEMO.clerk);
    await page.getByTestId('export-open').click();
    const panel = page.getByTestId('export-panel');
    await expect(panel).toContainText('Tệp chứa thông tin cá nhân');
    await panel.getByTestId('export-kind-unbanked').check();
    const downloading = page.waitForEvent('download');
    await panel.getByTestId('export-run').click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^DS_chua_co_tai_khoan_\d{2}-\d{2}-\d{4}\.xlsx$/);
    await expect(panel.getByTestId('export-done')).toContainText(/Đã xuất \d+ người/);
    await page.screenshot({ path: join(repoRoot, 'test-results/screens', '30-export-done.png') });

    const saved = testInfo.outputPath('bank.xlsx');
    await download.saveAs(saved);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(saved);
    const sheet = workbook.worksheets[0];
    expect(sheet.pageSetup.orientation).toBe('landscape');
    const texts = (sheet.getSheetValues().flat() as unknown[]).filter((v): v is string => typeof v === 'string');
    expect(texts.some((t) => /Họ và tên/i.test(t))).toBe(true);
  });

  test('clinic reception has no export at all', async ({ page }) => {
    await login(page, DEMO.clinic);
    await expect(page.getByTestId('clinic-section')).toBeVisible();
    await expect(page.getByTestId('export-open')).toHaveCount(0);
  });
});
