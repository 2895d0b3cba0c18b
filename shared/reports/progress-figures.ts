// The progress dashboard's figures for one commune (or a total), for one period. Pure.

export interface ProgressFigures {
  /** People on the register at the period's end (not stopped, deceased or moved before it). */
  people: number;
  categories: { ncc: number; tncc: number; btxh: number; other: number; children: number; poorHouseholds: number; nearPoorHouseholds: number };
  /** People with an identity field verified by the end: from the chip card; by the population database only. */
  verified: { chip: number; matching: number };
  /** Mismatch queue items: open at the period's end; resolved during it. */
  mismatches: { open: number; resolved: number };
  /** People with an active account of their own; only an authorised person's; none. */
  accounts: { own: number; authorised: number; none: number };
  /** Payments made to an account (own or authorised), recorded during the period. */
  paidCashless: { count: number; amount: number };
  /** Payments handed over in cash (at the commune or by the post office), recorded during the period. */
  paidCash: { count: number; amount: number };
  /** People added, stopped, deceased during the period. */
  changes: { added: number; stopped: number; deceased: number };
}

export function emptyFigures(): ProgressFigures {
  return {
    people: 0,
    categories: { ncc: 0, tncc: 0, btxh: 0, other: 0, children: 0, poorHouseholds: 0, nearPoorHouseholds: 0 },
    verified: { chip: 0, matching: 0 },
    mismatches: { open: 0, resolved: 0 },
    accounts: { own: 0, authorised: 0, none: 0 },
    paidCashless: { count: 0, amount: 0 },
    paidCash: { count: 0, amount: 0 },
    changes: { added: 0, stopped: 0, deceased: 0 },
  };
}

/** Adds b into a (every number, at any depth). */
export function addFigures(a: ProgressFigures, b: ProgressFigures): ProgressFigures {
  const add = (x: Record<string, unknown>, y: Record<string, unknown>) => {
    for (const k of Object.keys(x)) {
      if (typeof x[k] === 'number') (x as Record<string, number>)[k] += (y[k] as number) ?? 0;
      else add(x[k] as Record<string, unknown>, y[k] as Record<string, unknown>);
    }
  };
  add(a as unknown as Record<string, unknown>, b as unknown as Record<string, unknown>);
  return a;
}

/** Nothing on the register by the end and nothing happened during the period. */
export function isEmptyPeriod(f: ProgressFigures): boolean {
  return f.people === 0 && f.changes.added === 0 && f.changes.stopped === 0 && f.changes.deceased === 0 && f.paidCashless.count === 0 && f.paidCash.count === 0 && f.mismatches.resolved === 0;
}

/** Share in whole percent (0 when there is no one to count). */
export function percent(part: number, whole: number): number {
  return whole > 0 ? Math.round((part / whole) * 1000) / 10 : 0;
}

/**
 * The cash-less share of what was paid during the period, by count and by amount, in percent to one decimal (the
 * target is 100 %); null when nothing was paid.
 */
export function cashlessShare(paid: { paidCashless: { count: number; amount: number }; paidCash: { count: number; amount: number } }):
  { byCount: number | null; byAmount: number | null } {
  const count = paid.paidCashless.count + paid.paidCash.count;
  const amount = paid.paidCashless.amount + paid.paidCash.amount;
  return { byCount: count > 0 ? percent(paid.paidCashless.count, count) : null, byAmount: amount > 0 ? percent(paid.paidCashless.amount, amount) : null };
}
