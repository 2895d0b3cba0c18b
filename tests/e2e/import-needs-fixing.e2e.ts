import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { DEMO, expect, login, test } from './support/fixtures';
import { makeDatabase, startHost, type RunningHost } from './support/host-process';

// Fixing what an import rejected, from its report: the report names the person, the column and the value the file
// had; Sửa opens the person's form at that field with the rejected value beside it; once saved through the one save
// of a record, the item is gone from the report and from the import's "still to fix" list in the history.

let dir: string;
let host: RunningHost;
let workbook: string;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ansinh-e2e-fix-'));
  makeDatabase(join(dir, 'fix.db'), 5);
  workbook = join(dir, 'DS bo sung thang 6.xlsx');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('DS');
  ws.addRow(['DANH SÁCH ĐỐI TƯỢNG BỔ SUNG']);
  ws.addRow(['STT', 'Họ và tên', 'Năm sinh', 'Số CCCD', 'Thôn', 'Mức trợ cấp']);
  ws.addRow([1, 'Đặng Văn Khải', 1948, '00104800112', 'Thôn Đông', 1500000]); // an ID one digit short
  ws.addRow([2, 'Lò Thị Sim', 1951, '001151000222', 'Thôn Đông', 'một triệu']); // an amount in words
  ws.addRow([3, null, 1960, '001060000333', 'Thôn Tây', 500000]); // no name: not imported
  await wb.xlsx.writeFile(workbook);
  host = await startHost(join(dir, 'fix.db'), { ANSINH_UPLOADS_DIR: join(dir, 'uploads') });
});

test.afterAll(async () => {
  await host?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('a rejected ID is fixed from the import report and leaves the list', async ({ page }) => {
  test.setTimeout(180_000); // the commit's worker thread starts slowly on a busy 2-core machine
  await login(page, DEMO.clerk, host.url);
  await page.getByTestId('nav-import').click();
  await page.getByTestId('import-file').setInputFiles(workbook);
  await expect(page.getByTestId('import-preview')).toBeVisible({ timeout: 30_000 });
  // The preview already shows what will not be stored, with the file's own value and column.
  const previewRow = page.getByTestId('needs-fixing-row').filter({ hasText: 'Đặng Văn Khải' });
  await expect(previewRow.getByTestId('needs-fixing-value')).toContainText('00104800112');
  await expect(previewRow.getByTestId('needs-fixing-value')).toContainText('Số CCCD');

  await page.getByTestId('import-commit').click();
  await page.getByTestId('import-confirm-yes').click();
  await expect(page.getByTestId('import-done')).toBeVisible({ timeout: 90_000 });
  // No category column and none chosen: said plainly, with what to do.
  await expect(page.getByTestId('import-done-category')).toContainText('2 dòng không ghi diện đối tượng được ghi là chưa phân loại');
  const rows = page.getByTestId('needs-fixing-panel').getByTestId('needs-fixing-row');
  await expect(rows).toHaveCount(3);
  await expect(rows.filter({ hasText: 'Lò Thị Sim' }).getByTestId('needs-fixing-value')).toContainText('một triệu');
  await expect(rows.filter({ hasText: 'Chưa nhập' }).getByTestId('needs-fixing-fix')).toHaveCount(0);

  await rows.filter({ hasText: 'Đặng Văn Khải' }).getByTestId('needs-fixing-fix').click();
  const form = page.getByTestId('person-form');
  await expect(form).toBeVisible();
  await expect(page.getByTestId('edit-rejected-idNumber')).toContainText('«00104800112»');
  await expect(page.getByTestId('edit-rejected-idNumber')).toContainText('Số CCCD');
  const input = page.getByTestId('edit-input-idNumber');
  await expect(input).toBeFocused();
  await expect(input).toHaveValue('00104800112');
  // Saved as the file had it: refused at the field, nothing saved.
  await page.getByTestId('edit-save').click();
  await expect(page.getByTestId('edit-error-idNumber')).toBeVisible();
  await input.fill('001048001122');
  await page.getByTestId('edit-save').click();
  await expect(page.getByTestId('detail-notice')).toBeVisible();
  await expect(page.getByTestId('field-idNumber')).toContainText('001 048 001122');
  await page.getByTestId('detail-back').click();

  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: 'Đặng Văn Khải' })).toHaveCount(0);
  await expect(page.getByTestId('needs-fixing-progress')).toHaveText('Đã sửa 1 / 3 mục.');

  // The row without a name was not recorded: the person is added from it, its other cells already in the form.
  const unrecorded = rows.filter({ hasText: 'Chưa nhập' });
  await unrecorded.getByTestId('needs-fixing-add').click();
  await expect(page.getByTestId('add-from-row-intro')).toContainText('Dòng 5');
  await expect(page.getByTestId('edit-input-fullName')).toBeFocused();
  await expect(page.getByTestId('edit-input-idNumber')).toHaveValue('001060000333');
  await expect(page.getByTestId('edit-input-birth')).toHaveValue('1960');
  await expect(page.getByTestId('edit-input-monthlyAmount')).toHaveValue('500000');
  // Saved without the name: refused at the field, nothing saved.
  await page.getByTestId('edit-save').click();
  await expect(page.getByTestId('edit-error-fullName')).toBeVisible();
  await expect(page.getByTestId('edit-error-categoryGroup')).toBeVisible(); // the list names no category either
  await page.getByTestId('edit-input-fullName').fill('Mùa A Páo');
  await page.getByTestId('edit-input-categoryGroup').selectOption('BTXH');
  await page.getByTestId('edit-save').click();
  await expect(page.getByTestId('field-idNumber')).toContainText('001 060 000333');
  await page.getByTestId('detail-back').click();
  await expect(rows).toHaveCount(1);
  await expect(rows.filter({ hasText: 'Chưa nhập' })).toHaveCount(0);
  await expect(page.getByTestId('needs-fixing-progress')).toHaveText('Đã sửa 2 / 3 mục.');

  // Later, from the history: what this import still leaves to fix, fixable the same way.
  await page.getByRole('button', { name: 'Nhập tệp khác' }).click();
  await page.getByTestId('history-row').first().getByTestId('history-needs-fixing').click();
  const still = page.getByTestId('still-to-fix').getByTestId('needs-fixing-row');
  await expect(still).toHaveCount(1);
  await expect(still).toContainText('Lò Thị Sim');
  await still.getByTestId('needs-fixing-fix').click();
  await expect(page.getByTestId('edit-rejected-monthlyAmount')).toContainText('một triệu');
  await page.getByTestId('edit-input-monthlyAmount').fill('1.000.000');
  await page.getByTestId('edit-save').click();
  await expect(page.getByTestId('detail-notice')).toBeVisible();
  await page.getByTestId('detail-back').click();
  await expect(page.getByTestId('still-to-fix').getByTestId('needs-fixing-none')).toBeVisible();
});
