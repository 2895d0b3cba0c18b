import { foldVietnamese } from '../../shared/text/fold';

// Lists often count money in thousands: a banner "ĐVT: 1.000 đồng" above the table, or a heading "Mức trợ cấp
// (nghìn đồng)", with 750 meaning 750.000 đồng. Read as written, such a list would pay a thousandth of what is due.

// "ngàn" alone is not taken: folded, "ngân hàng" reads "ngan hang".
const THOUSANDS = /(^| )(nghin|ngan) (dong|d|vnd)( |$)|(^| )1 ?000 ?(dong|d|vnd)( |$)|(^| )nghin( |$)/;
const MILLIONS = /(^| )trieu (dong|d|vnd)( |$)|(^| )1 ?000 ?000 ?(dong|d|vnd)( |$)|(^| )trieu( |$)/;
const UNIT_BANNER = /(^| )(dvt|don vi tinh|don vi)( |$)/;

/** The unit an amount heading states ("Mức trợ cấp (nghìn đồng)" → 1000), or null when it states none. */
export function amountUnitOfHeading(heading: string): number | null {
  const key = foldVietnamese(heading);
  if (MILLIONS.test(key)) return 1_000_000;
  if (THOUSANDS.test(key)) return 1000;
  if (/(^| )(dong|vnd)( |$)/.test(key)) return 1;
  return null;
}

/** The unit a banner above the table states ("ĐVT: 1.000 đồng", "Đơn vị tính: nghìn đồng"), or null. */
export function amountUnitOfBanner(text: string): number | null {
  return UNIT_BANNER.test(foldVietnamese(text)) ? amountUnitOfHeading(text) : null;
}

/**
 * An amount read in the list's unit. A figure of 100.000 or more is taken as already in đồng: no monthly payment is
 * a hundred million, and a clerk who filled in some rows in full đồng under a thousands heading is not paid 1000×.
 */
export function inDong(amount: number, unit: number): number {
  if (unit === 1 || amount >= 100_000) return amount;
  return Math.round(amount * unit);
}
