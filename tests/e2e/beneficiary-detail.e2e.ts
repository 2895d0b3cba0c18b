import { DEMO, expect, login, test, visibleNames } from './support/fixtures';

test.describe('chi tiết đối tượng', () => {
  test('shows the fields, accounts, household and the history from the change log', async ({ page }) => {
    await login(page, DEMO.clerk);
    await page.getByTestId('filter-category').selectOption('NCC');
    await page.getByTestId('filter-status').selectOption('active');
    await expect(page.getByTestId('beneficiary-row').first()).toBeVisible();
    const name = (await visibleNames(page))[0];
    const rowAmount = await page.getByTestId('beneficiary-row').first().locator('[data-col="amount"]').textContent();
    await page.getByTestId('beneficiary-row').first().click();

    const detail = page.getByTestId('beneficiary-detail');
    await expect(detail.getByRole('heading', { level: 1 })).toHaveText(name);
    await expect(detail.getByTestId('field-fullName')).toContainText(name);
    await expect(detail.getByTestId('field-birth').locator('dd')).toHaveText(/^(\d{2}\/\d{2}\/\d{4}|\d{4})/);
    await expect(detail.getByTestId('field-categoryGroup').locator('dd')).toHaveText('Người có công');
    await expect(detail.getByTestId('field-monthlyAmount').locator('dd')).toHaveText(rowAmount!);
    await expect(detail.getByTestId('field-status').locator('dd')).toHaveText('Đang hưởng');
    await expect(detail.getByTestId('field-unitName').locator('dd')).toHaveText('Xã An Lão');
    await expect(detail.getByTestId('accounts')).toBeVisible();
    await expect(detail.getByTestId('problems')).toBeVisible();

    const history = detail.getByTestId('history');
    await expect(history.getByTestId('history-row').first()).toBeVisible();
    await expect(history).toContainText('Tạo dữ liệu mẫu'); // the demo-seed command, in Vietnamese
    await expect(history.getByTestId('history-row').first().locator('td').first()).toHaveText(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);

    await page.getByTestId('detail-back').click();
    await expect(detail).toHaveCount(0);
    await expect(page.getByTestId('filter-category')).toHaveValue('NCC'); // the list kept its filters
  });

  test('an account record shows bank, number, holder and whose it is', async ({ page }) => {
    await login(page, DEMO.clerk);
    await expect(page.getByTestId('beneficiary-row').first()).toBeVisible();
    const bankRow = page.getByTestId('beneficiary-row').filter({ has: page.locator('[data-col="channel"]', { hasText: 'Ngân hàng' }) }).first();
    await bankRow.click();
    const account = page.getByTestId('account-row').first();
    await expect(account).toBeVisible();
    const cells = await account.locator('td').allTextContents();
    expect(cells[0]).toBe('Ngân hàng');
    expect(cells[1]).toMatch(/Agribank|BIDV|VietinBank|Vietcombank|LPBank/);
    expect(cells[2]).toMatch(/^\d{6,19}$/);
    expect(cells[3].length).toBeGreaterThan(3);
    expect(['Chính chủ', 'Người được ủy quyền']).toContain(cells[4]);
  });
});
