import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { drawPortraitJpeg, startCardRig, type CardRig } from './support/card-rig';
import { DEMO, expect, login, test } from './support/fixtures';
import { scanWithWedge } from './support/scanner';
import { makeDatabase, startHost, type RunningHost } from './support/host-process';
import { repoRoot } from './support/paths';

// The card screen against the headless host reading a real PC/SC stack: pcscd + vpcd + the software CCCD chip
// (Nguyễn Thị Thu Hương, ID 001085012345, born 07/03/1985). Two databases: one where she is not on the list yet,
// one where she is, with her birth day and month swapped. The hosts are `ansinh serve`, reading through pcscd.
const HOLDER = 'Nguyễn Thị Thu Hương';
const QR = '001085012345|012345678|Nguyễn Thị Thu Hương|07031985|Nữ|Số nhà 18, Ngõ 112 Đường Nguyễn Khánh Toàn, Phường Quan Hoa, Quận Cầu Giấy, Thành phố Hà Nội|10072021';
const shot = (page: Page, name: string) => page.screenshot({ path: join(repoRoot, 'test-results/screens', `${name}.png`), fullPage: false });

let rig: CardRig;
let dir: string;
let fresh: RunningHost;
let listed: RunningHost;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ browser }) => {
  test.setTimeout(300_000); // waits for other card tests holding the pcscd lock
  rig = await startCardRig(await drawPortraitJpeg(browser));
  dir = mkdtempSync(join(tmpdir(), 'ansinh-e2e-card-'));
  makeDatabase(join(dir, 'fresh.db'), 40);
  makeDatabase(join(dir, 'listed.db'), 40, { cardPerson: true });
  fresh = await startHost(join(dir, 'fresh.db'));
  listed = await startHost(join(dir, 'listed.db'));
  // A read counts as verified only when its signer chains to an imported CSCA: the administrator imports the
  // test chip's country signing certificate into both offices, through the contract.
  for (const host of [fresh, listed]) await importCsca(host, rig.chip.files.pki.csca.der);
});

async function importCsca(host: RunningHost, der: Uint8Array): Promise<void> {
  const url = new URL(host.url);
  const headers = { Origin: url.origin, 'X-Ansinh-Key': new URLSearchParams(url.hash.slice(1)).get('k')! };
  const post = async (path: string, body: BodyInit, type: string) =>
    (await (await fetch(url.origin + path, { method: 'POST', headers: { ...headers, 'Content-Type': type }, body })).json()) as { ok: boolean; output: Record<string, string> };
  const call = (method: string, input: unknown, token?: string) => post('/api/call', JSON.stringify({ method, input, token }), 'application/json');
  const login = await call('auth.login', DEMO.admin);
  const upload = await post('/api/upload', new Uint8Array(der), 'application/octet-stream');
  const imported = await call('card.importCsca', { fileRef: upload.output.fileRef }, login.output.token);
  if (!imported.ok) throw new Error(`CSCA import failed: ${JSON.stringify(imported)}`);
}

