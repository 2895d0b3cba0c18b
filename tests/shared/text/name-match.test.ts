import { describe, expect, it } from 'vitest';
import { compareNames, comparableName, foldedNameWords, isUnaccented, oneEditApart, type NameAgreement } from '../../../shared/text/name-match';

const TABLE: [string, string, NameAgreement][] = [
  // Spellings of one name
  ['Nguyễn Văn An', 'Nguyễn Văn An', 'same'],
  ['Nguyễn Văn An', 'NGUYỄN VĂN AN', 'same'],
  ['Nguyễn Văn An', '  nguyễn   văn  an ', 'same'],
  ['Nguyễn Văn An', 'Nguye\u0302\u0303n Va\u0306n An', 'same'], // NFD
  ['Trần Thị Hoà', 'Trần Thị Hòa', 'same'],
  ['Lê Thị Thuỷ', 'LÊ THỊ THỦY', 'same'],
  ['Phạm Thị Khoẻ', 'Phạm Thị Khỏe', 'same'],
  ['Ðỗ Văn Hùng', 'Đỗ Văn Hùng', 'same'], // Ð (U+00D0) for Đ
  ['ðỗ văn hùng', 'Đỗ Văn Hùng', 'same'],
  ['Lý Văn Sỹ', 'Lí Văn Sĩ', 'same'],
  ['Nguyễn Thị Mỹ', 'Nguyễn Thị Mĩ', 'same'],
  ['Trần Quý', 'Trần Quí', 'same'],
  ['Hoàng Thị Vy', 'Hoàng Thị Vi', 'same'],
  ['Nguyễn Văn Kỷ', 'Nguyễn Văn Kỉ', 'same'],
  // i/y is not free after a vowel: Thuy/Thui, Hay/Hai are other names (at most a typing slip)
  ['Lê Thị Thủy', 'Lê Thị Thủi', 'one-letter'],
  ['Nguyễn Văn Hay', 'Nguyễn Văn Hai', 'one-letter'],
  // Without diacritics
  ['Nguyễn Văn An', 'Nguyen Van An', 'same-unaccented'],
  ['Đỗ Thị Hường', 'DO THI HUONG', 'same-unaccented'],
  ['Lý Thị Mỹ', 'Li Thi Mi', 'same-unaccented'],
  // Middle names
  ['Nguyễn Văn An', 'Nguyễn An', 'middle-missing'],
  ['Nguyễn An', 'Nguyễn Văn An', 'middle-missing'],
  ['Trần Thị Minh Hằng', 'Trần Thị Hằng', 'middle-missing'],
  ['Trần Thị Minh Hằng', 'Trần Minh Hằng', 'middle-missing'],
  ['Nguyen Van An', 'Nguyễn An', 'middle-missing'],
  ['Nguyễn Văn An', 'Nguyễn Hữu An', 'different'],
  ['Nguyễn Văn An', 'Trần Văn An', 'different'],
  ['Nguyễn Văn An', 'Nguyễn Văn', 'different'],
  // Order
  ['Nguyễn Văn An', 'An Nguyễn Văn', 'reordered'],
  ['Nguyễn Văn An', 'Văn An Nguyễn', 'reordered'],
  // Other names that look alike
  ['Nguyễn Thị Lan', 'Nguyễn Thị Lân', 'tones-differ'],
  ['Nguyễn Văn Hùng', 'Nguyễn Văn Hưng', 'tones-differ'],
  ['Nguyễn Văn An', 'Nguyễn Văn Anh', 'different'],
  ['Nguyễn Văn Thắng', 'Nguyễn Văn Thắg', 'one-letter'],
  ['Nguyễn Văn Thắng', 'Ngyễn Văn Thắng', 'one-letter'],
  ['Nguyễn Văn Thắng', 'Ngyễn Văn Thăg', 'different'],
  ['', 'Nguyễn Văn An', 'different'],
];

describe('comparing Vietnamese names', () => {
  it.each(TABLE)('%s ~ %s → %s', (a, b, expected) => {
    expect(compareNames(a, b)).toBe(expected);
    expect(compareNames(b, a)).toBe(expected);
  });

  it('has one comparable form for the spellings of a name', () => {
    expect(comparableName('  LÝ  Thị   Hoà ')).toBe('lí thị hòa');
    expect(comparableName('Ðặng Quý')).toBe('đặng quí');
  });

  it('folds a name to plain letters for blocking, i for y after a consonant', () => {
    expect(foldedNameWords('Đặng Thị Mỹ Duyên')).toEqual(['dang', 'thi', 'mi', 'duyen']);
    expect(foldedNameWords('Lê Thủy')).toEqual(['le', 'thuy']);
  });

  it('tells an unaccented name', () => {
    expect(isUnaccented('Nguyen Van An')).toBe(true);
    expect(isUnaccented('Nguyễn Van An')).toBe(false);
    expect(isUnaccented('Dang Van Do')).toBe(true);
    expect(isUnaccented('Đang')).toBe(false);
  });

  it('counts one typing slip only in words long enough to tell', () => {
    expect(oneEditApart('thang', 'thag')).toBe(true);
    expect(oneEditApart('an', 'anh')).toBe(false);
    expect(oneEditApart('hung', 'hunh')).toBe(true);
    expect(oneEditApart('hung', 'hong')).toBe(true);
    expect(oneEditApart('hung', 'hoang')).toBe(false);
  });
});
