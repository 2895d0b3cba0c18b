import { describe, expect, it } from 'vitest';
import { amountInWords, numberInWords } from '../../../shared/payout/amount-in-words';

describe('numberInWords', () => {
  it.each([
    [0, 'không'],
    [1, 'một'],
    [4, 'bốn'],
    [5, 'năm'],
    [10, 'mười'],
    [11, 'mười một'],
    [14, 'mười bốn'],
    [15, 'mười lăm'],
    [20, 'hai mươi'],
    [21, 'hai mươi mốt'],
    [24, 'hai mươi tư'],
    [25, 'hai mươi lăm'],
    [31, 'ba mươi mốt'],
    [44, 'bốn mươi tư'],
    [55, 'năm mươi lăm'],
    [91, 'chín mươi mốt'],
    [100, 'một trăm'],
    [101, 'một trăm lẻ một'],
    [104, 'một trăm lẻ bốn'],
    [105, 'một trăm lẻ năm'],
    [110, 'một trăm mười'],
    [111, 'một trăm mười một'],
    [115, 'một trăm mười lăm'],
    [121, 'một trăm hai mươi mốt'],
    [999, 'chín trăm chín mươi chín'],
    [1000, 'một nghìn'],
    [1001, 'một nghìn không trăm lẻ một'],
    [1010, 'một nghìn không trăm mười'],
    [1015, 'một nghìn không trăm mười lăm'],
    [1100, 'một nghìn một trăm'],
    [10_000, 'mười nghìn'],
    [15_000, 'mười lăm nghìn'],
    [21_000, 'hai mươi mốt nghìn'],
    [105_000, 'một trăm lẻ năm nghìn'],
    [360_000, 'ba trăm sáu mươi nghìn'],
    [500_000, 'năm trăm nghìn'],
    [750_000, 'bảy trăm năm mươi nghìn'],
    [1_000_000, 'một triệu'],
    [1_000_500, 'một triệu năm trăm'],
    [1_000_050, 'một triệu không trăm năm mươi'],
    [1_005_000, 'một triệu không trăm lẻ năm nghìn'],
    [1_250_000, 'một triệu hai trăm năm mươi nghìn'],
    [1_624_000, 'một triệu sáu trăm hai mươi tư nghìn'],
    [2_055_000, 'hai triệu không trăm năm mươi lăm nghìn'],
    [2_789_000, 'hai triệu bảy trăm tám mươi chín nghìn'],
    [3_120_000, 'ba triệu một trăm hai mươi nghìn'],
    [10_000_000, 'mười triệu'],
    [21_041_005, 'hai mươi mốt triệu không trăm bốn mươi mốt nghìn không trăm lẻ năm'],
    [1_000_000_000, 'một tỷ'],
    [1_000_000_001, 'một tỷ không trăm lẻ một'],
    [1_001_000_000, 'một tỷ không trăm lẻ một triệu'],
    [5_000_000_000, 'năm tỷ'],
    [25_500_000_000, 'hai mươi lăm tỷ năm trăm triệu'],
    [1_000_000_000_000, 'một nghìn tỷ'],
    [1_234_567_891_011, 'một nghìn hai trăm ba mươi tư tỷ năm trăm sáu mươi bảy triệu tám trăm chín mươi mốt nghìn không trăm mười một'],
    [-15, 'âm mười lăm'],
  ])('%d → %s', (n, words) => {
    expect(numberInWords(n)).toBe(words);
  });

  it('writes "linh" when the office says so', () => {
    expect(numberInWords(105, { zeroTens: 'linh' })).toBe('một trăm linh năm');
    expect(numberInWords(2_004_000, { zeroTens: 'linh' })).toBe('hai triệu không trăm linh bốn nghìn');
  });

  it('refuses what is not a whole number', () => {
    expect(() => numberInWords(1.5)).toThrow(RangeError);
    expect(() => numberInWords(Number.NaN)).toThrow(RangeError);
  });
});

describe('amountInWords', () => {
  it('capitalises and names the currency', () => {
    expect(amountInWords(1_500_000)).toBe('Một triệu năm trăm nghìn đồng');
    expect(amountInWords(0)).toBe('Không đồng');
    expect(amountInWords(123_456_789)).toBe('Một trăm hai mươi ba triệu bốn trăm năm mươi sáu nghìn bảy trăm tám mươi chín đồng');
  });
});
