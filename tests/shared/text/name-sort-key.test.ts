import { describe, expect, it } from 'vitest';
import { nameSortKey } from '../../../shared/text/name-sort-key';
import { splitVietnameseName } from '../../../shared/text/person-name';

const collator = new Intl.Collator('vi');
const byCollator = (a: string, b: string) => {
  const flip = (n: string) => {
    const p = splitVietnameseName(n);
    return [p.given, p.middle, p.family].filter(Boolean).join(' ');
  };
  return collator.compare(flip(a), flip(b));
};
const byKey = (a: string, b: string) => (nameSortKey(a) < nameSortKey(b) ? -1 : nameSortKey(a) > nameSortKey(b) ? 1 : 0);

describe('nameSortKey', () => {
  it('orders by given name first, then middle, then family name', () => {
    const names = ['Trần Văn Bình', 'Nguyễn Thị An', 'Lê Văn An', 'Nguyễn Văn An', 'Đỗ Bình'];
    expect([...names].sort(byKey)).toEqual(['Nguyễn Thị An', 'Lê Văn An', 'Nguyễn Văn An', 'Đỗ Bình', 'Trần Văn Bình']);
  });

  it('puts Vietnamese letters in alphabet order: a ă â, d đ, o ô ơ, u ư', () => {
    const names = ['X Ơn', 'X Ôn', 'X On', 'X Đức', 'X Dũng', 'X Ân', 'X Ăn', 'X An', 'X Ưng', 'X Ung'];
    expect([...names].sort(byKey)).toEqual(['X An', 'X Ăn', 'X Ân', 'X Dũng', 'X Đức', 'X On', 'X Ôn', 'X Ơn', 'X Ung', 'X Ưng']);
  });

  it('agrees with Intl.Collator("vi") on tones, prefixes and mixed lists', () => {
    const names = ['A Anh', 'A Ánh', 'A Ảnh', 'A Ãnh', 'A Ạnh', 'A Àn', 'B An', 'Nguyễn Văn Ánh', 'Nguyễn An', 'Trịnh Thị Minh Điệp',
      'Dương Thị Chiêm', 'Đỗ Thị Chiêm', 'Đinh Thị Thu Nhường', 'Lương Ngọc Phượng', 'Phạm Hòa', 'Phạm Hoà', 'Vũ Hùng', 'Vũ Hưng', 'Lý Yến', 'Lê Y'];
    expect([...names].sort(byKey)).toEqual([...names].sort(byCollator));
  });

  it('is the same for NFC and NFD spellings of a name', () => {
    expect(nameSortKey('Nguyễn Đức')).toBe(nameSortKey('Nguyễn Đức'.normalize('NFD')));
  });
});
