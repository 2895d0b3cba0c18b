import { listWorkbook } from '../support/list-workbook';
import { DEMO, expect, login, shownCount, test } from './support/fixtures';

const title = (lines: string[]) => [...lines.map((t) => [t, null, null, null, null, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM']), ['DANH SÁCH ĐỐI TƯỢNG BẢO TRỢ XÃ HỘI']];
const MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

test.describe('tổng hợp danh sách', () => {
  test('district staff drop several lists and see each recognised and counted before anything is written', async ({ page }) => {
    await login(page, DEMO.district);
    await page.getByTestId('nav-consolidation').click();
    await expect(page.getByTestId('consolidation-section')).toBeVisible();
    const anLao = await listWorkbook([[1, 'Người Thử Tổng Hợp', 1950, '035150999001', 'Xóm Trại', 500000]], { above: title(['UBND XÃ AN LÃO', 'Tháng 11 năm 2026']) });
    const hanoi = await listWorkbook([[1, 'Người Hà Nội', 1950, '001150999002', 'Phố Huế', 500000]], { above: title(['UBND PHƯỜNG HOÀN KIẾM, THÀNH PHỐ HÀ NỘI']) });
    await page.getByTestId('consolidation-files').setInputFiles([
      { name: 'DS_AnLao.xlsx', mimeType: MIME, buffer: Buffer.from(anLao) },
      { name: 'hoan-kiem.xlsx', mimeType: MIME, buffer: Buffer.from(hanoi) },
    ]);
    const rows = page.getByTestId('consolidation-file');
    await expect(rows).toHaveCount(2);
    const anLaoRow = rows.filter({ hasText: 'DS_AnLao.xlsx' });
    await expect(anLaoRow).toContainText('Xã Bình Sơn');
    await expect(anLaoRow).toContainText('danh sách của Xã An Lão (cũ)');
    await expect(anLaoRow).toContainText('2026-11');
    await expect(rows.filter({ hasText: 'hoan-kiem.xlsx' })).toContainText('không thuộc địa bàn');
    await expect(page.getByTestId('consolidation-commit')).toHaveText('Nhập 1 tệp');
  });

  test('district staff undo a list they consolidated, after confirming, from Các lần tổng hợp', async ({ page }) => {
    await login(page, DEMO.district);
    await page.getByTestId('nav-consolidation').click();
    const list = await listWorkbook([[1, 'Người Tổng Hợp Hoàn Tác', 1940, '035140000777', 'Thôn Bắc', 500000]],
      { above: title(['UBND XÃ BÌNH SƠN']) });
    await page.getByTestId('consolidation-files').setInputFiles([{ name: 'binh-son-t12.xlsx', mimeType: MIME, buffer: Buffer.from(list) }]);
    await expect(page.getByTestId('consolidation-commit')).toHaveText('Nhập 1 tệp');
    await page.getByTestId('consolidation-commit').click();
    await expect(page.getByTestId('consolidation-report')).toContainText('binh-son-t12.xlsx → Xã Bình Sơn: 1 mới');

    const history = page.getByTestId('import-history');
    await expect(history.getByRole('heading')).toHaveText('Các lần tổng hợp');
    const row = history.getByTestId('history-row').filter({ hasText: 'binh-son-t12.xlsx' });
    await row.getByTestId('history-undo').click();
    // It asks first, saying what the undo does.
    const confirm = history.getByTestId('history-undo-confirm');
    await expect(confirm).toContainText('Hoàn tác lần nhập tệp “binh-son-t12.xlsx”');
    await confirm.getByTestId('history-undo-yes').click();
    await expect(history.getByTestId('history-undone')).toContainText('Đã hoàn tác lần nhập tệp “binh-son-t12.xlsx”');
    await expect(row).toHaveAttribute('data-undone', 'yes');

    await page.getByTestId('nav-beneficiaries').click();
    await page.getByTestId('search').fill('Người Tổng Hợp Hoàn Tác');
    expect(await shownCount(page)).toBe(0);
  });
});
