// Dates the way Vietnamese offices write them: dd/mm/yyyy, 24-hour time.

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const YEAR_ONLY = /^\d{4}$/;

/**
 * A birth date from the contract (`YYYY-MM-DD`, or `YYYY` when only the year is known, common for old people)
 * as dd/mm/yyyy or just yyyy. Anything else is returned unchanged rather than guessed at.
 */
export function formatBirth(birth: string | null | undefined): string {
  if (!birth) return '';
  if (YEAR_ONLY.test(birth)) return birth;
  const m = ISO_DAY.exec(birth);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : birth;
}

/**
 * An instant (ISO 8601) as dd/mm/yyyy HH:mm in the given IANA time zone (default: the computer's own).
 * Intl does the time-zone arithmetic; the order of the parts is ours so that every locale data version agrees.
 */
export function formatDateTime(iso: string, timeZone?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('day')}/${part('month')}/${part('year')} ${part('hour')}:${part('minute')}`;
}
