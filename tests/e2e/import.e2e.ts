import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { strToU8, zipSync } from 'fflate';
import { writeGovernmentWorkbook, type ExpectedImport } from '../fixtures/excel/government-xlsx';
import { DEMO, expect, listSettled, login, shownCount, test, visibleNames } from './support/fixtures';
import { makeDatabase, startHost, type RunningHost } from './support/host-process';
import { repoRoot } from './support/paths';

// The import screen against its own host and database: a district-format workbook (TCVN3 text, two-row merged
// header with the birth year under Nam/Nữ, village sections, totals, signature block) goes through preview,
// commit and undo; files that are not lists are refused in Vietnamese and change nothing.
const shot = (page: Page, name: string) => page.screenshot({ path: join(repoRoot, 'test-results/screens', `${name}.png`) });
const PEOPLE = 60;
const ROWS = 30;

let dir: string;
let host: RunningHost;
let workbook: string;
let expected: ExpectedImport;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ansinh-e2e-import-'));
  makeDatabase(join(dir, 'import.db'), PEOPLE);
  workbook = join(dir, 'DS chi tra thang 5.xlsx');
  expected = await writeGovernmentWorkbook(workbook, { rows: ROWS, text: 'tcvn3' });
  host = await startHost(join(dir, 'import.db'), { ANSINH_UPLOADS_DIR: join(dir, 'uploads') });
});

