import type { FieldProblem } from '../../shared/canonical-record';

export type PaymentChannel = 'bank' | 'e-wallet' | 'mobile-money' | 'authorised' | 'cash';

export interface AccountForChannel {
  kind: 'bank' | 'e-wallet' | 'mobile-money';
  owner: 'self' | 'authorised';
  status?: 'active' | 'closed';
  purpose?: 'monthly' | 'one-off';
}

/**
 * How a person's monthly allowance is paid, derived from their accounts (the one place that decides it; the
 * `payment_channel` column is a copy for the list, written only with this value): the active monthly account,
 * their own before an authorised person's; none = cash, except while an account number spoiled by Excel waits
 * to be typed again (the bank stays the channel: an unreadable number is no reason to pay in cash).
 */
export function paymentChannelOf(accounts: readonly AccountForChannel[], problems: readonly FieldProblem[] = []): PaymentChannel {
  const active = accounts.filter((a) => (a.status ?? 'active') === 'active' && (a.purpose ?? 'monthly') === 'monthly');
  const own = active.find((a) => a.owner === 'self');
  if (own) return own.kind;
  if (active.length) return 'authorised';
  return problems.some((p) => p.field === 'accountNumber' && /digits-lost|reentry|re-entry/.test(p.code)) ? 'bank' : 'cash';
}
