// E-wallets and mobile money services a beneficiary can be paid through. Wallets licensed by the State Bank carry
// a VietQR BIN when they have one (MoMo); mobile money is run by the carriers and is identified by its name.
export interface WalletEntry {
  kind: 'e-wallet' | 'mobile-money';
  bin: string | null;
  shortName: string;
}

export const WALLETS: readonly WalletEntry[] = [
  { kind: 'e-wallet', bin: '971025', shortName: 'MoMo' },
  { kind: 'e-wallet', bin: null, shortName: 'ZaloPay' },
  { kind: 'e-wallet', bin: null, shortName: 'ShopeePay' },
  { kind: 'e-wallet', bin: null, shortName: 'VNPT Money' },
  { kind: 'e-wallet', bin: null, shortName: 'ViettelPay' },
  { kind: 'mobile-money', bin: null, shortName: 'Viettel Money' },
  { kind: 'mobile-money', bin: null, shortName: 'VNPT Money (Mobile Money)' },
  { kind: 'mobile-money', bin: null, shortName: 'MobiFone Money' },
];
