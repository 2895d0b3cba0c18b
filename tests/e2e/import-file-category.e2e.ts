import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { DEMO, expect, listSettled, login, test } from './support/fixtures';
import { makeDatabase, startHost, type RunningHost } from './support/host-process';

// A list without a category column (the office keeps one file per category): the preview counts the rows that
// name no category, the clerk chooses the category for the whole file (the group refused at its field when
// missing), the preview is read again with it, and the imported people carry it.

let dir: string;
let host: RunningHost;
let workbook: string;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ansinh-e2e-category-'));
  makeDatabase(join(dir, 'category.db'), 5);
  workbook = join(dir, 'DS nguoi cao tuoi.xlsx');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('DS');
  ws.addRow(['DANH SÁCH NGƯỜI CAO TUỔI HƯỞNG TRỢ CẤP']);
  ws.addRow(['STT', 'Họ và tên', 'Năm sinh', 'Số CCCD', 'Thôn', 'Mức trợ cấp']);
  ws.addRow([1, 'Quàng Văn Ất', 1938, '001038000444', 'Thôn Đông', 500000]);
  ws.addRow([2, 'Quàng Thị Bính', 1939, '001139000555', 'Thôn Đông', 500000]);
  ws.addRow([3, null, 1941, '001141000666', 'Thôn Tây', 500000]); // no name: added by hand from the report
  await wb.xlsx.writeFile(workbook);
  host = await startHost(join(dir, 'category.db'), { ANSINH_UPLOADS_DIR: join(dir, 'uploads') });
});

test.afterAll(async () => {
  await host?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('the clerk chooses the category of a list that has no category column', async ({ page }) => {
  test.setTimeout(180_000); // the commit's worker thread starts slowly on a busy 2-core machine
  await login(page, DEMO.clerk, host.url);
  await page.getByTestId('nav-import').click();
  await page.getByTestId('import-file').setInputFiles(workbook);
  await expect(page.getByTestId('import-preview')).toBeVisible({ timeout: 30_000 });

  const panel = page.getByTestId('file-category');
  await expect(panel).toContainText('2 dòng không ghi diện đối tượng'); // the row without a name is not counted
  await expect(page.getByTestId('file-category-none')).toBeVisible();
  // Applied without a group: refused at the field, nothing read again.
  await page.getByTestId('file-category-apply').click();
  await expect(page.getByTestId('file-category-error')).toHaveText('Chọn nhóm đối tượng cho cả tệp.');
  await expect(page.getByTestId('file-category-group')).toHaveAttribute('aria-invalid', 'true');

  await page.getByTestId('file-category-group').selectOption('BTXH');
  await expect(page.getByTestId('file-category-error')).toHaveCount(0);
  await page.getByTestId('file-category-label').fill('Người cao tuổi từ 80 tuổi trở lên');
  await page.getByTestId('file-category-apply').click();
  await expect(page.getByTestId('file-category-chosen')).toContainText('Bảo trợ xã hội · Người cao tuổi từ 80 tuổi trở lên', { timeout: 30_000 });
  await expect(page.getByTestId('sample-file-category')).toHaveCount(2);
  await expect(page.getByTestId('sample-file-category').first()).toContainText('Người cao tuổi từ 80 tuổi trở lên');

  await page.getByTestId('import-commit').click();
  await page.getByTestId('import-confirm-yes').click();
  await expect(page.getByTestId('import-done')).toBeVisible({ timeout: 90_000 });
  await expect(page.getByTestId('import-done-category')).toHaveText('2 dòng không ghi diện đối tượng đã nhận diện chọn cho cả tệp: Người cao tuổi từ 80 tuổi trở lên.');
  // The person of the row without a name, added from the report, starts with the file's category too.
  await page.getByTestId('needs-fixing-add').click();
  await expect(page.getByTestId('edit-input-categoryGroup')).toHaveValue('BTXH');
  await expect(page.getByTestId('edit-input-categoryLabel')).toHaveValue('Người cao tuổi từ 80 tuổi trở lên');
  await expect(page.getByTestId('edit-input-idNumber')).toHaveValue('001141000666');
  await page.getByTestId('edit-input-fullName').fill('Quàng Văn Canh');
  await page.getByTestId('edit-save').click();
  await expect(page.getByTestId('field-idNumber')).toContainText('001 141 000666');
  await page.getByTestId('detail-back').click();
  await page.getByTestId('import-show-list').click();
  await listSettled(page);
  await page.getByTestId('search').fill('Quàng');
  const rows = page.getByTestId('beneficiary-row');
  await expect(rows).toHaveCount(3);
  for (const category of await rows.locator('[data-col="category"]').allTextContents()) {
    expect(category).toContain('Người cao tuổi từ 80 tuổi trở lên');
  }
  await expect(rows.first().locator('[data-col="category"] .group-tag')).toHaveText('BTXH');
});
