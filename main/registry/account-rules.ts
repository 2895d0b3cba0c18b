import { BANKS } from '../../shared/banks/bank-directory';
import { matchBankName } from '../../shared/banks/bank-name-matching';
import { WALLETS } from '../../shared/banks/wallets';
import type { FieldProblem } from '../../shared/canonical-record';
import { foldVietnamese } from '../../shared/text/fold';
import { problem } from '../excel/problems';
import { editProblem } from './edit-messages';
import { readIdField, readNameText } from './person-fields';

// The form of a payment account as a clerk enters it. Pure: the service checks "one active account per purpose".

export type AccountKind = 'bank' | 'e-wallet' | 'mobile-money';

export interface TypedAccount {
  kind: AccountKind;
  owner: 'self' | 'authorised';
  provider: string;
  number: string;
  holderName: string | null;
  holderIdNumber: string | null;
}

export interface ReadAccount {
  bankBin: string | null;
  bankName: string | null;
  number: string | null;
  holderName: string | null;
  holderIdNumber: string | null;
}

/** The bank a clerk means by a name, a short name or a BIN ("Agribank", "NH Nông nghiệp", "970405"). */
export function bankFromText(text: string): { bin: string; shortName: string } | null {
  const t = text.trim();
  if (/^\d{6}$/.test(t)) {
    const bank = BANKS.find((b) => b.bin === t && !b.deprecated);
    return bank ? { bin: bank.bin, shortName: bank.shortName } : null;
  }
  return matchBankName(t);
}

function walletFromText(kind: AccountKind, text: string) {
  const folded = foldVietnamese(text);
  return WALLETS.find((w) => w.kind === kind && (foldVietnamese(w.shortName) === folded || foldVietnamese(w.shortName).startsWith(folded))) ?? null;
}

/** Bank accounts: 6 to 19 digits. E-wallets and mobile money: the phone number, 10 digits from 0. Never letters. */
export function readAccountNumber(kind: AccountKind, text: string): { value: string | null; problem?: FieldProblem } {
  const compact = text.replace(/[\s.\-\u00a0]/g, '');
  if (compact === '') return { value: null, problem: editProblem('number', 'account-number-required') };
  if (!/^\d+$/.test(compact)) return { value: null, problem: editProblem('number', 'account-letters') };
  const ok = kind === 'bank' ? compact.length >= 6 && compact.length <= 19 : /^0\d{9}$/.test(compact);
  return ok ? { value: compact } : { value: null, problem: editProblem('number', 'account-length', { kind }) };
}

export function readAccount(a: TypedAccount, personName: string): { account: ReadAccount; errors: FieldProblem[] } {
  const errors: FieldProblem[] = [];
  let bankBin: string | null = null;
  let bankName: string | null = null;
  if (a.provider.trim() === '') errors.push(editProblem('provider', 'bank-required'));
  else if (a.kind === 'bank') {
    const bank = bankFromText(a.provider);
    if (!bank) errors.push(/^\d{6}$/.test(a.provider.trim()) ? editProblem('provider', 'bank-unknown-bin') : problem('provider', 'bank-unknown'));
    else ({ bin: bankBin, shortName: bankName } = bank);
  } else {
    const wallet = walletFromText(a.kind, a.provider);
    if (!wallet) errors.push(editProblem('provider', 'wallet-unknown'));
    else { bankBin = wallet.bin; bankName = wallet.shortName; }
  }
  const number = readAccountNumber(a.kind, a.number);
  if (number.problem) errors.push(number.problem);
  let holderName = readNameText(a.holderName ?? '');
  let holderIdNumber: string | null = null;
  if (a.owner === 'self') holderName ??= personName;
  else {
    if (!holderName) errors.push(editProblem('holderName', 'holder-required'));
    const id = readIdField(a.holderIdNumber ?? '');
    if (!a.holderIdNumber?.trim()) errors.push(editProblem('holderIdNumber', 'holder-id-required'));
    else if (id.problem || !(id.idNumber ?? id.oldIdNumber)) errors.push(problem('holderIdNumber', 'id-malformed'));
    else holderIdNumber = id.idNumber ?? id.oldIdNumber;
  }
  return { account: { bankBin, bankName, number: number.value, holderName, holderIdNumber }, errors };
}
