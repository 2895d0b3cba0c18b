import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO, expect, login, test } from './support/fixtures';
import { startHost, type RunningHost } from './support/host-process';
import { startSyncRigProcess, type SyncRigProcess } from './support/sync-rig-process';

// Sync as the office sees it, against a real hub: "Cần xử lý" decided with its buttons (sync.resolve) and the
// decision reaching the office above; a commune's USB bundle dropped on Tổng hợp, relayed to the hub, its record
// received, and the hub's receipt handed back for the commune.

let dir: string;
let rig: SyncRigProcess;
let host: RunningHost;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ansinh-e2e-sync-'));
  rig = await startSyncRigProcess(dir);
  host = await startHost(rig.deskPath, { ANSINH_UPLOADS_DIR: join(dir, 'uploads') });
});

test.afterAll(async () => {
  await host?.stop();
  await rig?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('Cần xử lý: the clerk takes the other side\'s value for one field and keeps ours for another; every office ends on the decisions', async ({ page }) => {
  await login(page, DEMO.clerk, host.url);
  await page.getByTestId('nav-sync').click();
  const issues = page.getByTestId('sync-issues').locator('tbody tr');
  const [first, second] = rig.conflicts;
  const rowOf = (c: (typeof rig.conflicts)[number]) => issues.filter({ hasText: c.theirs });
  await expect(rowOf(first)).toContainText(first.ours);
  await expect(rowOf(second)).toContainText(second.ours);

  await rowOf(first).getByRole('button', { name: 'Lấy giá trị bên kia' }).click();
  await expect(page.getByTestId('sync-result')).toHaveText('Đã lấy giá trị bên kia; các nơi khác nhận theo khi đồng bộ.');
  await expect(rowOf(first)).toHaveCount(0);
  await rowOf(second).getByRole('button', { name: 'Giữ giá trị ở đây' }).click();
  await expect(page.getByTestId('sync-result')).toHaveText('Đã giữ giá trị ở đây; các nơi khác nhận theo khi đồng bộ.');
  // Our own changes the hub held for the same fields were settled with the decisions.
  await expect(page.getByText('Không có thay đổi nào cần xử lý.')).toBeVisible();

  await page.getByTestId('sync-now').click();
  await expect(page.getByTestId('sync-result')).toContainText('Đã gửi');
  expect(await rig.ask({ do: 'above-villages', ids: [first.id, second.id] })).toEqual([first.theirs, second.ours]);
});

test('Tổng hợp: a commune\'s USB bundle is previewed as a bundle, relayed to the hub, its record received and the receipt handed back', async ({ page }) => {
  await login(page, DEMO.district, host.url);
  await page.getByTestId('nav-consolidation').click();
  await page.getByTestId('consolidation-files').setInputFiles(rig.bundlePath);
  const row = page.getByTestId('consolidation-file');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('Xã Bình Sơn');
  await expect(row.getByTestId('consolidation-bundle')).toContainText('gói đồng bộ số 1');
  expect(await rig.ask({ do: 'hub-bundles' })).toEqual([]); // previewed only: nothing relayed yet

  await page.getByTestId('consolidation-commit').click();
  const report = page.getByTestId('consolidation-report');
  await expect(report).toContainText('xa-may-2-so-1.ansinh');
  await expect(report).toContainText('xa-may-2-so-1.ansinh → Xã Bình Sơn: 1 mới');
  expect(await rig.ask({ do: 'hub-bundles' })).toEqual([[rig.offlineDevice, 1]]);

  const download = page.waitForEvent('download');
  await page.getByTestId('consolidation-receipts').getByRole('button').click();
  const receipt = join(dir, 'bien-nhan.ansinh');
  await (await download).saveAs(receipt);
  expect(await rig.ask({ do: 'import-receipt', path: receipt })).toMatchObject({ number: 1, acked: expect.any(Number) });

  await page.getByTestId('nav-beneficiaries').click();
  await page.getByTestId('search').fill(rig.bundledName);
  await expect(page.getByTestId('beneficiary-row').filter({ hasText: rig.bundledName })).toHaveCount(1);
});
