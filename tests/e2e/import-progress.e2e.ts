import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { writeGovernmentWorkbook, type ExpectedImport } from '../fixtures/excel/government-xlsx';
import { DEMO, expect, listSettled, login, shownCount, test } from './support/fixtures';
import { makeDatabase, startHost, type RunningHost } from './support/host-process';

// A 40,000-row list being written: the screen shows a real progress bar (rows written of rows to write), the
// rest of the app answers meanwhile (a second window's list), and "Huỷ" — after a confirmation — rolls the
// whole import back; imported again, it goes through to the end.
const PEOPLE = 40;
const ROWS = 40_000;

let dir: string;
let host: RunningHost;
let workbook: string;
let expected: ExpectedImport;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(300_000);
  dir = mkdtempSync(join(tmpdir(), 'ansinh-e2e-import-progress-'));
  makeDatabase(join(dir, 'progress.db'), PEOPLE);
  workbook = join(dir, 'DS chi tra ca huyen.xlsx');
  expected = await writeGovernmentWorkbook(workbook, { rows: ROWS, text: 'tcvn3', seed: 40 });
  host = await startHost(join(dir, 'progress.db'), { ANSINH_UPLOADS_DIR: join(dir, 'uploads') });
});

test.afterAll(async () => {
  await host?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function countOnList(page: Page): Promise<number> {
  await page.getByTestId('nav-beneficiaries').click();
  await listSettled(page);
  return shownCount(page);
}

const written = (text: string | null) => Number(/Đã ghi ([\d.]+) \//.exec(text ?? '')?.[1].replace(/\./g, '') ?? -1);

test('a large import shows rows written of rows to write, leaves the app answering, and cancels to nothing', async ({ page, browser }) => {
  test.setTimeout(600_000);
  const total = expected.records.length;
  const totalText = total.toLocaleString('vi-VN');
  await login(page, DEMO.clerk, host.url);
  expect(await countOnList(page)).toBe(PEOPLE);
  const other = await (await browser.newContext({ viewport: { width: 1024, height: 768 } })).newPage();
  await login(other, DEMO.clerk, host.url);

  await page.getByTestId('nav-import').click();
  await page.getByTestId('import-file').setInputFiles(workbook);
  await expect(page.getByTestId('import-preview')).toBeVisible({ timeout: 240_000 });

  await page.getByTestId('import-commit').click();
  await page.getByTestId('import-confirm-yes').click();
  const line = page.getByTestId('import-commit-written');
  await expect(line).toHaveText(new RegExp(`^Đã ghi [\\d.]+ / ${totalText.replace(/\./g, '\\.')} dòng$`), { timeout: 60_000 });
  await expect.poll(async () => written(await line.textContent()), { timeout: 120_000 }).toBeGreaterThan(0);
  const bar = page.getByTestId('import-commit-bar');
  expect(Number(await bar.getAttribute('max'))).toBe(total);
  const first = written(await line.textContent());

  // Meanwhile another window's list answers at once, without a row of the unfinished import.
  const asked = Date.now();
  expect(await countOnList(other)).toBe(PEOPLE);
  expect(Date.now() - asked).toBeLessThan(15_000);
  await expect.poll(async () => written(await line.textContent()), { timeout: 120_000 }).toBeGreaterThan(first);

  // Huỷ asks first; confirmed, the import is rolled back and the preview is back with the reason.
  await page.getByTestId('import-commit-cancel').click();
  await expect(page.getByTestId('import-commit-cancel-confirm')).toContainText('Huỷ việc nhập?');
  await page.getByTestId('import-commit-cancel-yes').click();
  await expect(page.getByTestId('import-preview')).toBeVisible({ timeout: 120_000 });
  await expect(page.getByTestId('error')).toContainText('Đã huỷ');
  expect(await countOnList(other)).toBe(PEOPLE);
  await other.context().close();
});
