import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from '@playwright/test';
import { DEMO, expect, login, test } from './support/fixtures';
import { scanWithWedge } from './support/scanner';
import { makeDatabase, startHost, type RunningHost } from './support/host-process';
import { repoRoot } from './support/paths';
import { startInsuranceGateway, type InsuranceGateway } from '../support/insurance-gateway';

// Clinic reception against the headless host and the test insurance gateway on loopback: typed identity, the CCCD's
// QR from a keyboard-wedge scanner, another kind of QR, the gateway down (last known status, then the update), the
// slip and the day's workbook. The chip path is measured through the same host by `npm run bench:checkin`.
const HUONG = { cardCode: 'GD4010123456789', idNumber: '001085012345', fullName: 'Nguyễn Thị Thu Hương', birth: '07/03/1985', sex: 'Nữ' as const,
  initialFacility: '01054', validFrom: '01/01/2026', validTo: '31/12/2026', fiveYearsFrom: '01/01/2024' };
const QR = '001085012345|012345678|Nguyễn Thị Thu Hương|07031985|Nữ|Số nhà 18, Ngõ 112 Đường Nguyễn Khánh Toàn, Phường Quan Hoa, Quận Cầu Giấy, Thành phố Hà Nội|10072021';
const shot = (page: Page, name: string) => page.screenshot({ path: join(repoRoot, 'test-results/screens', `${name}.png`), fullPage: false });

let gw: InsuranceGateway;
let dir: string;
let host: RunningHost;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  gw = await startInsuranceGateway({ officers: [{ fullName: 'Trần Văn Bình', idNumber: '037090001234' }], cards: [HUONG] });
  dir = mkdtempSync(join(tmpdir(), 'ansinh-e2e-clinic-'));
  makeDatabase(join(dir, 'clinic.db'), 20);
  // The administrator names the facility (ansinh clinic settings): its name heads the check-in slip.
  execFileSync(process.execPath, ['bin/ansinh.mjs', 'clinic', 'settings', '--endpoint', gw.url, '--username', gw.username, '--password',
    '--facility-code', '01054', '--facility-name', 'Trạm Y tế xã Bình Sơn', '--db', join(dir, 'clinic.db')],
  { cwd: repoRoot, stdio: 'pipe', env: { ...process.env, ANSINH_USER: 'quantri', ANSINH_PASSWORD: 'quantri123!', ANSINH_INSURANCE_PASSWORD: gw.password } });
  host = await startHost(join(dir, 'clinic.db'), {
    ANSINH_INSURANCE_GATEWAY: gw.url, ANSINH_INSURANCE_USER: gw.username, ANSINH_INSURANCE_PASSWORD: gw.password, ANSINH_INSURANCE_FACILITY: '01054',
    ANSINH_INSURANCE_TIMEOUT_MS: '1500', ANSINH_CLINIC_RETRY_MS: '300',
  });
});

