import { describe, expect, it } from 'vitest';
import { normaliseTonePlacement, sameUpToTonePlacement } from '../../../shared/text/tone-placement';

describe('tone placement', () => {
  it('puts oa, oe, uy open syllables in one style', () => {
    expect(normaliseTonePlacement('Nguyễn Thị Hoà')).toBe('Nguyễn Thị Hòa');
    expect(normaliseTonePlacement('Thuỷ KHOẺ Tuỳ')).toBe('Thủy KHỎE Tùy');
  });

  it('leaves syllables with one accepted placement alone', () => {
    for (const w of ['Hoàng', 'Quý', 'Thuyết', 'Toán', 'Quỳnh', 'Hòa']) expect(normaliseTonePlacement(w)).toBe(w);
  });

  it('compares names up to tone placement and case, but not up to tones', () => {
    expect(sameUpToTonePlacement('Lê Thị Thuỷ', 'LÊ THỊ THỦY')).toBe(true);
    expect(sameUpToTonePlacement('Lê Thị Thuỷ', 'Lê Thị Thúy')).toBe(false);
  });
});
