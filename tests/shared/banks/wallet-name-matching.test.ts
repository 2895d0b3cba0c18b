import { describe, expect, it } from 'vitest';
import { matchWalletName, walletNumberOf } from '../../../shared/banks/wallet-name-matching';

describe('the e-wallet or mobile money a list names in its bank column', () => {
  it.each([
    ['Viettel Money', null, 'Viettel Money', 'mobile-money'],
    ['ViettelMoney', null, 'Viettel Money', 'mobile-money'],
    ['Mobile Money Viettel', null, 'Viettel Money', 'mobile-money'],
    ['MM - Viettel', null, 'Viettel Money', 'mobile-money'],
    ['VNPT Money', null, 'VNPT Money', 'e-wallet'],
    ['Mobile money (Vinaphone)', null, 'VNPT Money (Mobile Money)', 'mobile-money'],
    ['MobiFone Money', null, 'MobiFone Money', 'mobile-money'],
    ['Ví MoMo', null, 'MoMo', 'e-wallet'],
    ['ví điện tử ZaloPay', null, 'ZaloPay', 'e-wallet'],
    ['Mobile Money', '0971234567', 'Viettel Money', 'mobile-money'],
    ['mobile money', '0912345678', 'VNPT Money (Mobile Money)', 'mobile-money'],
    ['Mobile Money', '0901234567', 'MobiFone Money', 'mobile-money'],
  ])('%s (number %s) is %s', (written, phone, name, kind) => {
    expect(matchWalletName(written, phone)).toMatchObject({ shortName: name, kind });
  });

  it.each([['Agribank'], ['Ngân hàng Chính sách xã hội'], ['Mobile Money'], [''], ['Tiền mặt']])('%s is no wallet known', (written) => {
    expect(matchWalletName(written)).toBeNull();
  });
});

describe("a wallet's number is the phone number", () => {
  it.each([
    ['0912345678', '0912345678'],
    ['091 234 5678', '0912345678'],
    ['912345678', '0912345678'], // Excel's number cell dropped the 0
    ['+84912345678', '0912345678'],
    ['84912345678', '0912345678'],
    ['12345', null],
    ['3801205123456', null],
  ])('%s → %s', (raw, number) => {
    expect(walletNumberOf(raw)).toBe(number);
  });
});
