// A payout period is a calendar month, written `YYYY-MM`.

const PERIOD = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isPeriod(text: string): boolean {
  return PERIOD.test(text);
}

/** Months since year 0: periods compare and step as integers. */
export function monthIndex(period: string): number {
  const m = PERIOD.exec(period);
  if (!m) throw new RangeError(`not a period: ${period}`);
  return Number(m[1]) * 12 + Number(m[2]) - 1;
}

export function periodOf(index: number): string {
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

export function addMonths(period: string, n: number): string {
  return periodOf(monthIndex(period) + n);
}

/** The month of a date `YYYY-MM-DD` (or `YYYY-MM`). */
export function periodOfDate(date: string): string {
  return date.slice(0, 7);
}

/** Every period from `from` to `to`, both included. */
export function periodsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let i = monthIndex(from); i <= monthIndex(to); i += 1) out.push(periodOf(i));
  return out;
}

/** `2026-12` → `12/2026`, as Vietnamese documents write a month. */
export function formatPeriod(period: string): string {
  return `${period.slice(5, 7)}/${period.slice(0, 4)}`;
}

/**
 * A person's age for a period, counting a birthday only from the month after it: a threshold (4, 16, 60, 80
 * years) changes the coefficient from the month after the birthday. Born in May 2022: 3 in May 2026, 4 from June.
 * With only the year known (`YYYY`), the birthday is taken as the last month of that year, so that no one is
 * moved across a threshold before they could have reached it.
 */
export function ageInPeriod(birth: string, period: string): number | null {
  const y = /^(\d{4})(?:-(\d{2}))?/.exec(birth);
  if (!y) return null;
  const birthMonth = Number(y[1]) * 12 + (y[2] ? Number(y[2]) - 1 : 11);
  const months = monthIndex(period) - birthMonth;
  if (months < 1) return 0;
  return Math.floor((months - 1) / 12);
}

/**
 * The month the payout screen opens on: the earliest roster from last month on that is not locked yet (work in
 * hand), else next month (the list prepared before the 25th).
 */
export function periodToOpen(rosters: readonly { period: string; status: string }[], today: string): string {
  const current = periodOfDate(today);
  const open = rosters.filter((r) => r.status !== 'locked' && monthIndex(r.period) >= monthIndex(current) - 1).map((r) => r.period).sort();
  return open[0] ?? addMonths(current, 1);
}
