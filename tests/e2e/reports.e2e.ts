import { DEMO, expect, login, test } from './support/fixtures';

/** This month in Vietnam, as the dashboard opens on it: "2026-12". */
function thisMonth(): { code: string; label: string } {
  const d = new Date(Date.now() + 7 * 3600_000);
  return { code: `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`, label: `Tháng ${d.getUTCMonth() + 1}/${d.getUTCFullYear()}` };
}

test.describe('báo cáo tiến độ', () => {
  test('district staff see this month\'s figures, a chart over time, and a clear line for a period written wrong', async ({ page }) => {
    await page.setViewportSize({ width: 1024, height: 768 });
    await login(page, DEMO.district);
    await page.getByTestId('nav-reports').click();
    await expect(page.getByTestId('reports-section')).toBeVisible();
    await expect(page.getByTestId('report-heading')).toHaveText(`Xã Bình Sơn – ${thisMonth().label}`);
    await expect(page.getByTestId('report-totals')).toContainText('Số đối tượng');
    await expect(page.getByTestId('chart-over-time')).toBeVisible();
    await expect(page.getByTestId('report-table').getByRole('row')).toHaveCount(3); // header, the commune, the total

    await page.getByTestId('report-period').fill('2026/11');
    await page.getByRole('button', { name: 'Xem' }).click();
    await expect(page.getByTestId('report-period-error')).toHaveText('Tháng viết dạng 2026-11 (năm-tháng).');

    await page.getByTestId('report-period').fill('2020-01');
    await page.getByRole('button', { name: 'Xem' }).click();
    await expect(page.getByTestId('error')).toContainText('chưa có dữ liệu');

    await page.getByTestId('report-period').fill(thisMonth().code);
    await page.getByRole('button', { name: 'Xem' }).click();
    const download = page.waitForEvent('download');
    await page.getByTestId('report-xlsx').click();
    expect((await download).suggestedFilename()).toBe(`Bao_cao_tien_do_${thisMonth().code}.xlsx`);
  });
});
