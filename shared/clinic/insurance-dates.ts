// Dates as the insurance gateway and the paper card write them (dd/MM/yyyy, or yyyy alone for a birth year), and
// what a validity period means on a given day.

/** dd/MM/yyyy (also d/M/yyyy, dd-MM-yyyy, ddMMyyyy) → yyyy-MM-dd; yyyy → yyyy; anything else → null. */
export function gatewayDateToIso(text: string | null | undefined): string | null {
  if (typeof text !== 'string') return null;
  const t = text.trim();
  if (/^\d{4}$/.test(t)) return t;
  const m = /^(\d{1,2})[/.-]?(\d{1,2})[/.-]?(\d{4})$/.exec(t.length === 8 && /^\d{8}$/.test(t) ? `${t.slice(0, 2)}/${t.slice(2, 4)}/${t.slice(4)}` : t);
  if (!m) return null;
  const day = Number(m[1]);
  const month = Number(m[2]);
  const year = Number(m[3]);
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${m[3]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** yyyy-MM-dd → dd/MM/yyyy, yyyy → yyyy (what the gateway's ngaySinh takes). */
export function isoToGatewayDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

export type Coverage = 'in-force' | 'not-yet' | 'ended' | 'unknown';

/** Whether a card valid from..to (ISO, either may be missing) covers `today` (ISO). */
export function coverageOn(validFrom: string | null, validTo: string | null, today: string): Coverage {
  if (!validFrom && !validTo) return 'unknown';
  if (validFrom && today < validFrom) return 'not-yet';
  if (validTo && today > validTo) return 'ended';
  return 'in-force';
}

/** The day in Vietnam (UTC+7, no daylight saving) of an instant: the clinic's day for queue numbers. */
export function vietnamDay(ms: number): string {
  return new Date(ms + 7 * 3_600_000).toISOString().slice(0, 10);
}
