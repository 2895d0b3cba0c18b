import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeDatabase, startHost, type RunningHost } from './support/host-process';
import { DEMO, expect, login, test, visibleNames } from './support/fixtures';
import { repoRoot } from './support/paths';

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
    await expect(detail.getByTestId('field-unitName').locator('dd')).toHaveText('Xã Bình Sơn');
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

test.describe('chi tiết của một hồ sơ đã sửa', () => {
  let dir: string;
  let host: RunningHost;
  let edited: string;

  test.beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ansinh-e2e-edits-'));
    edited = makeDatabase(join(dir, 'edited.db'), 60, { edits: true }).edited!;
    host = await startHost(join(dir, 'edited.db'));
  });

  test.afterAll(async () => {
    await host?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  test('history shows who changed which field from what to what; verified fields and problems show', async ({ page }) => {
    await login(page, DEMO.clerk, host.url);
    const row = page.getByTestId('beneficiary-row').first();
    await expect(row.locator('[data-col="fullName"]')).toContainText(edited);
    await expect(row.locator('.problem-dot')).toHaveText('1');
    await row.click();

    const detail = page.getByTestId('beneficiary-detail');
    await expect(detail.getByTestId('verified-fullName')).toHaveText('✓ Đã xác thực qua chip');
    await expect(detail.getByTestId('verified-birth')).toBeVisible();
    await expect(detail.getByTestId('verified-idNumber')).toHaveCount(0);
    await expect(detail.getByTestId('problems')).toContainText('Nơi thường trú: Địa chỉ thường trú khác với thẻ căn cước.');
    await expect(detail.getByTestId('field-monthlyAmount').locator('dd')).toHaveText('1.500.000\u00a0₫');

    const rows = detail.getByTestId('history-row');
    const changeOf = (field: string) => rows.filter({ has: page.locator('td:nth-child(4)', { hasText: new RegExp(`^${field}$`) }) });
    const amount = changeOf('Mức trợ cấp');
    await expect(amount).toHaveCount(1);
    await expect(amount.locator('td').nth(1)).toHaveText('Nguyễn Thị Lan');
    await expect(amount.locator('td').nth(2)).toHaveText('Sửa thủ công (dòng lệnh)');
    await expect(amount.locator('td').nth(4)).toHaveText(/^[\d.]+\u00a0₫ → 1\.500\.000\u00a0₫$/);
    await expect(changeOf('Thôn/xóm').locator('td').nth(4)).toHaveText(/^(Thôn|Xóm) .+ → Xóm Mới$/);
    await expect(changeOf('Nhóm đối tượng')).toHaveCount(0); // only what changed
    await expect(changeOf('Xác thực').locator('td').nth(2)).toHaveText('Xác thực bằng thẻ căn cước (dòng lệnh)');
    await expect(changeOf('Xác thực').locator('td').nth(4)).toHaveText('— → Họ và tên: Đã xác thực qua chip; Ngày sinh: Đã xác thực qua chip');
    await expect(changeOf('Vấn đề cần xử lý').locator('td').nth(4)).toHaveText('— → Nơi thường trú: Địa chỉ thường trú khác với thẻ căn cước.');
    await expect(rows.last()).toContainText('Tạo dữ liệu mẫu'); // newest first: the creation comes last
    await detail.getByTestId('history').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(repoRoot, 'test-results/screens/09-detail-edited.png') }); // for a person to look at
  });
});