test.afterAll(async () => {
  await fresh?.stop();
  await listed?.stop();
  await rig?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function openCardScreen(page: Page, account: { username: string; password: string }, url: string) {
  await login(page, account, url);
  if (await page.getByTestId('nav-card').isVisible()) await page.getByTestId('nav-card').click();
  await expect(page.getByTestId('card-section')).toBeVisible();
  await expect(page.getByTestId('reader-availability')).toHaveText('Sẵn sàng');
  await expect(page.locator('[data-testid="reader"][data-card-present="true"]')).toHaveCount(1); // the chip sits on one of vpcd's two readers
}

async function readWithCan(page: Page, can: string) {
  await page.getByTestId('card-can').fill(can);
  await page.getByTestId('card-read').click();
  await expect(page.getByTestId('card-trust')).toBeVisible({ timeout: 30_000 });
}

test.describe('đọc thẻ căn cước', () => {
  test('a clerk reads the chip with the CAN, sees it verified with its photo, and creates the record from the card', async ({ page }) => {
    await openCardScreen(page, DEMO.clerk, fresh.url);
    await shot(page, '20-card-ready');
    await readWithCan(page, rig.chip.can);

    await expect(page.getByTestId('card-trust')).toHaveAttribute('data-verified', 'true');
    await expect(page.getByTestId('card-trust')).toContainText('Dữ liệu chip hợp lệ, đã xác thực chữ ký');
    const photo = page.getByTestId('card-photo');
    await expect(photo).toHaveAttribute('src', /^data:image\/jpeg;base64,/);
    expect(await photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(300); // decoded, not a broken icon
    await expect(page.getByTestId('card-field-fullName').locator('dd')).toHaveText(HOLDER);
    await expect(page.getByTestId('card-field-idNumber').locator('dd')).toHaveText('001 085 012345');
    await expect(page.getByTestId('card-field-birth').locator('dd')).toHaveText('07/03/1985');
    await expect(page.getByTestId('card-field-sex').locator('dd')).toHaveText('Nữ');
    await expect(page.getByTestId('card-field-expiryDate').locator('dd')).toHaveText('07/03/2045');
    await expect(page.getByTestId('card-field-father').locator('dd')).toHaveText('Nguyễn Văn Hùng');
    await expect(page.getByTestId('trust-details')).not.toHaveAttribute('open'); // details fold away when all is valid
    await page.mouse.move(0, 0);
    await shot(page, '21-card-read-verified');

    await expect(page.getByTestId('no-match')).toHaveText('Chưa có hồ sơ nào của người này trong danh sách.');
    await page.getByTestId('new-village').fill('Thôn Đông');
    await page.getByTestId('new-group').selectOption('BTXH');
    await page.getByTestId('new-label').fill('Người khuyết tật nặng');
    await page.getByTestId('new-record-form').scrollIntoViewIfNeeded();
    await shot(page, '21b-card-new-record');
    await page.getByTestId('new-record-create').click();

    await expect(page.getByTestId('verification-notice')).toHaveText(`Đã tạo hồ sơ mới cho ${HOLDER}.`);
    await expect(page.getByTestId('compare-summary')).toHaveText('Hồ sơ khớp với thẻ ở mọi thông tin.');
    await expect(page.getByTestId('compare-row').first()).toBeVisible();
    await expect(page.getByTestId('compare-row').and(page.locator('[data-same="false"]'))).toHaveCount(0);
    await page.getByTestId('save-photo').click();
    await expect(page.getByTestId('verification-notice')).toHaveText('Đã lưu ảnh chân dung vào hồ sơ.');

    await page.getByTestId('open-record').click();
    const detail = page.getByTestId('beneficiary-detail');
    await expect(detail.getByRole('heading', { level: 1 })).toHaveText(HOLDER);
    await expect(detail.getByTestId('verified-fullName')).toHaveText('✓ Đã xác thực qua chip');
    await expect(detail.getByTestId('field-village').locator('dd')).toHaveText('Thôn Đông');
    await detail.getByTestId('detail-back').click();

    // Reading the same card again finds the new record by its ID, with nothing to change.
    await page.getByTestId('card-another').click();
    await readWithCan(page, rig.chip.can);
    await expect(page.getByTestId('matched-by')).toHaveText('Tìm thấy hồ sơ theo số định danh.');
    await expect(page.getByTestId('compare-summary')).toHaveText('Hồ sơ khớp với thẻ ở mọi thông tin.');
    await expect(page.getByTestId('no-match')).toHaveCount(0);
  });

  test('a QR scan burst fills the CAN whatever field has focus, and Enter then reads the card', async ({ page }) => {
    await openCardScreen(page, DEMO.clerk, fresh.url);
    await page.getByTestId('card-can').click();
    await scanWithWedge(page, QR);
    await expect(page.getByTestId('qr-result')).toBeVisible();
    await expect(page.getByTestId('card-can')).toHaveValue('012345'); // nothing of the burst left in the field
    await expect(page.getByTestId('qr-name')).toHaveText(HOLDER);
    await expect(page.getByTestId('qr-id')).toHaveText('001 085 012345');
    await expect(page.getByTestId('card-read')).toBeFocused();
    await shot(page, '22-card-qr-scanned');

    await page.keyboard.press('Enter');
    await expect(page.getByTestId('card-trust')).toHaveAttribute('data-verified', 'true', { timeout: 30_000 });

    // Scanned while another kind of field has focus (the new-record form is gone: she is on the list now).
    await page.getByTestId('card-another').click();
    await page.getByTestId('access-mrz').check();
    await page.getByTestId('card-mrz').click();
    await scanWithWedge(page, QR);
    await expect(page.getByTestId('card-can')).toHaveValue('012345');
    await expect(page.getByTestId('qr-name')).toHaveText(HOLDER);

    // Ordinary typing is not a scan.
    await page.getByTestId('card-can').fill('');
    await page.getByTestId('card-can').pressSequentially('123456', { delay: 90 });
    await expect(page.getByTestId('card-can')).toHaveValue('123456');
  });

  test('a wrong CAN is refused with a plain message', async ({ page }) => {
    await openCardScreen(page, DEMO.clerk, fresh.url);
    await page.getByTestId('card-can').fill(rig.chip.can === '000000' ? '111111' : '000000');
    await page.getByTestId('card-read').click();
    await expect(page.getByTestId('error')).toContainText('Không mở được chip: số CAN', { timeout: 30_000 });
    await expect(page.getByTestId('card-result')).toHaveCount(0);
  });

  test('without the CAN, the ID number with birth and expiry dates opens the chip too', async ({ page }) => {
    await openCardScreen(page, DEMO.clerk, fresh.url);
    await page.getByTestId('access-bac').check();
    await page.getByTestId('card-id').fill('001 085 012345');
    await page.getByTestId('card-birth').fill('07/03/1985');
    await page.getByTestId('card-expiry').fill('07/03/204');
    await expect(page.getByTestId('card-read')).toBeDisabled();
    await page.getByTestId('card-expiry').fill('07/03/2045');
    await expect(page.getByTestId('access-invalid')).toHaveCount(0);
    await page.getByTestId('card-read').click();
    await expect(page.getByTestId('card-trust')).toHaveAttribute('data-verified', 'true', { timeout: 30_000 });
    await expect(page.getByTestId('card-field-idNumber').locator('dd')).toHaveText('001 085 012345');
  });

  test('clinic reception reads the card and sees the identity only: no record lookup, no verify buttons', async ({ page }) => {
    const welfareCalls: string[] = [];
    page.on('request', (r) => {
      if (r.url().endsWith('/api/call') && /"(beneficiaries|identity|mismatches)\./.test(r.postData() ?? '')) welfareCalls.push(r.postData()!);
    });
    await openCardScreen(page, DEMO.clinic, fresh.url);
    await expect(page.getByTestId('card-purpose')).toHaveCount(0);
    await readWithCan(page, rig.chip.can);
    await expect(page.getByTestId('card-trust')).toHaveAttribute('data-verified', 'true');
    await expect(page.getByTestId('card-field-fullName').locator('dd')).toHaveText(HOLDER);
    await expect(page.getByTestId('card-photo')).toBeVisible();
    await expect(page.getByTestId('card-verification')).toHaveCount(0);
    await expect(page.getByTestId('accept-card-values')).toHaveCount(0);
    await expect(page.getByTestId('new-record-form')).toHaveCount(0);
    await expect(page.getByText('Mức trợ cấp')).toHaveCount(0);
    await shot(page, '23-card-clinic');
    expect(welfareCalls).toEqual([]);
  });
});

test.describe('hàng đợi sai lệch', () => {
  test('a difference found on the card goes to the queue, shows there, and is accepted from the card', async ({ page }) => {
    await login(page, DEMO.clerk, listed.url);
    await page.getByTestId('nav-discrepancies').click();
    await expect(page.getByTestId('mismatch-empty')).toBeVisible();

    await page.getByTestId('nav-card').click();
    await expect(page.locator('[data-testid="reader"][data-card-present="true"]')).toHaveCount(1);
    await readWithCan(page, rig.chip.can);
    await expect(page.getByTestId('matched-by')).toHaveText('Tìm thấy hồ sơ theo số định danh.');
    const birth = page.getByTestId('compare-row').and(page.locator('[data-field="birth"]'));
    await expect(birth).toHaveAttribute('data-same', 'false');
    await expect(birth.locator('td').nth(0)).toHaveText('03/07/1985');
    await expect(birth.locator('td').nth(1)).toHaveText('07/03/1985');
    await expect(page.getByTestId('compare-summary')).toHaveText('1 thông tin khác với thẻ.');
    await expect(page.getByTestId('take-birth')).toBeChecked();
    await page.getByTestId('card-verification').scrollIntoViewIfNeeded();
    await shot(page, '24-card-compare-difference');
    await page.getByTestId('queue-mismatches').click();
    await expect(page.getByTestId('verification-notice')).toHaveText('Đã đưa 1 sai lệch vào hàng đợi để xử lý sau.');

    await page.getByTestId('nav-discrepancies').click();
    const row = page.getByTestId('mismatch-row');
    await expect(row).toHaveCount(1);
    // Name (with the village under it), field, ours, the card's, source, the decisions, status.
    await expect(row.locator('td')).toHaveText([new RegExp(`^${HOLDER}`), 'Ngày sinh', '03/07/1985', '07/03/1985', 'Thẻ căn cước (chip)', /Nhận giá trị nguồn/, 'Đang chờ xử lý']);
    await expect(page.getByTestId('mismatch-count')).toHaveText('1 sai lệch');
    await shot(page, '25-mismatch-queue');
    await row.click();
    await expect(page.getByTestId('beneficiary-detail').getByRole('heading', { level: 1 })).toHaveText(HOLDER);
    await page.getByTestId('detail-back').click();

    // The clerk checks the papers: the card is right. Read it again and take its birth date.
    await page.getByTestId('nav-card').click();
    await readWithCan(page, rig.chip.can);
    await expect(page.getByTestId('take-birth')).toBeChecked();
    await page.getByTestId('accept-card-values').click();
    await expect(page.getByTestId('verification-notice')).toHaveText('Đã cập nhật hồ sơ từ thẻ; các thông tin đã chọn được đánh dấu “đã xác thực qua chip”.');
    await expect(page.getByTestId('compare-summary')).toHaveText('Hồ sơ khớp với thẻ ở mọi thông tin.');

    await page.getByTestId('nav-discrepancies').click();
    await expect(page.getByTestId('mismatch-empty')).toBeVisible();
    await page.getByTestId('mismatch-status').selectOption('accepted');
    await expect(page.getByTestId('mismatch-row').locator('td').last()).toHaveText('Đã nhận giá trị nguồn');
    await page.getByTestId('mismatch-row').click();
    const detail = page.getByTestId('beneficiary-detail');
    await expect(detail.getByTestId('field-birth').locator('dd')).toContainText('07/03/1985');
    await expect(detail.getByTestId('verified-birth')).toHaveText('✓ Đã xác thực qua chip');
  });
});
