import { DEMO, expect, hostUrl, login, test } from './support/fixtures';

test.describe('vai trò', () => {
  test('clinic reception sees only check-in and the card reader, never welfare data', async ({ page }) => {
    const listCalls: string[] = [];
    page.on('request', (r) => {
      if (r.url().endsWith('/api/call') && /beneficiaries\./.test(r.postData() ?? '')) listCalls.push(r.postData()!);
    });
    await login(page, DEMO.clinic);
    await expect(page.getByTestId('signed-in')).toContainText('Tiếp đón trạm y tế');
    const nav = page.getByRole('navigation');
    await expect(nav.getByRole('button')).toHaveText(['Tiếp đón', 'Đọc thẻ']);
    await expect(page.getByTestId('clinic-section')).toBeVisible();
    await page.getByTestId('nav-card').click();
    await expect(page.getByTestId('card-section')).toBeVisible();
    await expect(page.getByTestId('reader-status')).toBeVisible();
    await expect(page.getByTestId('beneficiary-grid')).toHaveCount(0);
    await expect(page.getByText('Mức trợ cấp')).toHaveCount(0);
    expect(listCalls).toEqual([]); // the window never even asked
  });

  test('the main process refuses welfare data to clinic reception too', async ({ request }) => {
    const origin = new URL(hostUrl()).origin;
    const headers = { 'X-Ansinh-Key': new URL(hostUrl()).hash.replace('#k=', ''), Origin: origin };
    const login = await (await request.post(`${origin}/api/call`, {
      headers, data: { method: 'auth.login', input: DEMO.clinic, token: null },
    })).json();
    expect(login.ok).toBe(true);
    const list = await (await request.post(`${origin}/api/call`, {
      headers, data: { method: 'beneficiaries.list', input: {}, token: login.output.token },
    })).json();
    expect(list).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  test('the commune clerk sees every section; the ones not built yet say so', async ({ page }) => {
    await login(page, DEMO.clerk);
    await expect(page.getByRole('navigation').getByRole('button')).toHaveText(
      ['Đối tượng', 'Nhập danh sách', 'Hàng đợi sai lệch', 'Chi trả', 'Đọc thẻ', 'Đồng bộ', 'Báo cáo']);
    await page.getByTestId('nav-import').click();
    await expect(page.getByTestId('import-section')).toBeVisible();
    await page.getByTestId('nav-discrepancies').click();
    await expect(page.getByTestId('mismatch-queue')).toBeVisible();
    await page.getByTestId('nav-card').click();
    await expect(page.getByTestId('card-section')).toBeVisible();
    await page.getByTestId('nav-payouts').click();
    await expect(page.getByTestId('payout-create')).toBeVisible();
    await page.getByTestId('nav-beneficiaries').click();
    await expect(page.getByTestId('beneficiary-row').first()).toBeVisible();
  });

  test('district staff read the list but have no card reader or write sections', async ({ page }) => {
    await login(page, DEMO.district);
    await expect(page.getByRole('navigation').getByRole('button')).toHaveText(['Đối tượng', 'Tổng hợp danh sách', 'Chi trả', 'Báo cáo']);
    await expect(page.getByTestId('beneficiary-row').first()).toBeVisible();
  });
});
