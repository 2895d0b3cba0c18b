import { describe, expect, it } from 'vitest';
import { foldVietnamese, foldedTokens } from '../../../shared/text/fold';

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
