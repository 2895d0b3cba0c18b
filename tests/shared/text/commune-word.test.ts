import { describe, expect, it } from 'vitest';
import { communeWord } from '../../../shared/text/commune-word';

describe("a commune-level unit's own word", () => {
  it.each([
    ['Xã Bình Sơn', 'xã'], ['Phường Hải Châu', 'phường'], ['PHƯỜNG  Điện Bàn Bắc', 'phường'], ['Đặc khu Phú Quốc', 'đặc khu'],
    ['Thị trấn Đông Anh', 'thị trấn'], ['Phường'.normalize('NFD') + ' An Hải', 'phường'],
    // A name that does not say, or only looks like it does, is a commune.
    ['Bình Sơn', 'xã'], ['Phườngxa', 'xã'], ['', 'xã'],
  ])('%s → %s', (name, word) => {
    expect(communeWord(name)).toBe(word);
  });
});
