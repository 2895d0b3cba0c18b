// What a person is owed under one regime, month by month, and what a period's roster line pays: the months
// due up to the period, less what earlier rosters already paid for each month. One rule gives the month's
// allowance, arrears (truy lĩnh: months owed and never paid), recovery (thu hồi: months paid that were not
// owed, e.g. a death recorded late) and the corrections of a locked roster (a changed amount for a past month).

import { coefficientFor, coefficientGroup } from './coefficients';
import { levelFor, type LevelRow } from './levels';
import { monthIndex, periodOf, periodOfDate } from './periods';
import { ONE_OF, type Regime } from './regimes';

export interface EntitlementBasis {
  regimeCode: string;
  groupCode: string | null;
  /** A coefficient fixed by the decision (hundredths); null: from the group and the person's age. */
  hundredths: number | null;
  /** `YYYY-MM`: the first month owed. */
  from: string;
  /** `YYYY-MM`: the last month owed, or null. */
  to: string | null;
  /** An amount set by hand instead of the computed one; only with a reason. */
  overrideAmount: number | null;
  overrideReason: string | null;
}

export interface PersonBasis {
  birth: string | null;
  status: 'active' | 'stopped' | 'deceased' | 'moved';
  /** `YYYY-MM-DD` the status took effect. */
  statusDate: string | null;
}

export type MonthDue =
  | { month: string; amount: number; level: number; hundredths: number; override: boolean }
  | { month: string; problem: 'no-level' | 'no-coefficient' };

/** The entitlement in force in a month (the newest one when decisions overlap). */
function entitlementIn(entitlements: readonly EntitlementBasis[], month: string): EntitlementBasis | null {
  const m = monthIndex(month);
  let found: EntitlementBasis | null = null;
  for (const e of entitlements) {
    if (monthIndex(e.from) > m || (e.to !== null && monthIndex(e.to) < m)) continue;
    if (!found || found.from < e.from) found = e;
  }
  return found;
}

/** Payments stop from the month after a death, a move away or a stop; until then the month is owed. */
export function payableIn(person: PersonBasis, month: string): boolean {
  if (person.status === 'active') return true;
  if (!person.statusDate) return false;
  return monthIndex(month) <= monthIndex(periodOfDate(person.statusDate));
}

/** What the regime owes the person for one month, or null when nothing is owed. */
export function dueInMonth(regime: Regime, entitlements: readonly EntitlementBasis[], person: PersonBasis,
  levels: readonly LevelRow[], unitChain: readonly string[], month: string): MonthDue | null {
  const e = entitlementIn(entitlements, month);
  if (!e) return null;
  if (regime.kind === 'monthly') {
    if (!payableIn(person, month)) return null;
  } else {
    // One-off support on death (funeral): owed once, in the month of death.
    if (person.status !== 'deceased' || !person.statusDate || periodOfDate(person.statusDate) !== month) return null;
  }
  if (e.overrideAmount !== null && e.overrideReason) {
    return { month, amount: e.overrideAmount, level: 0, hundredths: 0, override: true };
  }
  const hundredths = coefficientIn(regime, e, person, month);
  if (hundredths === null) return { month, problem: 'no-coefficient' };
  if (hundredths === 0) return null; // grown out of every band of the group
  const level = levelFor(levels, regime.levelCode, unitChain, month);
  if (!level) return { month, problem: 'no-level' };
  return { month, amount: monthlyAmount(level.amount, hundredths), level: level.amount, hundredths, override: false };
}

/**
 * Whether nothing is owed in the month only because the person is outside every age band of their group (a child
 * grown out, someone listed as "80 and over" who is not yet 80): an entitlement in force, payable, no override. A list
 * that still gives them a monthly amount is then worth a person's look, not a silent absence from the roster.
 */
