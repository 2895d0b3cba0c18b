import { describe, expect, it } from 'vitest';
import { compareVersions, listVersion } from '../../../main/consolidation/list-period';

describe('the period and version a list\'s title gives', () => {
  it('reads months, quarters, years, the date drawn up and the revision, as offices write them', () => {
    expect(listVersion(['UBND XÃ AN LÃO', 'Xã An Lão - Tháng 11 năm 2026'])).toEqual({ period: '2026-11', drawnUp: null, revision: null });
    expect(listVersion(['DANH SÁCH ĐỐI TƯỢNG QUÝ IV/2026', 'An Lão, ngày 05 tháng 01 năm 2027'])).toEqual({ period: '2026-Q4', drawnUp: '2027-01-05', revision: null });
    expect(listVersion(['Danh sách tháng 6/2026 (bổ sung)'])).toEqual({ period: '2026-06', drawnUp: null, revision: 2 });
    expect(listVersion(['Danh sách năm 2026, lần 3'])).toEqual({ period: '2026', drawnUp: null, revision: 3 });
    expect(listVersion(['DANH SÁCH ĐỐI TƯỢNG BẢO TRỢ XÃ HỘI'])).toEqual({ period: null, drawnUp: null, revision: null });
  });

  it('orders versions by period, then date drawn up, then revision; two alike are a tie', () => {
    const v = (lines: string[]) => listVersion(lines);
    expect(compareVersions(v(['Tháng 12 năm 2026']), v(['Tháng 11 năm 2026']))).toBeGreaterThan(0);
    expect(compareVersions(v(['Quý IV năm 2026']), v(['Tháng 9 năm 2026']))).toBeGreaterThan(0);
    expect(compareVersions(v(['Tháng 11 năm 2026', 'ngày 20 tháng 11 năm 2026']), v(['Tháng 11 năm 2026', 'ngày 5 tháng 11 năm 2026']))).toBeGreaterThan(0);
    expect(compareVersions(v(['Tháng 11 năm 2026 (lần 2)']), v(['Tháng 11 năm 2026']))).toBeGreaterThan(0);
    expect(compareVersions(v(['Tháng 11 năm 2026']), v(['Tháng 11 năm 2026']))).toBe(0);
  });
});
