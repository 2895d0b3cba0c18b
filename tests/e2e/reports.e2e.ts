import { DEMO, expect, login, test } from './support/fixtures';

/** This month in Vietnam, as the dashboard opens on it: "2026-12". */
function thisMonth(): { code: string; label: string; typed: string } {
  const d = new Date(Date.now() + 7 * 3600_000);
  return { code: `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`, label: `Tháng ${d.getUTCMonth() + 1}/${d.getUTCFullYear()}`,
    typed: `${d.getUTCMonth() + 1}/${d.getUTCFullYear()}` };
}

test.describe('báo cáo tiến độ', () => {
  test('district staff see this month\'s figures, a chart over time, and a clear line for a period written wrong', async ({ page }) => {
    await page.setViewportSize({ width: 1024, height: 768 });
    await login(page, DEMO.district);
    await page.getByTestId('nav-reports').click();
    await expect(page.getByTestId('reports-section')).toBeVisible();
    await expect(page.getByTestId('report-heading')).toHaveText(`Xã Bình Sơn – ${thisMonth().label}`);
    await expect(page.getByTestId('report-totals')).toContainText('Số đối tượng');
    await expect(page.getByTestId('report-totals')).toContainText(/qua đối chiếu \(\d+,\d%\)/); // a Vietnamese decimal comma
    await expect(page.getByTestId('chart-over-time')).toBeVisible();
    await expect(page.getByTestId('report-table').getByRole('row')).toHaveCount(3); // header, the commune, the total
    // The cash-less share of the month's payments, against the 100 % target (or a plain line when nothing was paid).
    await expect(page.getByTestId('report-totals')).toContainText('Chi không dùng tiền mặt (mục tiêu 100%)');
    await expect(page.getByTestId('report-cashless')).toHaveText(/^(Chưa chi lượt nào trong kỳ|[\d,]+% số lượt, [\d,]+% số tiền; \d+ lượt chi tiền mặt)$/);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);

    // The period is shown and typed as the clerk writes it ("12/2026"); a month 13 is refused in one line.
    await expect(page.getByTestId('report-period')).toHaveValue(thisMonth().typed);
    await page.getByTestId('report-period').fill('13/2026');
    await page.getByRole('button', { name: 'Xem' }).click();
    await expect(page.getByTestId('report-period-error')).toHaveText('Tháng viết dạng 11/2026 (tháng/năm).');

    await page.getByTestId('report-period').fill('tháng 1 năm 2020');
    await page.getByRole('button', { name: 'Xem' }).click();
    await expect(page.getByTestId('error')).toContainText('chưa có dữ liệu');

    await page.getByTestId('report-period').fill(thisMonth().typed);
    await page.getByRole('button', { name: 'Xem' }).click();
    const download = page.waitForEvent('download');
    await page.getByTestId('report-xlsx').click();
    expect((await download).suggestedFilename()).toBe(`Bao_cao_tien_do_${thisMonth().code}.xlsx`);
  });

  test("the administrator sets the plan's report deadlines, checked at each field; others read them", async ({ page }) => {
    await login(page, DEMO.admin);
    await page.getByTestId('nav-reports').click();
    const summary = page.getByTestId('report-deadlines-summary');
    await expect(summary).toHaveText('Hạn nộp: báo cáo tuần trước 09:00 thứ Sáu; báo cáo tháng đến hết ngày 14 tháng sau; báo cáo quý trước ngày 05 của quý sau.');
    await page.getByTestId('report-deadlines-edit').click();
    await page.getByTestId('deadline-weeklyDay').selectOption('4');
    await page.getByTestId('deadline-weeklyHour').fill('16');
    await page.getByTestId('deadline-monthlyDay').fill('31');
    await page.getByTestId('deadline-quarterlyDay').fill('mười');
    await page.getByTestId('report-deadlines-save').click();
    const form = page.getByTestId('report-deadlines');
    await expect(form.getByRole('alert')).toHaveText(['Nhập số nguyên từ 1 đến 28.', 'Nhập số nguyên từ 1 đến 28.']);
    await page.getByTestId('deadline-monthlyDay').fill('1');
    await page.getByTestId('deadline-quarterlyDay').fill('10');
    await page.getByTestId('report-deadlines-save').click();
    await expect(summary).toHaveText('Hạn nộp: báo cáo tuần trước 16:00 thứ Năm; báo cáo tháng đến hết ngày 1 tháng sau; báo cáo quý trước ngày 10 của quý sau.');
    await page.getByRole('button', { name: 'Đăng xuất' }).click();

    // District staff read the office's deadlines but cannot change them.
    await login(page, DEMO.district);
    await page.getByTestId('nav-reports').click();
    await expect(summary).toContainText('trước 16:00 thứ Năm');
    await expect(page.getByTestId('report-deadlines-edit')).toHaveCount(0);
    await page.getByRole('button', { name: 'Đăng xuất' }).click();

    // Back to the usual deadlines for the other tests on this demo database.
    await login(page, DEMO.admin);
    await page.getByTestId('nav-reports').click();
    await page.getByTestId('report-deadlines-edit').click();
    await page.getByTestId('deadline-weeklyDay').selectOption('5');
    await page.getByTestId('deadline-weeklyHour').fill('9');
    await page.getByTestId('deadline-monthlyDay').fill('14');
    await page.getByTestId('deadline-quarterlyDay').fill('5');
    await page.getByTestId('report-deadlines-save').click();
    await expect(summary).toContainText('trước 09:00 thứ Sáu');
  });
});
