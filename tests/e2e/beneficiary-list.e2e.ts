import { foldVietnamese } from '../../shared/text/fold';
import { splitVietnameseName } from '../../shared/text/person-name';
import { DEMO, expect, listSettled, login, shownCount, test, visibleNames } from './support/fixtures';

const collator = new Intl.Collator('vi');
/** How a Vietnamese list is ordered: given name, then middle, then family name. */
const vietnameseOrder = (name: string) => {
  const { family, middle, given } = splitVietnameseName(name);
  return [given, middle, family].filter(Boolean).join(' ');
};

test.describe('danh sách đối tượng', () => {
  test.beforeEach(async ({ page }) => {
    await login(page, DEMO.clerk);
    await expect(page.getByTestId('beneficiary-row').first()).toBeVisible();
  });

  test('rows come in Vietnamese order (given name first) with Vietnamese formats', async ({ page }) => {
    await expect(page.getByTestId('result-count')).toHaveText(/^Hiển thị \d{3} đối tượng$/); // the demo commune: a few hundred
    const names = await visibleNames(page);
    expect(names.length).toBeGreaterThan(10);
    for (let i = 1; i < names.length; i++) {
      expect(collator.compare(vietnameseOrder(names[i - 1]), vietnameseOrder(names[i])), `${names[i - 1]} before ${names[i]}`).toBeLessThanOrEqual(0);
    }
    const header = page.getByRole('columnheader');
    // A row number first; the list opens sorted by name, ascending (▲); the needs-fixing count last.
    await expect(header).toHaveText(['STT', 'Họ và tên▲', 'Ngày sinh', 'Giới tính', 'Số định danh', 'Thôn/xóm', 'Nhóm đối tượng',
      'Mức trợ cấp', 'Hình thức nhận', 'Trạng thái', 'Vấn đề']);
    const first = page.getByTestId('beneficiary-row').first();
    await expect(first.locator('[data-col="birth"]')).toHaveText(/^(\d{2}\/\d{2}\/\d{4}|\d{4})$/);
    await expect(first.locator('[data-col="amount"]')).toHaveText(/^\d{1,3}(\.\d{3})*\u00a0₫$/);
    await expect(first.locator('[data-col="sex"]')).toHaveText(/^(Nam|Nữ)$/);
  });

  test('scrolling fetches further pages on demand until the last row', async ({ page }) => {
    const total = await shownCount(page);
    const grid = page.getByTestId('beneficiary-grid');
    await grid.focus();
    await page.keyboard.press('End');
    await expect(page.locator(`[data-index="${total - 1}"][data-testid="beneficiary-row"]`)).toBeVisible();
    await expect(page.locator(`#beneficiary-row-${total - 1}`)).toHaveAttribute('aria-selected', 'true');
  });

  test('type-ahead: "nguyen" narrows, and a full name typed without diacritics finds the person', async ({ page }) => {
    const total = await shownCount(page);
    const search = page.getByTestId('search');
    await search.fill('nguyen');
    await expect.poll(() => shownCount(page)).toBeLessThan(total);
    const names = await visibleNames(page);
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(foldVietnamese(name)).toContain('nguyen');

    const someone = names.find((n) => n.split(' ').length >= 3 && /[^\x00-\x7f]/.test(n)) ?? names[0];
    const plain = foldVietnamese(someone); // "Nguyễn Đức Hòa" → "nguyen duc hoa"
    expect(plain).not.toBe(someone);
    await search.fill(plain);
    await expect(page.getByTestId('beneficiary-row').filter({ hasText: someone }).first()).toBeVisible();
    for (const name of await visibleNames(page)) expect(foldVietnamese(name)).toBe(plain);

    await search.fill('zzzz khong co ai');
    await expect(page.getByTestId('list-empty')).toHaveText('Không có đối tượng nào khớp với tìm kiếm và bộ lọc.');
    await expect(page.getByTestId('result-count')).toHaveText('Hiển thị 0 đối tượng');
  });

  test('type-ahead by the start of an ID number', async ({ page }) => {
    const ids = await page.getByTestId('beneficiary-row').locator('[data-col="idNumber"]').allTextContents();
    const id = ids.map((i) => i.replace(/\s/g, '')).find((i) => i.length === 12)!;
    expect(id).toMatch(/^\d{12}$/);
    await page.getByTestId('search').fill(id.slice(0, 9));
    await listSettled(page);
    await expect(page.getByTestId('beneficiary-row').first().locator('[data-col="idNumber"]')).toHaveText(/^\d{3} \d{3} \d{6}$/);
    for (const text of await page.getByTestId('beneficiary-row').locator('[data-col="idNumber"]').allTextContents()) {
      expect(text.replace(/\s/g, '').startsWith(id.slice(0, 9))).toBe(true);
    }
  });

  test('filters by village, category group and status narrow the list', async ({ page }) => {
    const total = await shownCount(page);
    const villages = (await page.getByTestId('filter-village').locator('option').allTextContents()).slice(1);
    expect(villages.length).toBeGreaterThan(1);
    await page.getByTestId('filter-village').selectOption(villages[0]);
    await expect.poll(() => shownCount(page)).toBeLessThan(total);
    const byVillage = await shownCount(page);
    for (const v of await page.getByTestId('beneficiary-row').locator('[data-col="village"]').allTextContents()) expect(v).toBe(villages[0]);

    await page.getByTestId('filter-category').selectOption('NCC');
    await expect.poll(() => shownCount(page)).toBeLessThan(byVillage);
    for (const g of await page.getByTestId('beneficiary-row').locator('[data-col="category"] .group-tag').allTextContents()) expect(g).toBe('NCC');

    await page.getByTestId('filter-status').selectOption('active');
    await listSettled(page);
    const statuses = await page.getByTestId('beneficiary-row').locator('[data-col="status"]').allTextContents();
    for (const s of statuses) expect(s).toBe('Đang hưởng');

    await page.getByRole('button', { name: 'Bỏ lọc' }).click();
    await expect.poll(() => shownCount(page)).toBe(total);
  });

  test('keyboard: ↓ from the search box into the list, ↓ again, Enter opens that record, Esc comes back', async ({ page }) => {
    const second = (await visibleNames(page))[1];
    await page.getByTestId('search').focus();
    await page.keyboard.press('ArrowDown');
    await expect(page.getByTestId('beneficiary-grid')).toBeFocused();
    await expect(page.locator('#beneficiary-row-0')).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('ArrowDown');
    await expect(page.locator('#beneficiary-row-1')).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('beneficiary-detail').getByRole('heading', { level: 1 })).toHaveText(second);
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('beneficiary-detail')).toHaveCount(0);
    await expect(page.getByTestId('beneficiary-grid')).toBeFocused();
    await expect(page.locator('#beneficiary-row-1')).toHaveAttribute('aria-selected', 'true');
  });
});