test.afterAll(async () => {
  await host?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Uploaded workbooks still on disk, in any app's folder. */
function uploadedFiles(): string[] {
  try {
    return (readdirSync(join(dir, 'uploads'), { recursive: true }) as string[]).filter((f) => /[0-9a-f-]{36}$/.test(f));
  } catch {
    return [];
  }
}

async function countOnList(page: Page): Promise<number> {
  await page.getByTestId('nav-beneficiaries').click();
  await listSettled(page);
  return shownCount(page);
}

test.describe('nhập danh sách', () => {
  test('a government workbook: preview shows columns and counts, commit adds the rows, undo takes them away', async ({ page }) => {
    await login(page, DEMO.clerk, host.url);
    expect(await countOnList(page)).toBe(PEOPLE);

    await page.getByTestId('nav-import').click();
    await expect(page.getByTestId('import-drop')).toBeVisible();
    await shot(page, '10-import-choose');
    await page.getByTestId('import-file').setInputFiles(workbook);

    const preview = page.getByTestId('import-preview');
    await expect(preview).toBeVisible({ timeout: 30_000 }); // the workbook is read in a worker: slower on a busy PC
    await expect(page.getByTestId('import-file-line')).toContainText('DS chi tra thang 5.xlsx');
    await expect(page.getByTestId('import-file-line')).toContainText('Excel (.xlsx)');
    await expect(page.getByTestId('count-records').locator('.count-value')).toHaveText(String(expected.records.length));
    await expect(page.getByTestId('count-imported').locator('.count-value')).toHaveText(String(expected.records.length));
    await expect(page.getByTestId('count-updated').locator('.count-value')).toHaveText('0');
    await expect(page.getByTestId('count-unchanged').locator('.count-value')).toHaveText('0');

    const mapping = page.getByTestId('mapping-row');
    const column = (field: string) => mapping.and(page.locator(`[data-field="${field}"]`)).locator('td');
    // Our field, the column, and the column's own title as the file writes it (TCVN3 decoded, merged header joined).
    await expect(column('fullName')).toHaveText(['Họ và tên', 'Cột B (thứ 2)', 'Họ và tên']);
    await expect(column('birthMale')).toHaveText(['Năm sinh (cột Nam)', 'Cột C (thứ 3)', 'Ngày, tháng, năm sinh › Nam']);
    await expect(column('birthFemale')).toHaveText(['Năm sinh (cột Nữ)', 'Cột D (thứ 4)', 'Ngày, tháng, năm sinh › Nữ']);
    await expect(column('idNumber')).toHaveText(['Số CCCD / định danh', 'Cột E (thứ 5)', 'Số CCCD']);
    await expect(column('accountNumber')).toHaveText(['Số tài khoản', 'Cột J (thứ 10)', 'STK']);
    const kinds = page.getByTestId('import-row-kinds');
    await expect(kinds.locator('[data-kind="data"] td')).toHaveText(['Dòng dữ liệu', String(expected.dataRows)]);
    await expect(kinds.locator('[data-kind="totals"] td')).toHaveText(['Dòng tổng cộng', '1']);
    await expect(kinds.locator('[data-kind="signature"]')).toBeVisible();

    // TCVN3 names arrive as Unicode; dates dd/mm/yyyy, amounts in đồng.
    const first = page.getByTestId('sample-row').first().locator('td');
    await expect(first.nth(1)).toHaveText(expected.records[0].fullName);
    await expect(first.nth(2)).toHaveText(/^\d{2}\/\d{2}\/\d{4}$|^\d{4}$/);
    await expect(first.nth(7)).toHaveText(/^[\d.]+\u00a0₫$/);
    await expect(page.getByTestId('sample-row')).toHaveCount(expected.records.length);

    // Every row the file could not fully give is listed with sheet, row, field and a plain reason.
    const fixTile = Number(await page.getByTestId('count-needsFixing').locator('.count-value').textContent());
    expect(fixTile).toBeGreaterThan(0);
    await expect(page.getByTestId('needs-fixing-row')).toHaveCount(fixTile);
    await expect(page.getByTestId('needs-fixing-row').filter({ hasText: 'Số tài khoản' }).first().locator('td').last())
      .toContainText('Excel làm mất chữ số');
    await shot(page, '11-import-preview');
    await page.getByTestId('import-sample').scrollIntoViewIfNeeded();
    await shot(page, '12-import-preview-sample');

    await page.getByTestId('import-commit').click();
    await expect(page.getByTestId('import-confirm')).toContainText(`Nhập ${expected.records.length} đối tượng mới, cập nhật 0?`);
    await page.getByTestId('import-confirm-yes').click();
    await expect(page.getByTestId('import-done')).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId('import-summary')).toHaveText(`${expected.records.length} đối tượng mới, 0 cập nhật, 0 không đổi.`);
    await shot(page, '13-import-done');

    await page.getByTestId('import-show-list').click();
    await listSettled(page);
    expect(await shownCount(page)).toBe(PEOPLE + expected.records.length);
    await page.getByTestId('search').fill(expected.records[0].fullName);
    expect(await visibleNames(page)).toContain(expected.records[0].fullName);

    // The import screen kept its place while the clerk looked at the list.
    await page.getByTestId('nav-import').click();
    await expect(page.getByTestId('import-done')).toBeVisible();
    await page.getByTestId('import-undo').click();
    await expect(page.getByTestId('undo-confirm')).toContainText(`Hoàn tác lần nhập này? ${expected.records.length} đối tượng mới sẽ bị xóa khỏi danh sách`);
    await page.getByTestId('undo-confirm-yes').click();
    await expect(page.getByTestId('import-undone')).toContainText(/^Đã hoàn tác lần nhập: [\d.]+ thay đổi được trả lại\./);
    await expect(page.getByTestId('undo-conflicts')).toHaveCount(0);
    await expect(page.getByTestId('import-done-title')).toHaveText('Đã hoàn tác lần nhập');
    await expect(page.getByTestId('import-section')).not.toContainText('Đã nhập xong');
    await shot(page, '14-import-undone');
    expect(await countOnList(page)).toBe(PEOPLE);
  });

  test('a previewed file can be cancelled: nothing imported, the upload deleted at once', async ({ page }) => {
    await login(page, DEMO.clerk, host.url);
    await page.getByTestId('nav-import').click();
    await page.getByTestId('import-file').setInputFiles(workbook);
    await expect(page.getByTestId('import-preview')).toBeVisible({ timeout: 30_000 });
    expect(uploadedFiles()).toHaveLength(1);
    await page.getByTestId('import-cancel').click();
    await expect(page.getByTestId('import-cancelled')).toHaveText('Đã huỷ: không nhập gì, tệp đã tải lên đã được xoá khỏi máy.');
    await expect(page.getByTestId('import-drop')).toBeVisible();
    expect(uploadedFiles()).toHaveLength(0);
    expect(await countOnList(page)).toBe(PEOPLE);
  });

  test('a list counted in thousands ("ĐVT: 1.000 đồng") is shown converted to đồng, and says so before anything is written; a hidden sheet is left', async ({ page }) => {
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('DS');
    ws.addRow(['DANH SÁCH CHI TRẢ TRỢ CẤP XÃ HỘI']);
    ws.addRow(['', '', '', '', 'ĐVT: 1.000 đồng']);
    ws.addRow(['STT', 'Họ và tên', 'Năm sinh', 'Số CCCD', 'Mức trợ cấp']);
    ws.addRow([1, 'Đoàn Văn Nghìn', 1950, '036050007777', 750]);
    const old = wb.addWorksheet('Tháng trước', { state: 'hidden' });
    old.addRow(['STT', 'Họ và tên', 'Năm sinh', 'Số CCCD', 'Mức trợ cấp']);
    old.addRow([1, 'Người Tháng Trước', 1930, '036030007777', 750]);
    const file = join(dir, 'DS nghin dong.xlsx');
    await wb.xlsx.writeFile(file);
    await login(page, DEMO.clerk, host.url);
    await page.getByTestId('nav-import').click();
    await page.getByTestId('import-file').setInputFiles(file);
    await expect(page.getByTestId('import-preview')).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId('import-amount-unit')).toContainText('đơn vị 1.000 đồng (750 là 750.000 đồng)');
    await expect(page.getByTestId('import-sample')).toContainText('750.000');
    // A hidden sheet (last month's) is named and left: nobody from it in the preview.
    await expect(page.getByTestId('import-hidden-sheet')).toContainText('đang ẩn trong tệp');
    await expect(page.getByTestId('import-sample')).not.toContainText('Người Tháng Trước');
    await page.getByTestId('import-cancel').click();
    await expect(page.getByTestId('import-cancelled')).toBeVisible();
  });

  test('the history lists every import; an older one can be undone, and says so', async ({ page }) => {
    await login(page, DEMO.clerk, host.url);
    await page.getByTestId('nav-import').click();
    const history = page.getByTestId('import-history');
    await expect(history.getByTestId('history-row').first()).toContainText('DS chi tra thang 5.xlsx');
    await expect(history.getByTestId('history-row').first()).toContainText(/Đã hoàn tác \d{2}\/\d{2}\/\d{4}/);
    await shot(page, '15-import-history');
  });

  test('importing the same file twice updates instead of duplicating', async ({ page }) => {
    await login(page, DEMO.clerk, host.url);
    await page.getByTestId('nav-import').click();
    await page.getByTestId('import-file').setInputFiles(workbook);
    await page.getByTestId('import-commit').click();
    await page.getByTestId('import-confirm-yes').click();
    await expect(page.getByTestId('import-done')).toBeVisible({ timeout: 30_000 });
    await page.getByTestId('import-section').getByRole('button', { name: 'Nhập tệp khác' }).click();
    await page.getByTestId('import-file').setInputFiles(workbook);
    await expect(page.getByTestId('count-imported').locator('.count-value')).toHaveText('0');
    await expect(page.getByTestId('count-unchanged').locator('.count-value')).toHaveText(String(expected.records.length));
    await expect(page.getByTestId('import-nothing')).toHaveText('Mọi đối tượng trong tệp đã có sẵn và không đổi: không có gì để nhập.');
    await expect(page.getByTestId('import-commit')).toHaveCount(0);
    expect(await countOnList(page)).toBe(PEOPLE + expected.records.length);
  });

  test('a long list shows, while it is read, how many rows have been read', async ({ page }) => {
    const long = join(dir, 'DS toan huyen.xlsx');
    await writeGovernmentWorkbook(long, { rows: 40_000, text: 'tcvn3', seed: 9 });
    await login(page, DEMO.clerk, host.url);
    await page.getByTestId('nav-import').click();
    await page.getByTestId('import-file').setInputFiles(long);
    await expect(page.getByTestId('import-rows-read')).toHaveText(/^Đã đọc \d{1,3}(\.\d{3})* dòng$/);
    await shot(page, '14b-import-reading');
    await expect(page.getByTestId('import-preview')).toBeVisible({ timeout: 60_000 });
    await expect(page.getByTestId('import-rows-read')).toHaveCount(0);
  });

  test('a file that is not a spreadsheet is refused in Vietnamese and nothing changes', async ({ page }) => {
    const pdf = join(dir, 'cong-van.pdf');
    writeFileSync(pdf, Buffer.concat([Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1'), Buffer.alloc(2048, 0)]));
    const notes = join(dir, 'ghi-chu.txt');
    writeFileSync(notes, 'Nhớ nộp báo cáo trước ngày 25.\nGọi lại cho anh Tuấn.\n');
    await login(page, DEMO.clerk, host.url);
    const before = await countOnList(page);

    await page.getByTestId('nav-import').click();
    await page.getByTestId('import-file').setInputFiles(pdf);
    await expect(page.getByTestId('error')).toHaveText('cong-van.pdf: Tệp này không phải bảng tính Excel (.xlsx, .xls) hay .csv / .txt (văn bản Unicode).');
    await expect(page.getByTestId('import-drop')).toBeVisible(); // the clerk can choose again at once
    await expect(page.getByTestId('import-preview')).toHaveCount(0);
    await shot(page, '15-import-refused');

    // A workbook saved with a password, and a zip bomb (an entry inflating ~1000×), each refused before any reading.
    const locked = join(dir, 'co-mat-khau.xlsx');
    writeFileSync(locked, zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'xl/workbook.xml': strToU8('<workbook/>'), EncryptionInfo: new Uint8Array(64) }));
    await page.getByTestId('import-file').setInputFiles(locked);
    await expect(page.getByTestId('error')).toHaveText('co-mat-khau.xlsx: Tệp Excel có mật khẩu; hãy mở bằng Excel, bỏ mật khẩu rồi nhập lại.');
    const bomb = join(dir, 'bom.xlsx');
    writeFileSync(bomb, zipSync({
      '[Content_Types].xml': strToU8('<Types/>'), 'xl/workbook.xml': strToU8('<workbook/>'), 'xl/worksheets/sheet1.xml': new Uint8Array(60 * 1024 * 1024),
    }, { level: 9 }));
    await page.getByTestId('import-file').setInputFiles(bomb);
    await expect(page.getByTestId('error')).toContainText('bom.xlsx: Tệp Excel khai báo dung lượng giải nén bất thường');
    await expect(page.getByTestId('import-drop')).toBeVisible();

    await page.getByTestId('import-file').setInputFiles(notes);
    await expect(page.getByTestId('import-nothing')).toContainText('Không tìm thấy dòng dữ liệu nào trong tệp này.');
    await expect(page.getByTestId('import-commit')).toHaveCount(0);
    await expect(page.getByTestId('error')).toHaveCount(0);
    expect(await countOnList(page)).toBe(before);
  });
});

test.describe('nhập danh sách: giá trị đã xác thực', () => {
  let vdir: string;
  let vhost: RunningHost;
  let person: { id: string; fullName: string; idNumber: string | null; birth: string | null };

  test.beforeAll(async () => {
    vdir = mkdtempSync(join(tmpdir(), 'ansinh-e2e-import-verified-'));
    person = makeDatabase(join(vdir, 'verified.db'), 40, { edits: true }).person!; // name and birth verified by chip
    vhost = await startHost(join(vdir, 'verified.db'), { ANSINH_UPLOADS_DIR: join(vdir, 'uploads') });
  });

  test.afterAll(async () => {
    await vhost?.stop();
    if (vdir) rmSync(vdir, { recursive: true, force: true });
  });

  test('a file that would change a chip-verified birth date shows the difference and keeps the verified value', async ({ page }) => {
    const [year, month, day] = person.birth!.split('-');
    const otherDay = day === '01' ? '02' : '01';
    const csv = join(vdir, 'danh sach xa.csv');
    writeFileSync(csv, [
      'STT,Họ và tên,Ngày sinh,Số CCCD,Thôn,Diện đối tượng,Mức trợ cấp',
      `1,${person.fullName},${otherDay}/${month}/${year},${person.idNumber},Xóm Mới,Người khuyết tật nặng,"1.500.000"`,
      '2,Lê Thị Mới,01/02/1950,,Thôn Đông,Người cao tuổi,"500.000"',
    ].join('\n'));
    await login(page, DEMO.clerk, vhost.url);
    await page.getByTestId('nav-import').click();
    await page.getByTestId('import-file').setInputFiles(csv);

    await expect(page.getByTestId('count-verifiedDifferences').locator('.count-value')).toHaveText('1');
    const diff = page.getByTestId('verified-difference-row');
    await expect(diff.locator('td').nth(0)).toHaveText('danh sach xa.csv · 2'); // a CSV's one sheet is named after the file
    await expect(diff.locator('td').nth(1)).toHaveText('Ngày sinh');
    await expect(diff.locator('td').nth(2)).toHaveText('Đã xác thực qua chip');
    await expect(diff.locator('td').nth(3)).toHaveText(`${day}/${month}/${year}`);
    await expect(diff.locator('td').nth(4)).toHaveText(`${otherDay}/${month}/${year}`);
    await expect(page.getByTestId('import-sheet').getByRole('heading', { level: 2 })).toHaveText('Trang tính “danh sach xa.csv”');
    await page.getByTestId('verified-differences').scrollIntoViewIfNeeded();
    await shot(page, '16-import-verified-difference');

    await diff.getByRole('button', { name: 'Xem hồ sơ' }).click();
    const detail = page.getByTestId('beneficiary-detail');
    await expect(detail.getByRole('heading', { level: 1 })).toHaveText(person.fullName);
    await detail.getByTestId('detail-back').click();

    await page.getByTestId('import-commit').click();
    await expect(page.getByTestId('import-confirm')).toContainText('Nhập 1 đối tượng mới, cập nhật 1?');
    await page.getByTestId('import-confirm-yes').click();
    await expect(page.getByTestId('import-done')).toBeVisible({ timeout: 30_000 });

    await page.getByTestId('import-show-list').click();
    await page.getByTestId('search').fill(person.fullName);
    await listSettled(page);
    await page.getByTestId('beneficiary-row').first().click();
    await expect(page.getByTestId('field-birth').locator('dd')).toContainText(`${day}/${month}/${year}`); // not overwritten
    await expect(page.getByTestId('verified-birth')).toHaveText('✓ Đã xác thực qua chip');
  });

  // Last in this file: it changes how this layout is read for the rest of the host's life.
  test('the clerk corrects the column mapping; the file is read again that way, and so is every later file of the layout', async ({ page }) => {
    await login(page, DEMO.clerk, host.url);
    await page.getByTestId('nav-import').click();
    await page.getByTestId('import-file').setInputFiles(workbook);
    const amountRow = page.getByTestId('mapping-row').and(page.locator('[data-field="monthlyAmount"]'));
    await expect(amountRow).toHaveCount(1);
    await expect(page.getByTestId('sample-row').first().locator('td').nth(7)).toHaveText(/₫$/);

    await page.getByTestId('mapping-edit').click();
    await page.getByTestId('mapping-select-monthlyAmount').selectOption('');
    await page.getByTestId('mapping-save').click();
    await expect(page.getByTestId('mapping-editor')).toHaveCount(0);
    await expect(amountRow).toHaveCount(0);
    await expect(page.getByTestId('sample-row').first().locator('td').nth(7)).not.toHaveText(/₫$/);
    await shot(page, '17-import-mapping-corrected');

    await page.reload();
    await login(page, DEMO.clerk, host.url);
    await page.getByTestId('nav-import').click();
    await page.getByTestId('import-file').setInputFiles(workbook);
    await expect(page.getByTestId('import-preview')).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId('mapping-row').and(page.locator('[data-field="fullName"]'))).toHaveCount(1);
    await expect(amountRow).toHaveCount(0);
  });
});
