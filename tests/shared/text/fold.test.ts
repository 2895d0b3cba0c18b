import { describe, expect, it } from 'vitest';
import { foldVietnamese, foldedTokens, withoutDiacritics } from '../../../shared/text/fold';

describe('foldVietnamese', () => {
  it.each([
    ['Nguyễn Đức', 'nguyen duc'],
    ['NGUYỄN  ĐỨC   Anh', 'nguyen duc anh'],
    ['Ðỗ Thị Hoà', 'do thi hoa'], // U+00D0 lookalike and old tone placement
    ['Đỗ Thị Hòa', 'do thi hoa'],
    ['Thuỷ', 'thuy'],
    ['Nguye\u0302\u0303n', 'nguyen'], // decomposed (NFD) input
    ['Lương Ngọc Phượng', 'luong ngoc phuong'],
    ['  ', ''],
  ])('%s → %s', (input, expected) => {
    expect(foldVietnamese(input)).toBe(expected);
  });

  it('splits a query into folded tokens', () => {
    expect(foldedTokens('  nguyễn, Đức ')).toEqual(['nguyen', 'duc']);
    expect(foldedTokens('')).toEqual([]);
  });
});

describe('plain letters for a bank transfer note', () => {
  it.each([
    ['TCXH hằng tháng T12/2026 (2 tháng) ', 'TCXH hang thang T12/2026 (2 thang) '],
    ['Đặng Thị Ánh Nguyệt', 'Dang Thi Anh Nguyet'],
    ['ĐỖ QUỐC ĐẠT', 'DO QUOC DAT'],
    ['Mẹ VNAH – Ðinh', 'Me VNAH – Dinh'],
  ])('%s → %s', (text, plain) => {
    expect(withoutDiacritics(text)).toBe(plain);
  });
});
