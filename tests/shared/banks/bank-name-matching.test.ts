import { describe, expect, it } from 'vitest';
import { matchBankName } from '../../../shared/banks/bank-name-matching';

describe('matching the bank names offices write', () => {
  it.each([
    ['Vietcombank', '970436'], ['VCB chi nhánh Hà Nam', '970436'], ['NH Ngoại thương', '970436'],
    ['Agribank', '970405'], ['NH Nông nghiệp', '970405'], ['Ngân hàng NN&PTNT', '970405'], ['NHNo&PTNT Bình Lục', '970405'],
    ['VietinBank', '970415'], ['Công thương', '970415'], ['Ngân hàng TMCP Sài Gòn Công Thương', '970400'],
    ['BIDV', '970418'], ['Bưu điện (LienVietPostBank)', '970449'], ['LPBank', '970449'], ['Ví MoMo', '971025'],
    ['Ngân hàng Chính sách xã hội', null], ['', null],
  ])('%s → %s', (written, bin) => {
    expect(matchBankName(written)?.bin ?? null).toBe(bin);
  });

  it('names the current bank for a former name', () => {
    expect(matchBankName('LienVietPostBank')).toEqual({ bin: '970449', shortName: 'LPBank' });
  });
});
