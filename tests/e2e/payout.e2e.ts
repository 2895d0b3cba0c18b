import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from '@playwright/test';
import { startHost, type RunningHost } from './support/host-process';
import { DEMO, expect, login, test } from './support/fixtures';
import { repoRoot } from './support/paths';

const LEADER = { username: 'lanhdao', password: 'lanhdao123!' };

async function openPayout(page: Page, month: string) {
  await page.getByTestId('nav-payouts').click();
  await page.getByTestId('payout-period').fill(month);
}

async function fitsWidth(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

test.describe('chi trả: một tháng', () => {
  let dir: string;
  let host: RunningHost;

  test.beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ansinh-e2e-payout-'));
    execFileSync(process.execPath, ['--import', 'tsx', 'tests/e2e/support/make-payout-database.ts', join(dir, 'payout.db'), '30'], { cwd: repoRoot, stdio: 'pipe' });
    host = await startHost(join(dir, 'payout.db'));
  });
  test.afterAll(async () => {
    await host?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  test('the clerk creates the month, releases a line with a reason; the commune leader approves, locks and exports; cash is settled', async ({ page }) => {
    test.setTimeout(60_000);
    await page.setViewportSize({ width: 1024, height: 768 });
    await login(page, DEMO.clerk, host.url);
    await openPayout(page, '12/2026');
    await expect(page.getByTestId('payout-missing')).toContainText('12/2026');
    await page.getByTestId('payout-create').click();
    await expect(page.getByTestId('payout-status')).toContainText('Nháp');
    await expect(page.getByTestId('payout-channels').locator('tr[data-channel="own-account"] td').nth(2)).toHaveText(/^\d{1,3}(\.\d{3})+\s₫$/);
    await expect(page.getByTestId('payout-words')).toContainText('Bằng chữ:');
    await fitsWidth(page);

    // A line without an account: the release asks for the way to pay and a reason, checked at the field.
    await page.getByTestId('payout-filter-blocked').click();
    const noAccount = page.getByTestId('payout-line').filter({ hasText: 'Chưa có tài khoản dùng được' }).first();
    const name = (await noAccount.locator('td').first().textContent())!;
    await noAccount.getByTestId('payout-release').last().click();
    const dialog = page.getByTestId('release-dialog');
    await dialog.getByTestId('release-dialog-confirm').click();
    await expect(dialog).toContainText('Cần ghi lý do.');
    await expect(dialog).toContainText('Cần chọn một cách.');
    await dialog.getByTestId('release-dialog-reason').fill('ốm');
    await dialog.getByTestId('release-dialog-confirm').click();
    await expect(dialog).toContainText('Lý do quá ngắn');
    await dialog.getByTestId('release-dialog-choice-cash').check();
    await dialog.getByTestId('release-dialog-reason').fill('Nằm liệt giường, không có người được ủy quyền');
    await dialog.getByTestId('release-dialog-confirm').click();
    await expect(dialog).toHaveCount(0);
    await expect(page.getByTestId('payout-notice')).toHaveText('Đã giải toả.');
    await page.getByTestId('payout-filter-released').click();
    await expect(page.getByTestId('payout-line').filter({ hasText: name })).toContainText('Tiền mặt tại xã');
    await expect(page.getByTestId('payout-approve')).toHaveCount(0); // the clerk prepares, never approves
    await page.getByRole('button', { name: 'Đăng xuất' }).click();

    await login(page, LEADER, host.url);
    // The months made so far are offered: the leader opens December from its button, its held lines counted.
    await page.getByTestId('nav-payouts').click();
    const december = page.getByTestId('roster-period-2026-12');
    await expect(december).toContainText(/12\/2026 · Nháp · \d+ dòng bị chặn/);
    await december.click();
    await expect(page.getByTestId('payout-period')).toHaveValue('12/2026');
    await expect(page.getByTestId('payout-status')).toContainText('Nháp');
    await fitsWidth(page);
    await page.getByTestId('payout-approve').click();
    const approve = page.getByTestId('approve-dialog');
    await expect(approve).toContainText('dòng chi, tổng');
    await expect(approve.getByTestId('approve-held')).toContainText('bị chặn');
    await approve.getByTestId('approve-dialog-confirm').click();
    await expect(page.getByTestId('payout-status')).toContainText('Đã duyệt');
    await expect(december).toContainText('12/2026 · Đã duyệt');
    await page.getByTestId('payout-lock').click();
    await page.getByTestId('lock-dialog').getByRole('button', { name: 'Huỷ' }).click(); // nothing happens until confirmed
    await expect(page.getByTestId('payout-status')).toContainText('Đã duyệt');
    await expect(december).toContainText('12/2026 · Đã duyệt');
    await page.getByTestId('payout-lock').click();
    await page.getByTestId('lock-dialog-confirm').click();
    await expect(page.getByTestId('payout-status')).toContainText('Đã khoá');

    // One bank's own transfer list: only its customers' accounts, the file named for it.
    const bankChoice = page.getByTestId('payout-export-bank');
    const bin = await bankChoice.locator('option').nth(1).getAttribute('value');
    expect(bin).toMatch(/^\d{6}$/);
    await bankChoice.selectOption(bin!);
    const bankDownloading = page.waitForEvent('download');
    await page.getByTestId('payout-export-bank-xlsx').click();
    const bankDownload = await bankDownloading;
    expect(bankDownload.suggestedFilename()).toBe(`DS_chuyen_khoan_${bin}_2026-12.xlsx`);
    const bankSaved = join(dir, 'ngan-hang.xlsx');
    await bankDownload.saveAs(bankSaved);
    const bankBook = new ExcelJS.Workbook();
    await bankBook.xlsx.readFile(bankSaved);
    const bins: unknown[] = [];
    bankBook.worksheets[0].eachRow((r) => { if (typeof r.getCell(1).value === 'number') bins.push(r.getCell(5).value); });
    expect(bins.length).toBeGreaterThan(0);
    expect(new Set(bins)).toEqual(new Set([bin]));
    await fitsWidth(page);

    const downloading = page.waitForEvent('download');
    await page.getByTestId('payout-export-printable-xlsx').click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('Bang_ke_chi_tra_2026-12.xlsx');
    const saved = join(dir, 'bang-ke.xlsx');
    await download.saveAs(saved);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(saved);
    const cells: string[] = [];
    wb.worksheets[0].eachRow((r) => cells.push(...(r.values as unknown[]).map(String)));
    expect(cells).toContain(name);
    await page.getByRole('button', { name: 'Đăng xuất' }).click();

    // The cash line is paid at the commune against the signed list.
    await login(page, DEMO.clerk, host.url);
    await openPayout(page, '12/2026');
    await page.getByTestId('payout-tab-reconcile').click();
    const line = page.getByTestId('reconcile-line').filter({ hasText: name });
    await line.getByTestId('reconcile-select').check();
    await page.getByTestId('confirm-paid').click();
    const paid = page.getByTestId('paid-dialog');
    await paid.getByTestId('paid-day').fill('31/02/2026');
    await paid.getByTestId('paid-dialog-confirm').click();
    await expect(paid).toContainText('Ngày không đúng');
    await paid.getByTestId('paid-day').fill('01/12/2026');
    await paid.getByTestId('paid-note').fill('Danh sách ký nhận thôn');
    await paid.getByTestId('paid-dialog-confirm').click();
    await expect(page.getByTestId('reconcile-notice')).toContainText('Đã ghi 1 dòng đã chi.');
    await page.getByTestId('reconcile-filter-paid').click();
    await expect(page.getByTestId('reconcile-line').filter({ hasText: name })).toContainText('Đã chi');
    await expect(page.getByTestId('reconcile-states').locator('tr[data-state="paid"] td').nth(1)).toHaveText('1');
    await fitsWidth(page);
  });

  test("a person's entitlement is entered in the detail: checked at each field, the amount computed, an override shown as such", async ({ page }) => {
    await login(page, DEMO.clerk, host.url);
    await page.getByTestId('beneficiary-row').first().click();
    const panel = page.getByTestId('entitlements');
    await panel.getByTestId('entitlement-add').click();
    await panel.getByTestId('entitlement-regime').selectOption('btxh-monthly');
    await panel.getByTestId('entitlement-group').selectOption('art5-6-especially-severe');
    await panel.getByTestId('entitlement-from').fill('13/2026');
    await panel.getByTestId('entitlement-override-amount').fill('1.200.000');
    await panel.getByTestId('entitlement-save').click();
    await expect(panel.getByTestId('entitlement-from-error')).toHaveText('Nhập tháng dạng mm/yyyy, ví dụ 01/2027.');
    await expect(panel.getByTestId('entitlement-overrideReason-error')).toContainText('cần ghi lý do');
    await expect(panel.getByTestId('entitlement-basis-error')).toBeVisible();
    await panel.getByTestId('entitlement-override-amount').fill('');
    await panel.getByTestId('entitlement-from').fill('11/2026');
    await panel.getByTestId('entitlement-basis').fill('Quyết định số 15/QĐ-UBND');
    await panel.getByTestId('entitlement-save').click();
    // The roster of the first test derived one from the category already; the decision entered is beside it.
    const row = panel.getByTestId('entitlement-row').filter({ hasText: '11/2026 – nay' });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText(/\d{1,3}(\.\d{3})+\s₫/);
    await row.getByTestId('entitlement-edit').click();
    await panel.getByTestId('entitlement-override-amount').fill('1.200.000');
    await panel.getByTestId('entitlement-override-reason').fill('Theo quyết định của tỉnh');
    await panel.getByTestId('entitlement-save').click();
    await expect(row.getByTestId('entitlement-override')).toHaveText('Mức điều chỉnh: Theo quyết định của tỉnh');
    await expect(row).toContainText('1.200.000');
  });

  test('the administrator adds a standard level from a date: each field checked, a confirmation, the level listed', async ({ page }) => {
    await login(page, DEMO.admin, host.url);
    await page.getByTestId('nav-payouts').click();
    await page.getByTestId('payout-tab-levels').click();
    await expect(page.getByTestId('level-row').filter({ hasText: 'Nghị định 76/2024/NĐ-CP' })).toContainText('500.000');
    await page.getByTestId('level-day').fill('31/06/2027');
    await page.getByTestId('level-amount').fill('6OO.000');
    await page.getByTestId('level-add').click();
    await expect(page.getByTestId('level-day-error')).toContainText('Ngày không đúng');
    await expect(page.getByTestId('level-amount-error')).toContainText('Mức tiền không đúng');
    await expect(page.getByTestId('level-basis-error')).toBeVisible();
    await page.getByTestId('level-unit').selectOption({ label: 'Tỉnh Ninh Bình' });
    await page.getByTestId('level-day').fill('01/07/2027');
    await page.getByTestId('level-amount').fill('600000');
    await page.getByTestId('level-basis').fill('Nghị quyết số 05/2027/NQ-HĐND tỉnh Ninh Bình');
    await page.getByTestId('level-add').click();
    await expect(page.getByTestId('level-dialog')).toContainText('600.000');
    await page.getByTestId('level-dialog-confirm').click();
    await expect(page.getByTestId('levels-notice')).toHaveText('Đã thêm mức.');
    await expect(page.getByTestId('level-row').filter({ hasText: 'Nghị quyết số 05/2027' })).toContainText('01/07/2027');
  });
});
