import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { drawPortraitJpeg, startCardRig, type CardRig } from './support/card-rig';
import { DEMO, expect, login, test } from './support/fixtures';
import { makeDatabase, startHost, type RunningHost } from './support/host-process';
import { startInsuranceGateway, type InsuranceGateway } from '../support/insurance-gateway';

// The chip on the reception screen: pcscd + vpcd + the software CCCD chip (Nguyễn Thị Thu Hương, 001085012345), the
// headless host reading it, the test insurance gateway on loopback. A card pulled out mid-read gives one line, and the
// patient is checked in when it is read again.
let rig: CardRig;
let gw: InsuranceGateway;
let dir: string;
let host: RunningHost;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ browser }) => {
  test.setTimeout(300_000); // waits for other card tests holding the pcscd lock
  rig = await startCardRig(await drawPortraitJpeg(browser));
  gw = await startInsuranceGateway({
    cards: [{ cardCode: 'GD4010123456789', idNumber: '001085012345', fullName: 'Nguyễn Thị Thu Hương', birth: '07/03/1985', initialFacility: '01055' }],
  });
  dir = mkdtempSync(join(tmpdir(), 'ansinh-e2e-clinic-card-'));
  makeDatabase(join(dir, 'clinic.db'), 10);
  host = await startHost(join(dir, 'clinic.db'), {
    ANSINH_INSURANCE_GATEWAY: gw.url, ANSINH_INSURANCE_USER: gw.username, ANSINH_INSURANCE_PASSWORD: gw.password, ANSINH_INSURANCE_FACILITY: '01054',
  });
});

test.afterAll(async () => {
  await host?.stop();
  await gw?.stop();
  await rig?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('card on the reader: identity with the chip photo and the insurance status; a chip pulled out mid-read is one line, then read again', async ({ page }) => {
  test.setTimeout(120_000);
  await login(page, DEMO.clinic, host.url);
  await page.getByTestId('officer-name').fill('Trần Văn Bình');
  await page.getByTestId('officer-id').fill('037090001234');
  await page.getByTestId('officer-save').click();
  await expect(page.getByTestId('reader-availability')).toHaveText('Sẵn sàng');
  await expect(page.locator('[data-testid="reader"][data-card-present="true"]')).toHaveCount(1);

  // Pulled out while the chip is being opened: one clear line, a way on, nothing recorded.
  rig.card.removeAtApdu(5);
  await page.getByTestId('clinic-can').fill(rig.chip.can);
  await page.getByTestId('clinic-read').click();
  await expect(page.getByTestId('clinic-failed')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('clinic-failed').getByRole('alert')).not.toBeEmpty();
  await expect(page.getByTestId('clinic-failed')).toContainText('Nhập tay');
  await expect(page.getByTestId('visit-row')).toHaveCount(0);

  await rig.card.insert();
  await expect(page.locator('[data-testid="reader"][data-card-present="true"]')).toHaveCount(1);
  await page.getByTestId('clinic-failed').getByRole('button').click(); // Thử lại
  await expect(page.getByTestId('queue-number').locator('strong')).toHaveText('1', { timeout: 30_000 });
  const photo = page.getByTestId('visit-photo');
  await expect(photo).toHaveAttribute('src', /^data:image\/jpeg;base64,/, { timeout: 30_000 });
  expect(await photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(300);
  await expect(page.getByTestId('visit-name').locator('dd')).toHaveText('Nguyễn Thị Thu Hương');
  await expect(page.getByTestId('visit-id').locator('dd')).toHaveText('001 085 012345');
  await expect(page.getByTestId('insurance-status')).toHaveAttribute('data-status', 'valid');
  await expect(page.getByTestId('insurance-facility').locator('dd')).toContainText('(cơ sở khác)');
  await expect(page.getByTestId('visit-row')).toHaveCount(1);

  // Pulled out inside the photo, once the identity was read and checked: the patient is checked in all the same
  // (identity and insurance on screen, the visit recorded), and a line says the photo could not be read and why.
  await page.getByRole('button', { name: 'Tiếp đón người tiếp theo' }).click();
  rig.card.removeAtApdu(40);
  await page.getByTestId('clinic-can').fill(rig.chip.can);
  await page.getByTestId('clinic-read').click();
  await expect(page.getByTestId('queue-number').locator('strong')).toHaveText('2', { timeout: 30_000 });
  await expect(page.getByTestId('visit-name').locator('dd')).toHaveText('Nguyễn Thị Thu Hương');
  await expect(page.getByTestId('visit-photo-failure')).toContainText('Không đọc được ảnh trên chip', { timeout: 30_000 });
  await expect(page.getByTestId('visit-no-photo')).toHaveText('Không đọc được ảnh');
  await rig.card.insert();
  await expect(page.getByTestId('visit-row')).toHaveCount(2);
});
