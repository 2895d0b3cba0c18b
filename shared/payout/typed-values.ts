// Values a clerk types on the payout screens: a day as dd/mm/yyyy, an amount of đồng with or without
// thousands separators, a coefficient with a decimal comma. Pure; each returns null for anything it cannot read.

/** `YYYY-MM-DD` is a day that exists (no 30 February). */
export function isRealDay(iso: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const day = new Date(Date.UTC(y, mo - 1, d));
  return day.getUTCFullYear() === y && day.getUTCMonth() === mo - 1 && day.getUTCDate() === d;
}

/** `10/12/2026` (also `10-12-2026`, `10.12.2026`, `1/7/2024`) → `2026-12-10`; null when it is not a real day. */
export function parseDay(text: string): string | null {
  const m = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/.exec(text);
  if (!m) return null;
  const iso = `${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}`;
  return isRealDay(iso) ? iso : null;
}

/** `2026-12-10` → `10/12/2026`. */
export function formatDay(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/** `650.000`, `650 000`, `650,000`, `650000 đ` → 650000; null for anything else (decimals, letters, nothing). */
export function parseVnd(text: string): number | null {
  const t = text.replace(/\s|\u00a0|₫|đ|VNĐ|VND/gi, '');
  if (!/^\d{1,3}([.,]\d{3})*$|^\d+$/.test(t)) return null;
  const n = Number(t.replace(/[.,]/g, ''));
  return Number.isSafeInteger(n) ? n : null;
}

/** `2,5` or `2.5` → 250 hundredths; null for anything else (more than two decimals, letters, negative). */
export function parseCoefficient(text: string): number | null {
  const m = /^\s*(\d{1,2})(?:[.,](\d{1,2}))?\s*$/.exec(text);
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '0').padEnd(2, '0'));
}

/** `YYYY-MM` typed as `12/2026` (or `2026-12`) → `2026-12`; null otherwise. */
export function parseMonth(text: string): string | null {
  const a = /^\s*(\d{1,2})[/.-](\d{4})\s*$/.exec(text);
  const b = /^\s*(\d{4})-(\d{2})\s*$/.exec(text);
  const [y, m] = a ? [a[2], a[1].padStart(2, '0')] : b ? [b[1], b[2]] : [null, null];
  if (!y || !m || Number(m) < 1 || Number(m) > 12) return null;
  return `${y}-${m}`;
}
