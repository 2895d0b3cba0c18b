import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeDatabase, startHost, type RunningHost } from './support/host-process';
import { DEMO, expect, listSettled, login, test } from './support/fixtures';
import { repoRoot } from './support/paths';

test.describe('sửa hồ sơ bằng tay', () => {
  let dir: string;
  let host: RunningHost;

  test.beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ansinh-e2e-register-'));
    makeDatabase(join(dir, 'register.db'), 60);
    host = await startHost(join(dir, 'register.db'));
  });

  test.afterAll(async () => {
    await host?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  test('open a record, fix a field (refused first at the field), save, see it in the list, undo', async ({ page }) => {
    await login(page, DEMO.clerk, host.url);
    await listSettled(page);
    const firstRow = page.getByTestId('beneficiary-row').first();
    const name = (await firstRow.locator('[data-col="fullName"] .cell-text').textContent())!;
    const oldVillage = (await firstRow.locator('[data-col="village"]').textContent())!;
    await firstRow.click();

    const detail = page.getByTestId('beneficiary-detail');
    await expect(detail.getByRole('heading', { level: 1 })).toHaveText(name);
    await detail.getByTestId('detail-edit').click();
    const form = detail.getByTestId('person-form');
    await form.getByTestId('edit-input-village').fill('Xóm Sửa Tay');
    await form.getByTestId('edit-input-birth').fill('01/01/2099');
    await form.getByTestId('edit-save').click();
    await expect(form.getByTestId('edit-error-birth')).toHaveText('Ngày sinh ở sau ngày hôm nay.');
    await expect(form.getByTestId('edit-input-village')).toHaveValue('Xóm Sửa Tay'); // nothing the clerk typed is lost
    await page.screenshot({ path: join(repoRoot, 'test-results/screens/20-edit-field-error.png') });

    await form.getByTestId('edit-input-birth').fill('1/2/1945');
    await form.getByTestId('edit-save').click();
    await expect(detail.getByTestId('detail-notice')).toHaveText('Đã lưu.');
    await expect(detail.getByTestId('field-village').locator('dd')).toHaveText('Xóm Sửa Tay');
    await expect(detail.getByTestId('field-birth').locator('dd')).toHaveText('01/02/1945');
    const history = detail.getByTestId('history');
    await expect(history.getByTestId('history-row').first()).toContainText('Sửa thủ công');

    await detail.getByTestId('detail-back').click();
    const row = page.getByTestId('beneficiary-row').filter({ hasText: name }).first();
    await expect(row.locator('[data-col="village"]')).toHaveText('Xóm Sửa Tay');

    await row.click();
    await detail.getByTestId('undo-last-edit').click();
    await expect(detail.getByTestId('undo-confirm')).toContainText('Hoàn tác lần sửa lúc');
    await detail.getByTestId('undo-yes').click();
    await expect(detail.getByTestId('detail-notice')).toHaveText(/^Đã hoàn tác \d+ thay đổi\.$/);
    await expect(detail.getByTestId('field-village').locator('dd')).toHaveText(oldVillage);
    await expect(history.getByTestId('history-row').first()).toContainText('Hoàn tác');
    await expect(detail.getByTestId('undo-last-edit')).toHaveCount(0); // nothing left to undo
    await detail.getByTestId('detail-back').click();
    await expect(page.getByTestId('beneficiary-row').filter({ hasText: name }).first().locator('[data-col="village"]')).toHaveText(oldVillage);
  });

  test('a death recorded with its date after a confirmation; two people stopped together; an account with letters refused at the field', async ({ page }) => {
    await login(page, DEMO.clerk, host.url);
    await page.getByTestId('filter-status').selectOption('active');
    await listSettled(page);
    const rows = page.getByTestId('beneficiary-row');
    await rows.nth(2).click();
    const detail = page.getByTestId('beneficiary-detail');
    await detail.getByTestId('detail-status-change').click();
    const form = detail.getByTestId('status-change');
    await form.getByTestId('status-new').selectOption('deceased');
    await form.getByTestId('status-date').fill('15/03/2025');
    await expect(form.getByTestId('status-month')).toHaveText('Chi trả dừng từ tháng 04/2025.');
    await form.getByTestId('status-reason').fill('Giấy báo tử');
    await form.getByTestId('status-apply').click();
    await expect(form.getByTestId('status-confirm')).toContainText('Chuyển 1 người sang “Đã mất”?');
    await form.getByTestId('status-yes').click();
    await expect(detail.getByTestId('detail-status')).toHaveText('Đã mất');
    await expect(detail.getByTestId('field-status').locator('dd')).toContainText('từ 15/03/2025');

    await detail.getByTestId('account-add').click();
    const account = detail.getByTestId('account-form');
    await account.getByTestId('account-provider').fill('970405');
    await account.getByTestId('account-number').fill('3700A12345');
    await account.getByTestId('account-save').click();
    await expect(account.getByTestId('account-error-number')).toHaveText('Số tài khoản chỉ gồm chữ số; có chữ cái hoặc ký tự khác, chưa lưu.');
    await account.getByTestId('account-number').fill('3700 2051 23456');
    await account.getByTestId('account-save').click();
    // This person is paid into a bank account already: a second active one for the same purpose is refused.
    await expect(account.getByTestId('account-error-purpose')).toContainText('đã có một tài khoản đang dùng cho mục đích này');
    await account.getByTestId('account-purpose').selectOption('one-off');
    await account.getByTestId('account-save').click();
    await expect(detail.getByTestId('account-row').filter({ hasText: '3700205123456' })).toContainText('Agribank');

    await detail.getByTestId('detail-back').click();
    const pickedNames = [await rows.nth(4).getAttribute('data-id'), await rows.nth(5).getAttribute('data-id')];
    await rows.nth(4).click({ modifiers: ['Control'] });
    await rows.nth(5).click({ modifiers: ['Control'] });
    await expect(page.getByText('Đã chọn 2 người')).toBeVisible();
    await page.getByTestId('bulk-status').click();
    const bulk = page.getByTestId('status-change');
    await bulk.getByTestId('status-new').selectOption('stopped');
    await bulk.getByTestId('status-date').fill('01/01/2026');
    await bulk.getByTestId('status-reason').fill('Rà soát hằng năm');
    await bulk.getByTestId('status-apply').click();
    await bulk.getByTestId('status-yes').click();
    await expect(page.getByTestId('bulk-notice')).toHaveText('Đã đổi trạng thái 2 người.');
    await page.getByTestId('filter-status').selectOption('stopped');
    await listSettled(page);
    for (const id of pickedNames) await expect(page.locator(`[data-testid="beneficiary-row"][data-id="${id}"] [data-col="status"]`)).toHaveText('Tạm dừng');
  });
});
