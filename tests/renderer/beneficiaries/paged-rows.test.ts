import { describe, expect, it } from 'vitest';
import { PagedRows } from '../../../renderer/beneficiaries/paged-rows';

const page = (from: number, n: number) => Array.from({ length: n }, (_, i) => from + i);

describe('PagedRows', () => {
  it('knows nothing until the first page and then asks only for the pages on screen', () => {
    const rows = new PagedRows<number>(200);
    expect(rows.loaded).toBe(false);
    expect(rows.count).toBe(0);
    expect(rows.missingPages(0, 40)).toEqual([0]);
    rows.markPending(0);
    expect(rows.missingPages(0, 40)).toEqual([]); // already on its way
    rows.receive(0, { rows: page(0, 200), total: 100_000, totalIsLowerBound: false });
    expect(rows.count).toBe(100_000);
    expect(rows.countLabel).toEqual({ count: 100_000, lowerBound: false });
    expect(rows.row(199)).toBe(199);
    expect(rows.row(200)).toBeUndefined();
    expect(rows.missingPages(190, 230)).toEqual([1]);
    expect(rows.missingPages(99_950, 99_999)).toEqual([499]); // jumping to the end skips everything between
    expect(rows.missingPages(99_950, 100_500)).toEqual([499]); // never past the end
    expect(rows.offsetOf(499)).toBe(99_800);
  });

  it('asks again for a page whose request failed', () => {
    const rows = new PagedRows<number>(100);
    rows.markPending(0);
    rows.failed(0);
    expect(rows.missingPages(0, 10)).toEqual([0]);
  });

  it('under a lower-bound total says "more than" and grows as full pages arrive, until a short page ends it', () => {
    const rows = new PagedRows<number>(200);
    rows.receive(0, { rows: page(0, 200), total: 20_001, totalIsLowerBound: true });
    expect(rows.countLabel).toEqual({ count: 20_000, lowerBound: true });
    expect(rows.count).toBe(20_001);
    rows.receive(100, { rows: page(20_000, 200), total: 20_200, totalIsLowerBound: true });
    expect(rows.count).toBe(20_400); // one more page may follow
    rows.receive(101, { rows: page(20_200, 37), total: 20_237, totalIsLowerBound: true });
    expect(rows.count).toBe(20_237);
    expect(rows.countLabel).toEqual({ count: 20_237, lowerBound: false });
    expect(rows.row(20_236)).toBe(20_236);
  });

  it('an empty answer is an empty list', () => {
    const rows = new PagedRows<number>(200);
    rows.receive(0, { rows: [], total: 0, totalIsLowerBound: false });
    expect(rows.loaded).toBe(true);
    expect(rows.count).toBe(0);
    expect(rows.missingPages(0, 30)).toEqual([]);
  });
});
