import { describe, expect, it } from 'vitest';
import { amountUnitOfBanner, amountUnitOfHeading, inDong } from '../../../main/excel/amount-unit';

describe('the unit a list counts its money in', () => {
  it.each([
    ['Mức trợ cấp (nghìn đồng)', 1000], ['Số tiền (1.000đ)', 1000], ['Số tiền (1000 đồng)', 1000], ['Mức hưởng (ngàn đồng)', 1000],
    ['Số tiền › Nghìn đồng', 1000], ['Kinh phí (triệu đồng)', 1_000_000], ['Số tiền (đồng)', 1], ['Mức trợ cấp (VNĐ)', 1],
    ['Mức trợ cấp', null], ['Số tiền chuyển vào tài khoản ngân hàng', null], ['Số tiền (21000 đồng)', 1],
  ])('heading %s → %s', (heading, unit) => {
    expect(amountUnitOfHeading(heading)).toBe(unit);
  });

  it.each([
    ['ĐVT: 1.000 đồng', 1000], ['Đơn vị tính: nghìn đồng', 1000], ['Đơn vị: 1000đ', 1000], ['ĐVT: đồng', 1], ['Đvt: Triệu đồng', 1_000_000],
    // A title that merely mentions money is no unit banner.
    ['DANH SÁCH CHI TRẢ TRỢ CẤP (nghìn đồng)', null], ['UBND XÃ BÌNH SƠN', null],
  ])('banner %s → %s', (banner, unit) => {
    expect(amountUnitOfBanner(banner)).toBe(unit);
  });

  it('multiplies a figure written in the unit, never one already in đồng', () => {
    expect(inDong(750, 1000)).toBe(750_000);
    expect(inDong(1080, 1000)).toBe(1_080_000);
    expect(inDong(1.5, 1_000_000)).toBe(1_500_000);
    expect(inDong(750_000, 1000)).toBe(750_000);
    expect(inDong(750, 1)).toBe(750);
  });
});
