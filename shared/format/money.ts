// Vietnamese đồng: no decimals, "." between thousands, the ₫ sign after a no-break space: "1.500.000 ₫".

const NBSP = '\u00a0';

// Grouping by hand: integers only, and the output must not depend on the ICU data the browser ships.
function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/** An amount of VND (an integer) as "1.500.000 ₫"; null/undefined as an empty string. */
export function formatVnd(amount: number | null | undefined): string {
  if (amount === null || amount === undefined || !Number.isFinite(amount)) return '';
  const whole = Math.round(amount);
  const sign = whole < 0 ? '-' : '';
  return `${sign}${groupThousands(String(Math.abs(whole)))}${NBSP}₫`;
}

/** A share (a fraction) as a percentage with one decimal, Vietnamese style: 0.8571 → "85,7%". */
export function formatShare(fraction: number): string {
  return `${(fraction * 100).toFixed(1).replace('.', ',')}%`;
}

/** A count with Vietnamese thousands separators: 1234 → "1.234". */
export function formatCount(n: number): string {
  const sign = n < 0 ? '-' : '';
  return sign + groupThousands(String(Math.abs(Math.trunc(n))));
}
