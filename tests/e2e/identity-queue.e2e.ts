import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHost, type RunningHost } from './support/host-process';
import { DEMO, expect, login, test } from './support/fixtures';
import { repoRoot } from './support/paths';
import { readSentBatch, writeResultsWorkbook } from '../fixtures/matching/police-results';

interface Made { twice: { fullName: string }; spelled: string; missing: string; probable: string }

test.describe('hàng đợi sai lệch và người có tên hai lần', () => {
  let dir: string;
  let host: RunningHost;
  let made: Made;

  test.beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ansinh-e2e-identity-'));
    const out = execFileSync(process.execPath, ['--import', 'tsx', 'tests/e2e/support/make-payout-database.ts', join(dir, 'identity.db'), '30'], { cwd: repoRoot, stdio: 'pipe' });
    made = JSON.parse(out.toString().trim().split('\n').pop()!);
    host = await startHost(join(dir, 'identity.db'));
  });
  test.afterAll(async () => {
    await host?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  test('the clerk decides the queue: spelling-only accepted in bulk after a confirmation, a not-found kept with a note', async ({ page }) => {
    await login(page, DEMO.clerk, host.url);
    await page.getByTestId('nav-discrepancies').click();
    const queue = page.getByTestId('mismatch-queue');
    await expect(queue.getByTestId('mismatch-row')).toHaveCount(2);
    await expect(queue.getByTestId('mismatch-row').filter({ hasText: made.spelled })).toHaveAttribute('data-difference', 'spelling');

    await queue.getByTestId('bulk-accept-spelling').click();
    const bulk = page.getByTestId('bulk-dialog');
    await expect(bulk).toContainText('Áp dụng cho mọi mục đang chờ');
    await bulk.getByTestId('bulk-dialog-confirm').click();
    await expect(queue.getByTestId('mismatch-message')).toHaveText('Đã quyết định 1 mục (0 mục bỏ qua).');
    await expect(queue.getByTestId('mismatch-row')).toHaveCount(1);

    const missing = queue.getByTestId('mismatch-row').filter({ hasText: made.missing });
    await missing.getByTestId('decide-keep').click();
    await queue.getByTestId('keep-note-save').click();
    await expect(queue.getByTestId('keep-note')).toContainText('Cần ghi chú người dân phải điều chỉnh gì.');
    await queue.getByTestId('keep-note-input').fill('Đề nghị bà con cập nhật CCCD tại công an xã');
    await queue.getByTestId('keep-note-save').click();
    await expect(queue.getByTestId('mismatch-empty')).toBeVisible();
    await queue.getByTestId('mismatch-status').selectOption('kept');
    await expect(queue.getByTestId('mismatch-row').filter({ hasText: made.missing })).toContainText('Đề nghị bà con cập nhật CCCD');
    await queue.getByTestId('mismatch-status').selectOption('accepted');
    await expect(queue.getByTestId('mismatch-row').filter({ hasText: made.spelled })).toBeVisible();
  });

  test('the police\'s results are chosen with the app\'s own file picker, previewed, then recorded', async ({ page }) => {
    await login(page, DEMO.clerk, host.url);
    await page.getByTestId('nav-discrepancies').click();
    const roundTrip = page.getByTestId('matching-round-trip');
    const downloading = page.waitForEvent('download');
    await roundTrip.getByTestId('match-send').click();
    const sentFile = join(dir, 'gui-doi-chieu.xlsx');
    await (await downloading).saveAs(sentFile);
    const sent = await readSentBatch(sentFile);
    const [a, b] = sent.rows.filter((r) => r.idNumber);
    const results = join(dir, 'ket-qua-doi-chieu.xlsx');
    await writeResultsWorkbook(results, [{ ...a, outcome: 'Trùng khớp' }, { ...b, outcome: 'Sai thông tin', difference: 'Ngày sinh: 01/01/1901' }],
      { layout: 'appended', batch: /\d{5}-\d{8}-\d{2}/.exec(sent.title)?.[0] ?? null });

    // The picker speaks Vietnamese whatever the system's language (the browser's own says "Choose File").
    await expect(roundTrip.getByRole('button', { name: 'Chọn tệp kết quả…' })).toBeVisible();
    await expect(roundTrip).toContainText('Chưa chọn tệp nào');
    await roundTrip.getByTestId('match-results-file').setInputFiles(results);
    await expect(roundTrip).toContainText('ket-qua-doi-chieu.xlsx');
    await expect(roundTrip.getByTestId('match-results-counts')).toHaveText('Khớp 1 · sai thông tin 1 · không có trong CSDLQG 0 · không gắn được 0');
    await roundTrip.getByTestId('match-results-commit').click();
    await expect(roundTrip.getByTestId('match-results-report')).toContainText('Đã ghi kết quả đợt');
    await expect(page.getByTestId('mismatch-queue').getByTestId('mismatch-row').filter({ hasText: b.fullName })).toBeVisible();
    // The progress table's last row sums the villages: "Tổng cộng" for a ward or a province office as for a commune.
    await expect(page.getByTestId('matching-progress-totals').locator('td').first()).toHaveText('Tổng cộng');
  });

  test('people listed twice: found, a probable pair marked two people with a reason, a same-ID pair merged, undone, merged again', async ({ page }) => {
    await login(page, DEMO.clerk, host.url);
    await page.getByTestId('nav-discrepancies').click();
    const panel = page.getByTestId('duplicate-pairs');
    await panel.getByTestId('duplicate-detect').click();
    await expect(panel.getByTestId('duplicate-notice')).toContainText('cặp cùng số định danh');
    const sameId = panel.getByTestId('duplicate-pair').filter({ hasText: made.twice.fullName }).and(panel.locator('[data-kind="same-id"]'));
    const probable = panel.getByTestId('duplicate-pair').filter({ hasText: made.probable }).and(panel.locator('[data-kind="probable"]'));
    await expect(sameId).toContainText('Tạm dừng chi trả cả hai');
    await expect(probable).toBeVisible();
    await expect(sameId.getByTestId('duplicate-distinct')).toHaveCount(0); // the same ID is never "two people"

    await probable.getByTestId('duplicate-distinct').click();
    await probable.getByTestId('duplicate-distinct-run').click();
    await expect(probable.getByRole('alert')).toHaveText('Hãy ghi lý do.');
    await probable.getByTestId('duplicate-note').fill('Khác cha mẹ, khác quê quán');
    await probable.getByTestId('duplicate-distinct-run').click();
    await expect(panel.getByTestId('duplicate-notice')).toContainText('hai người khác nhau');
    await expect(probable).toHaveCount(0);

    await sameId.getByTestId('duplicate-keep').first().click();
    await expect(sameId.getByRole('alertdialog')).toContainText('có thể hoàn tác');
    await sameId.getByTestId('duplicate-merge-run').click();
    await expect(panel.getByTestId('duplicate-notice')).toContainText('Đã gộp hai hồ sơ.');
    await expect(sameId).toHaveCount(0);
    await panel.getByTestId('duplicate-undo').click();
    await expect(panel.getByTestId('duplicate-notice')).toContainText('Đã hoàn tác lần gộp');
    await expect(sameId).toHaveCount(1);
    await sameId.getByTestId('duplicate-keep').first().click();
    await sameId.getByTestId('duplicate-merge-run').click();
    await expect(panel.getByTestId('duplicate-notice')).toContainText('Đã gộp hai hồ sơ.');
    await panel.getByTestId('duplicate-status').selectOption('merged');
    await expect(panel.getByTestId('duplicate-pair').filter({ hasText: made.twice.fullName })).toContainText('(giữ lại)');
  });
});
