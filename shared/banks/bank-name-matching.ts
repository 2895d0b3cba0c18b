import { foldVietnamese } from '../text/fold';
import { BANKS, type BankEntry } from './bank-directory';

// Names offices actually write for a bank, folded (no tones, đ→d, lowercase). The directory's own
// code, short name and full name are added automatically.
const WRITTEN_NAMES: Readonly<Record<string, readonly string[]>> = {
  '970405': ['agribank', 'agri bank', 'nong nghiep', 'nhno', 'nhno ptnt', 'nh no ptnt', 'nhnn ptnt', 'nn ptnt', 'no ptnt', 'varb'],
  '970436': ['vietcombank', 'vietcom bank', 'vietcom', 'vcb', 'ngoai thuong'],
  '970415': ['vietinbank', 'vietin bank', 'viettinbank', 'vietin', 'icb', 'cong thuong'],
  '970418': ['bidv', 'dau tu va phat trien', 'dau tu phat trien', 'dt pt'],
  '970449': ['lienvietpostbank', 'lien viet post bank', 'lienviet', 'lien viet', 'buu dien', 'buu dien lien viet', 'lpbank', 'lp bank', 'lpb', 'loc phat'],
  '970422': ['mb bank', 'mbbank', 'mb', 'quan doi'],
  '970407': ['techcombank', 'ky thuong', 'tcb'],
  '970403': ['sacombank', 'sai gon thuong tin'],
  '970432': ['vpbank', 'vp bank', 'viet nam thinh vuong'],
  '970416': ['acb', 'a chau'],
  '970423': ['tpbank', 'tp bank', 'tien phong'],
  '970441': ['vib', 'quoc te'],
  '970443': ['shb', 'sai gon ha noi'],
  '970437': ['hdbank', 'hd bank'],
  '970431': ['eximbank', 'exim bank', 'xuat nhap khau'],
  '970426': ['msb', 'maritime bank', 'hang hai'],
  '970440': ['seabank', 'sea bank', 'dong nam a'],
  '970446': ['co op bank', 'coopbank', 'hop tac xa'],
  '970412': ['pvcombank', 'pv combank', 'dai chung'],
  '970448': ['ocb', 'phuong dong'],
  '971025': ['momo', 'vi momo'],
};

const NAME_PREFIXES = /^(ngan hang (so )?(tmcp|tnhh mtv|thuong mai tnhh mtv|tnhh|lien doanh)?|nh (tmcp|tnhh mtv)?)\s*/;

interface Alias {
  folded: string;
  squashed: string;
  bank: BankEntry;
}

const ALIASES: Alias[] = buildAliases();

function buildAliases(): Alias[] {
  const out: Alias[] = [];
  const add = (text: string, bank: BankEntry) => {
    const folded = foldVietnamese(text);
    if (folded) out.push({ folded, squashed: folded.replace(/ /g, ''), bank });
  };
  for (const bank of BANKS) {
    add(bank.code, bank);
    add(bank.shortName, bank);
    add(bank.name, bank);
    add(foldVietnamese(bank.name).replace(NAME_PREFIXES, ''), bank);
  }
  for (const [bin, names] of Object.entries(WRITTEN_NAMES)) {
    const bank = BANKS.find((b) => b.bin === bin && !b.deprecated);
    if (bank) for (const n of names) add(n, bank);
  }
  return out;
}

export interface BankMatch {
  bin: string;
  shortName: string;
}

/**
 * Finds the bank a written name means: "Vietcombank", "NH Nông nghiệp", "Agribank chi nhánh Bình Lục",
 * "Bưu điện (LienVietPostBank)". The longest written name found as whole words wins, so "Sài Gòn Công
 * Thương" is SaigonBank while "Công thương" alone is VietinBank. Unknown names give null.
 */
const remembered = new Map<string, BankMatch | null>();

export function matchBankName(written: string | null | undefined): BankMatch | null {
  if (!written) return null;
  if (remembered.has(written)) return remembered.get(written)!;
  const match = findBank(written);
  // Lists repeat a handful of bank names thousands of times.
  if (remembered.size < 1000) remembered.set(written, match);
  return match;
}

function findBank(written: string): BankMatch | null {
  const folded = foldVietnamese(written);
  if (!folded) return null;
  const padded = ` ${folded} `;
  const squashed = folded.replace(/ /g, '');
  let best: Alias | null = null;
  for (const alias of ALIASES) {
    const hit = padded.includes(` ${alias.folded} `) || (alias.squashed.length >= 6 && squashed.includes(alias.squashed));
    if (!hit) continue;
    if (!best || alias.folded.length > best.folded.length || (alias.folded.length === best.folded.length && best.bank.deprecated && !alias.bank.deprecated)) {
      best = alias;
    }
  }
  if (!best) return null;
  const current = best.bank.deprecated ? BANKS.find((b) => b.bin === best!.bank.bin && !b.deprecated) ?? best.bank : best.bank;
  return { bin: current.bin, shortName: current.shortName };
}