export function outsideAgeBands(regime: Regime, entitlements: readonly EntitlementBasis[], person: PersonBasis, month: string): boolean {
  const e = entitlementIn(entitlements, month);
  if (!e || regime.kind !== 'monthly' || !payableIn(person, month)) return false;
  if (e.overrideAmount !== null && e.overrideReason) return false;
  return coefficientIn(regime, e, person, month) === 0;
}

/** The entitlement's coefficient in a month: its own, else its group's (or the regime's) for the person's age then. */
function coefficientIn(regime: Regime, e: EntitlementBasis, person: PersonBasis, month: string): number | null {
  const group = e.groupCode ? coefficientGroup(e.groupCode) : regime.defaultGroup ? coefficientGroup(regime.defaultGroup) : undefined;
  return e.hundredths ?? (group ? coefficientFor(group, person.birth, month) : regime.defaultHundredths);
}

/**
 * Level × coefficient, to the whole đồng (half up). The decrees set levels in thousands and coefficients in
 * tenths, so the product is exact; a locality's odd level is the only case where rounding happens.
 */
export function monthlyAmount(level: number, hundredths: number): number {
  return Math.floor((level * hundredths + 50) / 100);
}

export interface MonthLine {
  month: string;
  /** What is owed for the month now. */
  due: number;
  /** What earlier rosters paid for it. */
  paid: number;
  /** due − paid: paid by this line (negative: to recover). */
  amount: number;
  level: number;
  hundredths: number;
  override: boolean;
}

export interface LineAmount {
  amount: number;
  /** Months this line pays or recovers. */
  months: number;
  detail: MonthLine[];
  problem: 'no-level' | 'no-coefficient' | null;
}

/**
 * The roster line for `period`: every month from `firstMonth` to the period whose amount owed differs from what
 * was paid for it. Months before the period are arrears (owed more) or recovery (paid more).
 */
export function lineAmount(period: string, firstMonth: string, dueOf: (month: string) => MonthDue | null,
  paid: ReadonlyMap<string, number>): LineAmount {
  const detail: MonthLine[] = [];
  let problem: LineAmount['problem'] = null;
  const start = Math.min(monthIndex(firstMonth), ...[...paid.keys()].map(monthIndex));
  for (let i = start; i <= monthIndex(period); i += 1) {
    const month = periodOf(i);
    const due = dueOf(month);
    const paidFor = paid.get(month) ?? 0;
    if (due && 'problem' in due) {
      problem ??= due.problem;
      continue;
    }
    const owed = due?.amount ?? 0;
    if (owed === paidFor) continue;
    detail.push({ month, due: owed, paid: paidFor, amount: owed - paidFor, level: due?.level ?? 0, hundredths: due?.hundredths ?? 0, override: due?.override ?? false });
  }
  return { amount: detail.reduce((s, d) => s + d.amount, 0), months: detail.length, detail, problem };
}

export type DueOf = (month: string) => MonthDue | null;

/**
 * A person's dues per regime with the one-of rule applied month by month (regimes.ts ONE_OF): a regime of a group
 * owes nothing in a month another of the group pays more, or as much and is listed first. A due whose amount cannot
 * be computed (no level, no coefficient) neither gives way nor wins: the clerk sees it and settles it.
 */
export function withOneOf(dues: ReadonlyMap<string, DueOf>): Map<string, DueOf> {
  const out = new Map(dues);
  for (const group of ONE_OF) {
    const present = group.filter((code) => dues.has(code));
    if (present.length < 2) continue;
    for (const code of present) {
      const own = dues.get(code)!;
      out.set(code, (month) => {
        const due = own(month);
        if (!due || 'problem' in due) return due;
        for (const other of present) {
          if (other === code) continue;
          const theirs = dues.get(other)!(month);
          if (!theirs || 'problem' in theirs) continue;
          if (theirs.amount > due.amount || (theirs.amount === due.amount && group.indexOf(other) < group.indexOf(code))) return null;
        }
        return due;
      });
    }
  }
  return out;
}
