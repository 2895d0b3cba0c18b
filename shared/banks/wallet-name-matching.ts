import { foldVietnamese } from '../text/fold';
import { WALLETS, type WalletEntry } from './wallets';

// Lists put the e-wallet or the carrier's mobile money in the same "Ngân hàng" column as the banks:
// "Viettel Money", "Ví MoMo", "MM Viettel", "Mobile Money". Names as offices write them, folded.
const WRITTEN_NAMES: Readonly<Record<string, readonly string[]>> = {
  'MoMo': ['momo', 'vi momo', 'vi dien tu momo'],
  'ZaloPay': ['zalopay', 'zalo pay', 'vi zalopay', 'vi zalo pay'],
  'ShopeePay': ['shopeepay', 'shopee pay', 'airpay'],
  'ViettelPay': ['viettelpay', 'viettel pay', 'vi viettelpay'],
  'VNPT Money': ['vnpt money', 'vnptmoney', 'vnpt pay', 'vnptpay', 'vi vnpt money'],
  'Viettel Money': ['viettel money', 'viettelmoney', 'mobile money viettel', 'mobilemoney viettel', 'mm viettel', 'viettel mobile money', 'vi viettel money'],
  'VNPT Money (Mobile Money)': ['mobile money vnpt', 'mobile money vinaphone', 'mm vnpt', 'mm vinaphone', 'vinaphone money', 'vnpt mobile money'],
  'MobiFone Money': ['mobifone money', 'mobifonemoney', 'mobile money mobifone', 'mm mobifone', 'mobimoney'],
};

// Mobile money without the carrier's name ("Mobile Money", "MM"): the carrier that gave the phone number runs it.
// Prefixes of the three carriers licensed for mobile money (Decision 316/QĐ-TTg pilot).
const CARRIER_PREFIXES: readonly [string, RegExp][] = [
  ['Viettel Money', /^0(86|96|97|98|32|33|34|35|36|37|38|39)/],
  ['VNPT Money (Mobile Money)', /^0(88|91|94|81|82|83|84|85)/],
  ['MobiFone Money', /^0(89|90|93|70|76|77|78|79)/],
];

const BARE_MOBILE_MONEY = new Set(['mobile money', 'mobilemoney', 'mm', 'tien di dong', 'vi tien di dong']);

const ALIASES: readonly { squashed: string; wallet: WalletEntry }[] = Object.entries(WRITTEN_NAMES).flatMap(([name, written]) => {
  const wallet = WALLETS.find((w) => w.shortName === name);
  return wallet ? written.map((w) => ({ squashed: w.replace(/ /g, ''), wallet })) : [];
});

/**
 * The e-wallet or mobile money a written name means, or null (a bank, or nothing known). A bare "Mobile Money"
 * is told by the phone number's carrier when the number is given.
 */
export function matchWalletName(written: string | null | undefined, phoneNumber?: string | null): WalletEntry | null {
  if (!written) return null;
  const folded = foldVietnamese(written).replace(/[^a-z0-9 ]/g, ' ').replace(/\s+/g, ' ').trim();
  if (BARE_MOBILE_MONEY.has(folded)) {
    const carrier = phoneNumber ? CARRIER_PREFIXES.find(([, p]) => p.test(phoneNumber))?.[0] : undefined;
    return WALLETS.find((w) => w.shortName === carrier) ?? null;
  }
  const squashed = folded.replace(/ /g, '');
  let best: { squashed: string; wallet: WalletEntry } | null = null;
  for (const a of ALIASES) {
    if (squashed === a.squashed) return a.wallet;
    if (squashed.includes(a.squashed) && (!best || a.squashed.length > best.squashed.length)) best = a;
  }
  return best?.wallet ?? null;
}

/** A phone number as a wallet's account: 10 digits from 0; Excel's number cells drop the leading 0. */
export function walletNumberOf(raw: string): string | null {
  const digits = raw.replace(/[\s.\-\u00a0]/g, '').replace(/^\+?84(?=\d{9}$)/, '0');
  if (/^0\d{9}$/.test(digits)) return digits;
  if (/^[1-9]\d{8}$/.test(digits)) return `0${digits}`;
  return null;
}