test.afterAll(async () => {
  await host?.stop();
  await gw?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('reception checks patients in: typed, by QR scan, with the gateway down and back; prints the slip; exports the day', async ({ page }) => {
  test.setTimeout(90_000);
  await login(page, DEMO.clinic, host.url);
  await expect(page.getByTestId('nav-clinic')).toBeVisible();
  await expect(page.getByTestId('nav-beneficiaries')).toHaveCount(0); // never welfare data
  await expect(page.getByTestId('clinic-section')).toBeVisible();

  // First the officer's own name and CCCD, which the gateway requires; bad input is refused at the field.
  await page.getByTestId('officer-name').fill('Trần Văn Bình');
  await page.getByTestId('officer-id').fill('0370900');
  await page.getByTestId('officer-save').click();
  await expect(page.getByTestId('officer-form').getByRole('alert')).toHaveText('Số CCCD phải có 12 chữ số.');
  await page.getByTestId('officer-id').fill('037090001234');
  await page.getByTestId('officer-save').click();
  await expect(page.getByTestId('officer-shown')).toContainText('Trần Văn Bình');

  // Typed: bad birth at the field, then checked in.
  await page.getByTestId('clinic-mode-typed').check();
  await page.getByTestId('clinic-reason').fill('Khám ho, sốt');
  await page.getByTestId('typed-id').fill('001085012345');
  await page.getByTestId('typed-name').fill('Nguyễn Thị Thu Hương');
  await page.getByTestId('typed-birth').fill('31/02/1985');
  await page.getByTestId('typed-submit').click();
  await expect(page.getByTestId('typed-birth-error')).toBeVisible();
  await page.getByTestId('typed-birth').fill('07/03/1985');
  await page.getByTestId('typed-submit').click();
  await expect(page.getByTestId('queue-number').locator('strong')).toHaveText('1');
  const status = page.getByTestId('insurance-status');
  await expect(status).toHaveAttribute('data-status', 'valid');
  await expect(page.getByTestId('insurance-line')).toContainText('Thẻ BHYT còn giá trị, thông tin đúng.');
  await expect(page.getByTestId('insurance-cardCode').locator('dd')).toHaveText('GD4010123456789');
  await expect(page.getByTestId('insurance-benefit').locator('dd')).toHaveText('Mức 4 (80 %)');
  await expect(page.getByTestId('insurance-validity').locator('dd')).toHaveText('01/01/2026 – 31/12/2026');
  await expect(page.getByTestId('insurance-facility').locator('dd')).toContainText('(tại cơ sở này)');
  await expect(page.getByTestId('insurance-fiveYears').locator('dd')).toHaveText('01/01/2024');
  await shot(page, '60-clinic-checked-in');

  // Only the slip prints, on A5 (the print CSS hides the screen).
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByTestId('checkin-slip')).toBeVisible();
  await expect(page.getByTestId('slip-number')).toHaveText('1');
  await expect(page.getByTestId('checkin-slip').locator('.slip-facility')).toHaveText('Trạm Y tế xã Bình Sơn');
  await expect(page.getByTestId('clinic-next')).toBeHidden();
  const pdf = await page.pdf({ preferCSSPageSize: true });
  expect(pdf.byteLength).toBeGreaterThan(1000);
  await page.emulateMedia({ media: 'screen' });

  // A QR from a scanner (fast keystrokes, Enter) checks the next patient in; another kind of QR says so.
  await page.getByTestId('clinic-next').click();
  await scanWithWedge(page, 'https://example.vn/thanh-toan?ma=123456789');
  await expect(page.getByTestId('clinic-qr-other')).toHaveText(/không phải của thẻ căn cước hay thẻ BHYT/);
  await scanWithWedge(page, QR);
  await expect(page.getByTestId('queue-number').locator('strong')).toHaveText('2');
  await expect(page.getByTestId('visit-id').locator('dd')).toHaveText('001 085 012345');
  await expect(status).toHaveAttribute('data-status', 'valid');

  // The gateway down: the last known status, marked not checked today, within seconds; updated when it answers.
  gw.setDown(true);
  await page.getByTestId('clinic-next').click();
  const started = Date.now();
  await scanWithWedge(page, QR);
  await expect(page.getByTestId('queue-number').locator('strong')).toHaveText('3');
  expect(Date.now() - started).toBeLessThan(4000);
  await expect(status).toHaveAttribute('data-source', 'cache');
  await expect(page.getByTestId('insurance-cached')).toContainText('CHƯA KIỂM TRA HÔM NAY');
  await expect(page.getByTestId('insurance-pending')).toBeVisible();
  await shot(page, '61-clinic-gateway-down');
  gw.setDown(false);
  await expect(status).toHaveAttribute('data-source', 'gateway', { timeout: 15_000 });
  await expect(page.getByTestId('insurance-cached')).toHaveCount(0);
  await expect(page.getByTestId('insurance-pending')).toHaveCount(0);

  // The day's list and its workbook.
  await expect(page.getByTestId('visit-row')).toHaveCount(3);
  const download = page.waitForEvent('download');
  await page.getByTestId('clinic-export').click();
  const file = await (await download).path();
  await expect(page.getByTestId('clinic-exported')).toContainText('3 lượt');
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file!);
  expect(book.worksheets[0]!.getRow(4).getCell(3).value).toBe('Nguyễn Thị Thu Hương');
  expect(book.worksheets[0]!.getRow(4).getCell(18).value).toBe('Trần Văn Bình');
});

test('at 1024×768 the check-in fits: the status and the queue number in view', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await login(page, DEMO.clinic, host.url);
  await page.getByTestId('clinic-mode-typed').check();
  await page.getByTestId('typed-id').fill('HS4019999999999');
  await page.getByTestId('typed-name').fill('Lê Văn Cường');
  await page.getByTestId('typed-birth').fill('1990');
  await page.getByTestId('typed-submit').click();
  await expect(page.getByTestId('insurance-status')).toHaveAttribute('data-status', 'not-found');
  await expect(page.getByTestId('queue-number')).toBeInViewport();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await shot(page, '62-clinic-1024');
});

test('the administrator sets the gateway under Quản trị → Tiếp đón: bad values at the field, the password never shown again', async ({ page }) => {
  await login(page, DEMO.admin, host.url);
  await page.getByTestId('nav-admin').click();
  await page.getByTestId('admin-tab-clinic').click();
  const form = page.getByTestId('clinic-settings');
  await expect(form).toContainText('ANSINH_INSURANCE_'); // this host's gateway comes from its environment, and says so
  await page.getByTestId('clinic-setting-endpoint').fill('cong-bhxh');
  await page.getByTestId('clinic-setting-username').fill('');
  await page.getByTestId('clinic-setting-facilityCode').fill('1054');
  await page.getByTestId('clinic-settings-save').click();
  // address, username, facility code; the password was saved before (beforeAll), so an empty box keeps it
  await expect(form.getByRole('alert')).toHaveCount(3);
  await page.getByTestId('clinic-setting-endpoint').fill('https://egw.baohiemxahoi.gov.vn');
  await page.getByTestId('clinic-setting-username').fill('01054_BV');
  await page.getByTestId('clinic-setting-password').fill('mat-khau-co-so');
  await page.getByTestId('clinic-setting-facilityCode').fill('01 - 054');
  await page.getByTestId('clinic-settings-save').click();
  await expect(page.getByTestId('clinic-settings-saved')).toBeVisible();
  await page.getByTestId('admin-tab-users').click(); // the panel is read again from the services
  await page.getByTestId('admin-tab-clinic').click();
  await expect(page.getByTestId('clinic-setting-facilityCode')).toHaveValue('01054');
  await expect(page.getByTestId('clinic-setting-password')).toHaveValue('');
  await expect(page.getByTestId('clinic-setting-password')).toHaveAttribute('placeholder', /giữ mật khẩu đã lưu/);
});
